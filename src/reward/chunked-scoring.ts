// Pure orchestration of chunked prefill: plans chunks, aligns targets so token t is scored from
// position t-1, reports progress and honours cancel between chunks. The runner owns the model run and
// the logits reduction (see ChunkRunner in ports.ts), so the same code drives WebGPU, WASM and Node.
import type { ChunkRunner, ScoreOptions, TokenScores } from './ports.ts';

export interface ChunkedScoreOptions extends ScoreOptions {
  /** Tokens per model run; the KV cache carries context between runs. */
  chunkLength?: number;
  topK?: number;
}

export const DEFAULT_CHUNK_LENGTH = 512;
export const DEFAULT_TOP_K = 5;

/** Token scores with token 0 (no prediction) set to NaN / -1 and no alternatives. */
export function emptyTokenScores(tokenCount: number, k: number): TokenScores {
  const scores: TokenScores = {
    logprob: new Float32Array(tokenCount).fill(Number.NaN),
    entropy: new Float32Array(tokenCount).fill(Number.NaN),
    rank: new Int32Array(tokenCount).fill(-1),
    topIds: new Int32Array(tokenCount * k).fill(-1),
    topLogprobs: new Float32Array(tokenCount * k).fill(Number.NaN),
    k,
  };
  return scores;
}

function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw signal.reason ?? new Error('scoring cancelled');
}

function checkPositiveInteger(name: string, value: number): void {
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a positive integer, got ${value}`);
}

/**
 * Scores every token of `ids` with a causal LM. Entry t of the result describes token t as predicted
 * from tokens < t (position t-1's output). The last position has no target and is not reported.
 */
export async function scoreTokens(runner: ChunkRunner, ids: Int32Array, options: ChunkedScoreOptions = {}): Promise<TokenScores> {
  const chunkLength = options.chunkLength ?? DEFAULT_CHUNK_LENGTH;
  const k = options.topK ?? DEFAULT_TOP_K;
  checkPositiveInteger('chunkLength', chunkLength);
  checkPositiveInteger('topK', k);
  const scores = emptyTokenScores(ids.length, k);
  throwIfAborted(options.signal);
  await runner.reset();
  try {
    // The last token is never a target source, so positions [0, ids.length - 1) are enough.
    const positions = Math.max(ids.length - 1, 0);
    for (let start = 0; start < positions; start += chunkLength) {
      const end = Math.min(start + chunkLength, positions);
      const chunkIds = ids.subarray(start, end);
      const targets = ids.slice(start + 1, end + 1);
      const reduced = await runner.runChunk(chunkIds, targets, k);
      // Position p predicts token p + 1.
      scores.logprob.set(reduced.logprob.subarray(0, end - start), start + 1);
      scores.entropy.set(reduced.entropy.subarray(0, end - start), start + 1);
      scores.rank.set(reduced.rank.subarray(0, end - start), start + 1);
      scores.topIds.set(reduced.topIds.subarray(0, (end - start) * k), (start + 1) * k);
      scores.topLogprobs.set(reduced.topLogprobs.subarray(0, (end - start) * k), (start + 1) * k);
      options.onProgress?.({ tokensDone: end + 1, tokensTotal: ids.length });
      throwIfAborted(options.signal);
    }
  } finally {
    await runner.reset();
  }
  return scores;
}

/** One runtime's way to run a reward model (`rewards` [batch, sequence]) on a slice of tokens. */
export interface RewardChunkRunner {
  readonly backend: string;
  /** True when the model carries a KV cache, so chunks continue where the previous call stopped. */
  readonly hasKvCache: boolean;
  /** Longest window the model accepts in one run (context length) when it has no cache. */
  readonly maxLength: number;
  /** Rewards for `chunkIds`; with a cache they continue the earlier calls, without one they start fresh. */
  runChunk(chunkIds: Int32Array): Promise<Float32Array>;
  reset(): Promise<void>;
}

/**
 * Per-token rewards for `ids`. With a KV cache: chunked like scoreTokens (exact). Without: one run when
 * the text fits in maxLength, else sliding windows of maxLength that advance by half a window, each
 * new position read from a window that gives it at least maxLength/2 tokens of context.
 */
export async function rewardsFor(runner: RewardChunkRunner, ids: Int32Array, options: ChunkedScoreOptions = {}): Promise<Float32Array> {
  const rewards = new Float32Array(ids.length);
  throwIfAborted(options.signal);
  await runner.reset();
  try {
    if (runner.hasKvCache) await rewardsCached(runner, ids, rewards, options);
    else await rewardsWindowed(runner, ids, rewards, options);
  } finally {
    await runner.reset();
  }
  return rewards;
}

async function rewardsCached(runner: RewardChunkRunner, ids: Int32Array, out: Float32Array, options: ChunkedScoreOptions): Promise<void> {
  const chunkLength = options.chunkLength ?? DEFAULT_CHUNK_LENGTH;
  checkPositiveInteger('chunkLength', chunkLength);
  for (let start = 0; start < ids.length; start += chunkLength) {
    const end = Math.min(start + chunkLength, ids.length);
    out.set((await runner.runChunk(ids.subarray(start, end))).subarray(0, end - start), start);
    options.onProgress?.({ tokensDone: end, tokensTotal: ids.length });
    throwIfAborted(options.signal);
  }
}

async function rewardsWindowed(runner: RewardChunkRunner, ids: Int32Array, out: Float32Array, options: ChunkedScoreOptions): Promise<void> {
  const windowLength = runner.maxLength;
  checkPositiveInteger('maxLength', windowLength);
  const stride = Math.max(1, Math.floor(windowLength / 2));
  let done = 0;
  while (done < ids.length) {
    const end = done === 0 ? Math.min(windowLength, ids.length) : Math.min(done + stride, ids.length);
    const start = Math.max(0, end - windowLength);
    const windowRewards = await runner.runChunk(ids.subarray(start, end));
    await runner.reset();
    out.set(windowRewards.subarray(done - start, end - start), done);
    done = end;
    options.onProgress?.({ tokensDone: done, tokensTotal: ids.length });
    throwIfAborted(options.signal);
  }
}
