// Scoring workers behind window.trellisDiagnostics: one per (backend, threads), since ORT fixes its
// thread count at a worker's first session, plus one for model-free tools (probe, kernel checks).
import type { Remote } from 'comlink';
import { openScoreWorker, type BackendChoice, type ScoreApi, type ScoreWorkerHandle } from '../../workers/score-api.ts';

const MODEL_FILES = ['config.json', 'tokenizer.json', 'tokenizer_config.json', 'onnx/model.onnx'];
const workers = new Map<string, ScoreWorkerHandle>();
let toolWorker: ScoreWorkerHandle | undefined;

export const workerKey = (backend: BackendChoice, threads?: number) => `${backend}/${threads ?? 'default'}`;

export function workerFor(key: string): Remote<ScoreApi> {
  let handle = workers.get(key);
  if (!handle) {
    handle = openScoreWorker();
    workers.set(key, handle);
  }
  return handle.api;
}

export function toolsWorker(): Remote<ScoreApi> {
  toolWorker ??= openScoreWorker();
  return toolWorker.api;
}

/** Cancels whatever that worker is scoring (LM or rewards); a worker not started yet has nothing to cancel. */
export function cancelOn(backend: BackendChoice, threads?: number): void {
  void workers.get(workerKey(backend, threads))?.api.cancel();
}

/** Fetches a model folder the page serves (missing optional files and SPA fallbacks are skipped). */
export async function fetchModel(baseUrl: string): Promise<Record<string, ArrayBuffer>> {
  const files: Record<string, ArrayBuffer> = {};
  for (const path of MODEL_FILES) {
    const response = await fetch(baseUrl + path);
    const html = (response.headers.get('content-type') ?? '').includes('text/html');
    if (response.ok && !html) files[path] = await response.arrayBuffer();
  }
  return files;
}

export function modelNameOf(modelUrl: string): string {
  return modelUrl.split('/').filter(Boolean).pop() ?? 'model';
}
