// window.trellisDiagnostics: a small scripting surface over the scoring worker for e2e tests and
// benchmarks (score ids/text on a chosen backend, run the reduction kernel, run the JS baseline).
import { openScoreWorker, type BackendChoice, type ModelInfo, type ReduceTiming, type ScoreApi, type ScoreWorkerHandle, type SelfTestResult, type AdapterSummary } from '../../workers/score-api.ts';
import type { Remote } from 'comlink';

export interface DiagnosticsScoreRequest {
  backend: BackendChoice;
  threads?: number;
  /** Model folder URL (fetched by the page, handed to the worker as files). Default /models/tiny-random/. */
  modelUrl?: string;
  ids?: number[];
  text?: string;
  chunkLength?: number;
}

export interface DiagnosticsScoreResult {
  info: ModelInfo;
  ids: number[];
  logprob: number[];
  entropy: number[];
  rank: number[];
  topIds: number[];
  durationMs: number;
  tokensPerSecond: number;
  byteLengthReadBack: number;
  modelMs: number;
  reduceMs: number;
}

export interface TrellisDiagnostics {
  probe(): Promise<AdapterSummary | null>;
  selfTest(): Promise<SelfTestResult>;
  score(request: DiagnosticsScoreRequest): Promise<DiagnosticsScoreResult>;
  reduceRandom(positions: number, vocabSize: number, repeats?: number): Promise<ReduceTiming>;
  downloadReduceRandom(positions: number, vocabSize: number, repeats?: number): Promise<ReduceTiming>;
  /** Cancels a running score() on that backend/threads worker. */
  cancel(backend: BackendChoice, threads?: number): void;
  crossOriginIsolated: boolean;
}

const MODEL_FILES = ['config.json', 'tokenizer.json', 'tokenizer_config.json', 'onnx/model.onnx'];
const workers = new Map<string, ScoreWorkerHandle>();
let toolWorker: ScoreWorkerHandle | undefined;

/** One worker per (backend, threads): ORT fixes its thread count at its first session. */
function workerFor(key: string): Remote<ScoreApi> {
  let handle = workers.get(key);
  if (!handle) {
    handle = openScoreWorker();
    workers.set(key, handle);
  }
  return handle.api;
}

function tools(): Remote<ScoreApi> {
  toolWorker ??= openScoreWorker();
  return toolWorker.api;
}

async function fetchModel(baseUrl: string): Promise<Record<string, ArrayBuffer>> {
  const files: Record<string, ArrayBuffer> = {};
  for (const path of MODEL_FILES) {
    const response = await fetch(baseUrl + path);
    const html = (response.headers.get('content-type') ?? '').includes('text/html');
    if (response.ok && !html) files[path] = await response.arrayBuffer();
  }
  return files;
}

const loaded = new Map<string, ModelInfo>();
const workerKey = (backend: BackendChoice, threads?: number) => `${backend}/${threads ?? 'default'}`;

async function score(request: DiagnosticsScoreRequest): Promise<DiagnosticsScoreResult> {
  const modelUrl = request.modelUrl ?? '/models/tiny-random/';
  const key = workerKey(request.backend, request.threads);
  const api = workerFor(key);
  let info = loaded.get(`${key}@${modelUrl}`);
  if (!info) {
    const name = modelUrl.split('/').filter(Boolean).pop() ?? 'model';
    info = await api.load({ kind: 'files', files: await fetchModel(modelUrl), name }, { backend: request.backend, threads: request.threads });
    loaded.set(`${key}@${modelUrl}`, info);
  }
  const scored = request.text !== undefined
    ? await api.scoreText(request.text, undefined, request.chunkLength)
    : await api.scoreIds(Int32Array.from(request.ids ?? []), undefined, request.chunkLength);
  const ids = 'ids' in scored ? Array.from((scored as { ids: Int32Array }).ids) : request.ids ?? [];
  return {
    info,
    ids,
    logprob: Array.from(scored.scores.logprob),
    entropy: Array.from(scored.scores.entropy),
    rank: Array.from(scored.scores.rank),
    topIds: Array.from(scored.scores.topIds),
    durationMs: scored.durationMs,
    tokensPerSecond: ids.length / (scored.durationMs / 1000),
    byteLengthReadBack: scored.byteLengthReadBack,
    modelMs: scored.modelMs,
    reduceMs: scored.reduceMs,
  };
}

export function installDiagnosticsApi(): TrellisDiagnostics {
  const api: TrellisDiagnostics = {
    probe: () => tools().probe(),
    selfTest: () => tools().kernelSelfTest(),
    score,
    reduceRandom: (positions, vocabSize, repeats) => tools().reduceRandom(positions, vocabSize, repeats),
    downloadReduceRandom: (positions, vocabSize, repeats) => tools().downloadReduceRandom(positions, vocabSize, repeats),
    cancel: (backend, threads) => void workers.get(workerKey(backend, threads))?.api.cancel(),
    crossOriginIsolated: globalThis.crossOriginIsolated === true,
  };
  (window as unknown as { trellisDiagnostics: TrellisDiagnostics }).trellisDiagnostics = api;
  return api;
}
