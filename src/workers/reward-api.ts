// The scoring worker's reward-model half (comlink): load a model with a `rewards` [batch, sequence]
// output and score a text or ids with it, with progress and cancel (ScoreApi.cancel) like LM scoring.
// A worker holds one causal LM and one reward model at a time, side by side.
import type { AdapterSummary, RewardEngineInfo } from '../gpu/engine-types.ts';
import type { LoadOptions, ModelSource, ScoreProgressEvent } from './score-api.ts';

export interface RewardModelInfo extends RewardEngineInfo {
  vocabSize: number;
  adapter: AdapterSummary | null;
}

export interface RewardedIds {
  /** Entry t: the model's reward after token t (range per the model card). */
  rewards: Float32Array;
  durationMs: number;
  /** Time inside model runs (including the rewards' read-back); the rest is orchestration. */
  modelMs: number;
  /** Bytes of rewards that came back to the CPU (4 per position run; windows overlap). */
  byteLengthReadBack: number;
}

export interface RewardedText extends RewardedIds {
  text: string;
  ids: Int32Array;
  charStart: Int32Array;
  charEnd: Int32Array;
  /** Decoded text of each id that occurs. */
  tokenTexts: Record<number, string>;
}

export interface RewardScoreApi {
  /** Loads a reward model (refused, with the reason, when the folder holds a causal LM). */
  loadRewardModel(source: ModelSource, options: LoadOptions): Promise<RewardModelInfo>;
  rewardModelInfo(): Promise<RewardModelInfo | null>;
  /** chunkLength: tokens per run for reward models with a KV cache (others run whole windows). */
  scoreRewardText(text: string, onProgress?: (event: ScoreProgressEvent) => void, chunkLength?: number): Promise<RewardedText>;
  scoreRewardIds(ids: Int32Array, onProgress?: (event: ScoreProgressEvent) => void, chunkLength?: number): Promise<RewardedIds>;
}
