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

/** Per-position reductions of one chunk of logits (length = chunk length). */
export interface ReducedChunk {
  /** log p(target) at each position; NaN where the target is -1 (no next token). */
  logprob: Float32Array;
  /** Entropy (nats) of the predictive distribution at each position. */
  entropy: Float32Array;
  /** 0-based rank of the target among all vocabulary entries (0 = argmax); -1 without target. */
  rank: Int32Array;
  /** Top-k token ids and log-probs per position, row-major [chunkLength, k]. */
  topIds: Int32Array;
  topLogprobs: Float32Array;
}

/**
 * One runtime's way to run a causal LM chunk by chunk with its KV cache kept between calls
 * (onnxruntime-web on WebGPU/WASM, onnxruntime-node). The pure orchestration in src/reward plans
 * chunks, aligns targets, reports progress and honours cancel; the runner does the model run and the
 * logits reduction (a WGSL kernel on WebGPU, reduceLogitsCpu elsewhere), so full logits never leave it.
 */
export interface ChunkRunner {
  readonly backend: string;
  /**
   * Runs tokens at positions [pastLength, pastLength + chunkIds.length) on top of the cache of
   * earlier calls. targets[i] is the token that follows position pastLength + i, or -1.
   */
  runChunk(chunkIds: Int32Array, targets: Int32Array, topK: number): Promise<ReducedChunk>;
  /** Drops the KV cache (next call starts at position 0) and frees its buffers. */
  reset(): Promise<void>;
}
