// trellisDiagnostics.scoreRewards: a reward model (`rewards` output) scored in the scoring worker on a
// chosen backend, for e2e parity tests and benchmarks. Mirrors score() for causal LMs.
import {
  progressCallback, type BackendChoice, type RewardedIds, type RewardedText, type RewardModelInfo, type ScoreProgressEvent,
} from '../../workers/score-api.ts';
import { fetchModel, modelNameOf, workerFor, workerKey } from './diagnostics-workers.ts';

export interface DiagnosticsRewardRequest {
  backend: BackendChoice;
  threads?: number;
  /** Model folder URL (fetched by the page, handed to the worker as files). Default /models/trellis-rm-tiny/. */
  modelUrl?: string;
  text?: string;
  /** Scored instead of `text` when no text is given. */
  ids?: number[];
  /** Tokens per run for reward models with a KV cache. */
  chunkLength?: number;
}

export interface DiagnosticsRewardResult {
  info: RewardModelInfo;
  ids: number[];
  rewards: number[];
  /** Every progress event the worker sent, in order. */
  progress: ScoreProgressEvent[];
  durationMs: number;
  tokensPerSecond: number;
  modelMs: number;
  byteLengthReadBack: number;
}

/** Loaded reward models per worker and URL (a worker keeps one at a time). */
const loaded = new Map<string, { modelUrl: string; info: RewardModelInfo }>();

export async function scoreRewards(request: DiagnosticsRewardRequest): Promise<DiagnosticsRewardResult> {
  const modelUrl = request.modelUrl ?? '/models/trellis-rm-tiny/';
  const key = workerKey(request.backend, request.threads);
  const api = workerFor(key);
  let current = loaded.get(key);
  if (current?.modelUrl !== modelUrl) {
    const source = { kind: 'files' as const, files: await fetchModel(modelUrl), name: modelNameOf(modelUrl) };
    current = { modelUrl, info: await api.loadRewardModel(source, { backend: request.backend, threads: request.threads }) };
    loaded.set(key, current);
  }
  const progress: ScoreProgressEvent[] = [];
  const onProgress = progressCallback((event) => void progress.push(event));
  let scored: RewardedIds;
  let ids: number[];
  if (request.text !== undefined) {
    const text: RewardedText = await api.scoreRewardText(request.text, onProgress, request.chunkLength);
    scored = text;
    ids = Array.from(text.ids);
  } else {
    ids = request.ids ?? [];
    scored = await api.scoreRewardIds(Int32Array.from(ids), onProgress, request.chunkLength);
  }
  await lastProgress(progress, ids.length);
  return {
    info: current.info,
    ids,
    rewards: Array.from(scored.rewards),
    progress,
    durationMs: scored.durationMs,
    tokensPerSecond: ids.length / (scored.durationMs / 1000),
    modelMs: scored.modelMs,
    byteLengthReadBack: scored.byteLengthReadBack,
  };
}

/**
 * Progress calls come over their own MessagePort (Comlink.proxy), so the final one may arrive just
 * after the result: wait briefly for it so callers see every event.
 */
async function lastProgress(progress: ScoreProgressEvent[], tokensTotal: number, timeoutMs = 1000): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (tokensTotal > 0 && progress.at(-1)?.tokensDone !== tokensTotal && performance.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
