// The web reward runner's feeds and cache handling against a fake session (the real model on WebGPU
// and WASM is checked against onnxruntime-node by e2e/reward-scoring.spec.ts).
import { describe, expect, it } from 'vitest';
import { rewardsFor } from '../reward/chunked-scoring.ts';
import { OrtRewardRunner, type RewardSession } from './ort-reward-runner.ts';
import { ort } from './ort-session.ts';
import type { RewardGraph } from './reward-graph.ts';

const CACHED: RewardGraph = {
  idType: 'int64', hasAttentionMask: true, hasPositionIds: true, rewardsName: 'rewards',
  past: [{ name: 'past_key_values.0.key', presentName: 'present.0.key', heads: 1, headDim: 1, dtype: 'float32' }],
};
const UNCACHED: RewardGraph = { ...CACHED, hasPositionIds: false, past: [] };

/**
 * A "model" whose reward at position p is the mean of ids[0..p] times (1 + position id / 100): it needs
 * the whole prefix, which with a cache only reaches it through past_key_values (one id per position).
 */
class FakeRewardModel implements RewardSession {
  feeds: Record<string, ort.Tensor>[] = [];

  async run(feeds: Record<string, ort.Tensor>): Promise<Record<string, ort.Tensor>> {
    this.feeds.push(feeds);
    const ids = Array.from(feeds.input_ids.data as BigInt64Array, Number);
    const past = feeds['past_key_values.0.key'];
    const prefix = past ? Array.from(past.data as Float32Array) : [];
    const all = [...prefix, ...ids];
    const positions = feeds.position_ids ? Array.from(feeds.position_ids.data as BigInt64Array, Number) : ids.map((_, i) => i);
    const rewards = ids.map((_, i) => {
      const seen = all.slice(0, prefix.length + i + 1);
      return (seen.reduce((sum, id) => sum + id, 0) / seen.length) * (1 + positions[i] / 100);
    });
    const outputs: Record<string, ort.Tensor> = { rewards: new ort.Tensor('float32', Float32Array.from(rewards), [1, ids.length]) };
    if (past) outputs['present.0.key'] = new ort.Tensor('float32', Float32Array.from(all), [1, 1, all.length, 1]);
    return outputs;
  }
}

const IDS = Int32Array.from([5, 3, 8, 1, 9, 2, 7, 4, 6, 0, 11]);

describe('OrtRewardRunner', () => {
  it('with a cache, chunks continue the earlier ones and match a single run', async () => {
    const oneShot = await rewardsFor(new OrtRewardRunner('wasm', new FakeRewardModel(), CACHED, 1024), IDS, { chunkLength: 100 });
    const model = new FakeRewardModel();
    const chunked = await rewardsFor(new OrtRewardRunner('wasm', model, CACHED, 1024), IDS, { chunkLength: 4 });
    expect(Array.from(chunked)).toEqual(Array.from(oneShot));
    // The third chunk sees 8 cached positions: mask over past + chunk, positions continue at 8.
    const third = model.feeds[2];
    expect(third.attention_mask.dims).toEqual([1, 11]);
    expect(Array.from(third.position_ids.data as BigInt64Array, Number)).toEqual([8, 9, 10]);
    expect(third['past_key_values.0.key'].dims).toEqual([1, 1, 8, 1]);
    expect(model.feeds[0]['past_key_values.0.key'].dims).toEqual([1, 1, 0, 1]);
  });

  it('without a cache, runs whole windows with fresh masks and no position_ids', async () => {
    const model = new FakeRewardModel();
    const rewards = await rewardsFor(new OrtRewardRunner('webgpu', model, UNCACHED, 6), IDS);
    expect(rewards).toHaveLength(IDS.length);
    expect(model.feeds.map((feeds) => feeds.input_ids.dims[1])).toEqual([6, 6, 6]);
    expect(model.feeds.every((feeds) => !('position_ids' in feeds) && feeds.attention_mask.dims[1] === 6)).toBe(true);
    // Windowing (not the runner) decides the context; the first window is exact.
    const exact = await rewardsFor(new OrtRewardRunner('webgpu', new FakeRewardModel(), UNCACHED, 100), IDS);
    expect(Array.from(rewards.subarray(0, 6))).toEqual(Array.from(exact.subarray(0, 6)));
  });

  it('feeds int32 ids when the graph asks for them and counts the rewards read back', async () => {
    const model = new FakeRewardModel();
    const idTypes: string[] = [];
    const runner = new OrtRewardRunner('wasm', {
      run: (feeds) => {
        idTypes.push(feeds.input_ids.type, feeds.attention_mask.type);
        return model.run({ ...feeds, input_ids: new ort.Tensor('int64', BigInt64Array.from(feeds.input_ids.data as Int32Array, BigInt), feeds.input_ids.dims) });
      },
    }, { ...UNCACHED, idType: 'int32' }, 100);
    const rewards = await runner.runChunk(Int32Array.from([1, 2, 3]));
    expect(idTypes).toEqual(['int32', 'int32']);
    expect(rewards).toHaveLength(3);
    expect(runner.stats.byteLengthReadBack).toBe(12);
  });

  it('names a rewards output that is missing or not float32', async () => {
    const noRewards = new OrtRewardRunner('wasm', { run: async () => ({}) }, UNCACHED, 10);
    await expect(noRewards.runChunk(Int32Array.from([1]))).rejects.toThrow(/no 'rewards' output/);
    const int32Rewards = new OrtRewardRunner('wasm', { run: async () => ({ rewards: new ort.Tensor('int32', new Int32Array(1), [1, 1]) }) }, UNCACHED, 10);
    await expect(int32Rewards.runChunk(Int32Array.from([1]))).rejects.toThrow(/int32; only float32/);
  });
});
