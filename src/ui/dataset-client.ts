// The one dataset worker of the page, created on first use and kept warm.
import * as Comlink from 'comlink';
import type { DatasetWorkerApi } from '../workers/dataset-api.ts';

let remote: Comlink.Remote<DatasetWorkerApi> | null = null;

export function datasetWorker(): Comlink.Remote<DatasetWorkerApi> {
  if (!remote) {
    const worker = new Worker(new URL('../workers/dataset.worker.ts', import.meta.url), { type: 'module', name: 'dataset' });
    remote = Comlink.wrap<DatasetWorkerApi>(worker);
  }
  return remote;
}

export { proxy as workerCallbacks } from 'comlink';
