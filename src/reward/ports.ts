// Ports between the pure scoring orchestration and the runtimes that implement it
// (onnxruntime-web on WebGPU/WASM in src/gpu, onnxruntime-node in src/cli).

/** A text split into tokens with exact UTF-16 offsets that tile the text. */
export interface TokenizedText {
  ids: Int32Array;
  charStart: Int32Array;
  charEnd: Int32Array;
}

export interface TextTokenizer {
  /** e.g. "trellis-bpe-4k" or the model folder name. */
  readonly name: string;
  /** sha256 (hex) of the tokenizer.json bytes, so imported tracks can be matched. */
  readonly hash: string;
  readonly vocabSize: number;
  encode(text: string): TokenizedText;
  decode(ids: ArrayLike<number>): string;
  tokenText(id: number): string;
}

/**
 * Per-token language-model statistics, aligned to tokens: entry t describes token t as predicted
 * from tokens < t. Token 0 has no prediction: logprob/entropy NaN, rank -1.
 */
export interface TokenScores {
  logprob: Float32Array;
  entropy: Float32Array;
  rank: Int32Array;
  /** Top-k alternatives, row-major [T, k]. */
  topIds: Int32Array;
  topLogprobs: Float32Array;
  k: number;
}

export interface ScoreProgress {
  tokensDone: number;
  tokensTotal: number;
}

export interface ScoreOptions {
  signal?: AbortSignal;
  onProgress?: (progress: ScoreProgress) => void;
}

export interface TokenScorer {
  /** "webgpu" | "wasm" | "node-cpu" … shown to the user. */
  readonly backend: string;
  score(ids: Int32Array, options?: ScoreOptions): Promise<TokenScores>;
}

/** A reward model with a per-position output (`rewards` [batch, sequence]). */
export interface RewardScorer {
  readonly backend: string;
  rewards(ids: Int32Array, options?: ScoreOptions): Promise<Float32Array>;
}
