// The scoring worker's typed API (comlink). The UI imports only these types and `openScoreWorker`;
// the engine (onnxruntime-web, WebGPU) lives behind it in score.worker.ts.
import * as Comlink from 'comlink';
import type { TokenScores } from '../reward/ports.ts';
import type { AdapterSummary, Backend, BackendChoice, EngineInfo, ReduceTiming, SelfTestResult } from '../gpu/engine-types.ts';
import type { RewardScoreApi } from './reward-api.ts';

export type { AdapterSummary, Backend, BackendChoice, SelfTestResult, ReduceTiming };
export type { RewardedIds, RewardedText, RewardModelInfo, RewardScoreApi } from './reward-api.ts';

export type ModelSource =
  /** A model folder served by the app, e.g. "/models/tiny-random/". */
  | { kind: 'url'; baseUrl: string; name: string }
  /** Files the user picked or dropped: relative path → contents. */
  | { kind: 'files'; files: Record<string, Blob | ArrayBuffer>; name: string };

export interface LoadOptions {
  backend: BackendChoice;
  /** WASM threads (1 or 2 here); only honoured by the worker's first load. */
  threads?: number;
}

export interface ModelInfo extends EngineInfo {
  vocabSize: number;
  adapter: AdapterSummary | null;
}

export interface ScoreProgressEvent {
  tokensDone: number;
  tokensTotal: number;
}

export interface ScoredIds {
  scores: TokenScores;
  durationMs: number;
  /** Bytes of logits-derived data that came back to the CPU for this call. */
  byteLengthReadBack: number;
  /** Time inside model runs and inside the logits reduction (the rest is orchestration). */
  modelMs: number;
  reduceMs: number;
}

export interface ScoredText extends ScoredIds {
  text: string;
  ids: Int32Array;
  charStart: Int32Array;
  charEnd: Int32Array;
  /** Decoded text of each top-k alternative id, keyed by id (only ids that occur). */
  tokenTexts: Record<number, string>;
}

/** Causal-LM scoring and diagnostics here; reward-model scoring in RewardScoreApi (reward-api.ts). */
export interface ScoreApi extends RewardScoreApi {
  probe(): Promise<AdapterSummary | null>;
  load(source: ModelSource, options: LoadOptions): Promise<ModelInfo>;
  info(): Promise<ModelInfo | null>;
  scoreText(text: string, onProgress?: (event: ScoreProgressEvent) => void, chunkLength?: number): Promise<ScoredText>;
  scoreIds(ids: Int32Array, onProgress?: (event: ScoreProgressEvent) => void, chunkLength?: number): Promise<ScoredIds>;
  /** Cancels the running score calls, LM and reward alike (they reject with an AbortError). */
  cancel(): void;
  kernelSelfTest(): Promise<SelfTestResult>;
  /** The WGSL reduction on random logits [positions, vocabSize] already on the GPU. */
  reduceRandom(positions: number, vocabSize: number, repeats?: number): Promise<ReduceTiming>;
  /** Baseline: download the same logits to the CPU and reduce them in JS. */
  downloadReduceRandom(positions: number, vocabSize: number, repeats?: number): Promise<ReduceTiming>;
  dispose(): Promise<void>;
}

export interface ScoreWorkerHandle {
  api: Comlink.Remote<ScoreApi>;
  terminate(): void;
}

/** Starts a scoring worker. Each worker has its own ORT instance (and thread setting). */
export function openScoreWorker(): ScoreWorkerHandle {
  const worker = new Worker(new URL('./score.worker.ts', import.meta.url), { type: 'module', name: 'trellis-score' });
  return { api: Comlink.wrap<ScoreApi>(worker), terminate: () => worker.terminate() };
}

/** Wraps a progress callback so it can cross the worker boundary. */
export function progressCallback(callback: (event: ScoreProgressEvent) => void): (event: ScoreProgressEvent) => void {
  return Comlink.proxy(callback);
}
