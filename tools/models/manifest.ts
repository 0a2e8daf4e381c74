// public/models/manifest.json: every bundled file with its size and sha256, the licence and the
// ONNX input/output names, so CI can check that the committed files are the ones described.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

export interface ManifestFile {
  path: string;
  bytes: number;
  sha256: string;
}

export interface ManifestModel {
  id: string;
  task: 'causal-lm' | 'token-reward';
  licence: string;
  inputs: string[];
  outputs: string[];
  files: ManifestFile[];
}

export interface Manifest {
  version: 1;
  totalBytes: number;
  models: ManifestModel[];
}

export const MODEL_LICENCE = 'Apache-2.0 (weights; trained on Apache-2.0 and MIT licensed traces plus synthetic traces, see MODEL_CARD.md)';

export function sha256(path: string): string {
  return createHash('sha256').update(readFileSync(path)).digest('hex');
}

function listFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) => (entry.isDirectory() ? listFiles(join(dir, entry.name)) : [join(dir, entry.name)]))
    .sort();
}

export function describeFiles(modelsDir: string, modelId: string): ManifestFile[] {
  return listFiles(join(modelsDir, modelId)).map((path) => ({
    path: relative(modelsDir, path).split('\\').join('/'),
    bytes: statSync(path).size,
    sha256: sha256(path),
  }));
}

export function buildManifest(modelsDir: string, io: Record<string, { inputs: string[]; outputs: string[] }>): Manifest {
  const models: ManifestModel[] = (['trellis-lm-tiny', 'trellis-rm-tiny'] as const).map((id) => ({
    id,
    task: id === 'trellis-lm-tiny' ? 'causal-lm' : 'token-reward',
    licence: MODEL_LICENCE,
    inputs: io[id]?.inputs ?? [],
    outputs: io[id]?.outputs ?? [],
    files: describeFiles(modelsDir, id),
  }));
  const totalBytes = models.flatMap((m) => m.files).reduce((sum, file) => sum + file.bytes, 0);
  return { version: 1, totalBytes, models };
}
