import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { rewardsFor, scoreTokens, type RewardChunkRunner } from './chunked-scoring.ts';
import { reduceLogitsCpu } from './reduce-logits.ts';
import type { ChunkRunner, ReducedChunk } from './ports.ts';

const VOCAB = 11;
/** A tiny fixed "model": bigram table plus a term that depends on the whole prefix (like a KV cache). */
function logitsAt(prevId: number, position: number, prefixSum: number): Float32Array {
  const row = new Float32Array(VOCAB);
  for (let v = 0; v < VOCAB; v++) row[v] = Math.sin(prevId * 7 + v * 3) * 2 + ((prefixSum + position) % 5) * 0.3 * (v % 3);
  return row;
}

class FakeRunner implements ChunkRunner {
  readonly backend = 'fake';
  pastLength = 0;
  prefixSum = 0;
  calls: number[] = [];
  async runChunk(chunkIds: Int32Array, targets: Int32Array, topK: number): Promise<ReducedChunk> {
    this.calls.push(chunkIds.length);
    const logits = new Float32Array(chunkIds.length * VOCAB);
    chunkIds.forEach((id, i) => {
      this.prefixSum += id;
      logits.set(logitsAt(id, this.pastLength + i, this.prefixSum), i * VOCAB);
    });
    this.pastLength += chunkIds.length;
    return reduceLogitsCpu(logits, chunkIds.length, VOCAB, targets, topK);
  }
  async reset(): Promise<void> { this.pastLength = 0; this.prefixSum = 0; }
}

const idsArb = fc.array(fc.integer({ min: 0, max: VOCAB - 1 }), { minLength: 0, maxLength: 60 }).map((a) => Int32Array.from(a));

describe('scoreTokens', () => {
  it('aligns token t with the prediction from position t-1', async () => {
    const ids = Int32Array.from([3, 1, 4, 1, 5]);
    const s = await scoreTokens(new FakeRunner(), ids, { chunkLength: 2, topK: 2 });
    expect(s.logprob[0]).toBeNaN();
    expect(s.rank[0]).toBe(-1);
    expect(s.topIds[0]).toBe(-1);
    let sum = 0;
    for (let t = 1; t < ids.length; t++) {
      sum += ids[t - 1];
      const want = reduceLogitsCpu(logitsAt(ids[t - 1], t - 1, sum), 1, VOCAB, Int32Array.of(ids[t]), 2);
      expect(s.logprob[t]).toBe(want.logprob[0]);
      expect(s.rank[t]).toBe(want.rank[0]);
      expect(Array.from(s.topIds.subarray(t * 2, t * 2 + 2))).toEqual(Array.from(want.topIds));
    }
  });

  it('gives exactly the one-shot result for any chunk length', async () => {
    await fc.assert(fc.asyncProperty(idsArb, fc.integer({ min: 1, max: 70 }), async (ids, chunkLength) => {
      const oneShot = await scoreTokens(new FakeRunner(), ids, { chunkLength: 100, topK: 3 });
      const chunked = await scoreTokens(new FakeRunner(), ids, { chunkLength, topK: 3 });
      expect(chunked).toEqual(oneShot);
    }), { numRuns: 100 });
  });

  it('runs ceil((n-1)/chunk) chunks and reports progress up to the token count', async () => {
    const runner = new FakeRunner();
    const progress: number[] = [];
    await scoreTokens(runner, new Int32Array(10), { chunkLength: 4, onProgress: (p) => progress.push(p.tokensDone) });
    expect(runner.calls).toEqual([4, 4, 1]);
    expect(progress).toEqual([5, 9, 10]);
  });

  it('stops between chunks when the signal aborts, and resets the cache', async () => {
    const runner = new FakeRunner();
    const controller = new AbortController();
    const run = scoreTokens(runner, new Int32Array(20), {
      chunkLength: 4, signal: controller.signal, onProgress: () => controller.abort(new Error('stop')),
    });
    await expect(run).rejects.toThrow('stop');
    expect(runner.calls).toEqual([4]);
    expect(runner.pastLength).toBe(0);
  });

  it('rejects a bad chunk length', async () => {
    await expect(scoreTokens(new FakeRunner(), new Int32Array(3), { chunkLength: 0 })).rejects.toThrow(/chunkLength/);
  });
});

/** Reward = running mean of ids so far, so context loss would show. */
class FakeRewardRunner implements RewardChunkRunner {
  readonly backend = 'fake';
  sum = 0;
  count = 0;
  windows: number[] = [];
  constructor(readonly hasKvCache: boolean, readonly maxLength: number) {}
  async runChunk(chunkIds: Int32Array): Promise<Float32Array> {
    if (chunkIds.length > this.maxLength) throw new Error('window too long');
    this.windows.push(chunkIds.length);
    return Float32Array.from(chunkIds, (id) => { this.sum += id; this.count++; return this.sum / this.count; });
  }
  async reset(): Promise<void> { this.sum = 0; this.count = 0; }
}

describe('rewardsFor', () => {
  it('with a KV cache, chunked equals one shot exactly', async () => {
    await fc.assert(fc.asyncProperty(idsArb, fc.integer({ min: 1, max: 70 }), async (ids, chunkLength) => {
      const oneShot = await rewardsFor(new FakeRewardRunner(true, 1000), ids, { chunkLength: 1000 });
      expect(await rewardsFor(new FakeRewardRunner(true, 1000), ids, { chunkLength })).toEqual(oneShot);
    }), { numRuns: 100 });
  });

  it('without a cache, runs once when the text fits', async () => {
    const runner = new FakeRewardRunner(false, 16);
    const ids = Int32Array.from([1, 2, 3, 4]);
    expect(Array.from(await rewardsFor(runner, ids))).toEqual([1, 1.5, 2, 2.5]);
    expect(runner.windows).toEqual([4]);
  });

  it('without a cache, slides half-overlapping windows over long texts', async () => {
    const runner = new FakeRewardRunner(false, 4);
    const ids = Int32Array.from({ length: 9 }, (_, i) => i);
    const rewards = await rewardsFor(runner, ids);
    expect(runner.windows).toEqual([4, 4, 4, 4]); // [0,4) [2,6) [4,8) [5,9)
    // Position 4 comes from window [2, 6): mean of 2..4.
    expect(rewards[4]).toBeCloseTo(3);
    expect(rewards[3]).toBeCloseTo(1.5);
    expect(rewards[8]).toBeCloseTo((5 + 6 + 7 + 8) / 4);
  });
});
