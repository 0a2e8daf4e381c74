// window.trellisDiagnostics: a small scripting surface over the scoring worker for e2e tests and
// benchmarks (score ids/text with a causal LM or a reward model on a chosen backend, run the reduction
// kernel, run the JS baseline).
import type { AdapterSummary, BackendChoice, ModelInfo, ReduceTiming, SelfTestResult } from '../../workers/score-api.ts';
import { cancelOn, fetchModel, modelNameOf, toolsWorker, workerFor, workerKey } from './diagnostics-workers.ts';
import { scoreRewards, type DiagnosticsRewardRequest, type DiagnosticsRewardResult } from './reward-diagnostics.ts';

export type { DiagnosticsRewardRequest, DiagnosticsRewardResult };

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
  /** Per-token rewards of a reward model (`rewards` output) for a text or ids. */
  scoreRewards(request: DiagnosticsRewardRequest): Promise<DiagnosticsRewardResult>;
  reduceRandom(positions: number, vocabSize: number, repeats?: number): Promise<ReduceTiming>;
  downloadReduceRandom(positions: number, vocabSize: number, repeats?: number): Promise<ReduceTiming>;
  /** Cancels a running score() or scoreRewards() on that backend/threads worker. */
  cancel(backend: BackendChoice, threads?: number): void;
  crossOriginIsolated: boolean;
}

const loaded = new Map<string, ModelInfo>();

async function score(request: DiagnosticsScoreRequest): Promise<DiagnosticsScoreResult> {
  const modelUrl = request.modelUrl ?? '/models/tiny-random/';
  const key = workerKey(request.backend, request.threads);
  const api = workerFor(key);
  let info = loaded.get(`${key}@${modelUrl}`);
  if (!info) {
    info = await api.load({ kind: 'files', files: await fetchModel(modelUrl), name: modelNameOf(modelUrl) }, { backend: request.backend, threads: request.threads });
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
    probe: () => toolsWorker().probe(),
    selfTest: () => toolsWorker().kernelSelfTest(),
    score,
    scoreRewards,
    reduceRandom: (positions, vocabSize, repeats) => toolsWorker().reduceRandom(positions, vocabSize, repeats),
    downloadReduceRandom: (positions, vocabSize, repeats) => toolsWorker().downloadReduceRandom(positions, vocabSize, repeats),
    cancel: cancelOn,
    crossOriginIsolated: globalThis.crossOriginIsolated === true,
  };
  (window as unknown as { trellisDiagnostics: TrellisDiagnostics }).trellisDiagnostics = api;
  return api;
}
