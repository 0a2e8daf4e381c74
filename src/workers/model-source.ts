// Reads a model folder named by a ModelSource: served by the app (URL) or picked by the user (files).
import { fetchModelFiles, pickedModelFiles, type ModelFiles } from '../gpu/model-files.ts';
import type { ModelSource } from './score-api.ts';

export function readModelSource(source: ModelSource): Promise<ModelFiles> {
  return source.kind === 'url' ? fetchModelFiles(source.baseUrl, source.name) : pickedModelFiles(source.files, source.name);
}
