import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NodeRewardScorer, NodeTokenScorer, openNodeModel, type NodeModel } from './node-scorers.ts';
import { OrtChunkRunner } from './ort-chunk-runner.ts';
import { loadModelFolder } from './model-folder.ts';
import { OrtRewardRunner } from './ort-reward-runner.ts';
import { rewardsFor } from '../../reward/chunked-scoring.ts';

const LM_DIR = 'test/fixtures/models/tiny-random';
const RM_DIR = 'test/fixtures/models/tiny-random-rm';
const TEXT = ('Okay, so I need to find the sum. Wait, let me check: 6 × 7 = 42. 答案是 42 🙂. '
  + 'Alternatively, maybe there is a better way: café — naïve résumé. ').repeat(3);

function logSoftmax(row: Float32Array): Float64Array {
  let max = -Infinity;
  for (const x of row) max = Math.max(max, x);
  let sum = 0;
  for (const x of row) sum += Math.exp(x - max);
  const lse = max + Math.log(sum);
  return Float64Array.from(row, (x) => x - lse);
}

let lm: NodeModel;
let rm: NodeModel;
beforeAll(async () => {
  lm = await openNodeModel(LM_DIR, { threads: 1 });
  rm = await openNodeModel(RM_DIR, { threads: 1 });
});
afterAll(async () => {
  await lm.release();
  await rm.release();
});

describe('onnxruntime-node scoring of the tiny random model', () => {
  it('loads the folder: tokenizer, config, graph kind', () => {
    expect(lm.folder.name).toBe('tiny-random');
    expect(lm.loaded.io).toMatchObject({ kind: 'causal-lm', hasPast: true, emptyPastDims: [1, 2, 0, 16] });
    expect(rm.loaded.io).toMatchObject({ kind: 'reward', hasPast: false });
    expect(lm.folder.byteLength).toBeGreaterThan(100_000);
  });

  it('chunked (64-token chunks, KV cache) equals one shot within 1e-4', async () => {
    const ids = lm.folder.tokenizer.encode(TEXT).ids;
    expect(ids.length).toBeGreaterThan(200);
    const oneShot = await new NodeTokenScorer(lm, { chunkLength: 4096 }).score(ids);
    const chunked = await new NodeTokenScorer(lm, { chunkLength: 64 }).score(ids);
    for (let t = 1; t < ids.length; t++) {
      expect(Math.abs(chunked.logprob[t] - oneShot.logprob[t])).toBeLessThan(1e-4);
      expect(Math.abs(chunked.entropy[t] - oneShot.entropy[t])).toBeLessThan(1e-4);
    }
    expect(chunked.rank).toEqual(oneShot.rank);
  });

  it('log-probs and entropies match a direct full-logits computation', async () => {
    const ids = lm.folder.tokenizer.encode(TEXT).ids;
    const runner = new OrtChunkRunner(lm.loaded);
    const { logits, vocabSize } = await runner.runLogits(ids);
    await runner.reset();
    const scores = await new NodeTokenScorer(lm, { chunkLength: 50, topK: 3 }).score(ids);
    expect(scores.logprob[0]).toBeNaN();
    for (let t = 1; t < ids.length; t++) {
      const logp = logSoftmax(logits.subarray((t - 1) * vocabSize, t * vocabSize));
      expect(Math.abs(scores.logprob[t] - logp[ids[t]])).toBeLessThan(1e-4);
      const entropy = -logp.reduce((s, lp) => s + Math.exp(lp) * lp, 0);
      expect(Math.abs(scores.entropy[t] - entropy)).toBeLessThan(1e-4);
      const best = logp.indexOf(Math.max(...logp));
      expect(scores.topIds[t * 3]).toBe(best);
    }
  });

  it('matches PyTorch log-probs and entropies for the reference text', async () => {
    const reference = JSON.parse(readFileSync(`${LM_DIR}/reference.json`, 'utf8')) as { ids: number[]; logprob: number[]; entropy: number[] };
    const scores = await new NodeTokenScorer(lm, { chunkLength: 16 }).score(Int32Array.from(reference.ids));
    reference.logprob.forEach((lp, i) => expect(Math.abs(scores.logprob[i + 1] - lp)).toBeLessThan(1e-4));
    reference.entropy.forEach((h, i) => expect(Math.abs(scores.entropy[i + 1] - h)).toBeLessThan(1e-4));
  });

  it('reward model: rewards match PyTorch, and windows keep the first window exact', async () => {
    const reference = JSON.parse(readFileSync(`${RM_DIR}/reference.json`, 'utf8')) as { ids: number[]; rewards: number[] };
    const ids = Int32Array.from(reference.ids);
    const rewards = await new NodeRewardScorer(rm).rewards(ids);
    reference.rewards.forEach((r, i) => expect(Math.abs(rewards[i] - r)).toBeLessThan(1e-4));
    const windowed = await rewardsFor(new OrtRewardRunner(rm.loaded, 16), ids);
    for (let i = 0; i < 16; i++) expect(Math.abs(windowed[i] - reference.rewards[i])).toBeLessThan(1e-4);
    expect(windowed.every(Number.isFinite)).toBe(true);
    expect(Array.from(windowed.subarray(16))).not.toEqual(Array.from(rewards.subarray(16))); // shorter context
  });

  it('a graph without KV cache gives the same scores (prefix re-run per chunk)', async () => {
    const noPast = await openNodeModel('test/fixtures/models/tiny-random-nopast', { threads: 1 });
    try {
      expect(noPast.loaded.io).toMatchObject({ kind: 'causal-lm', hasPast: false, pastNames: [] });
      const ids = lm.folder.tokenizer.encode(TEXT).ids.slice(0, 150);
      const cached = await new NodeTokenScorer(lm, { chunkLength: 64 }).score(ids);
      const uncached = await new NodeTokenScorer(noPast, { chunkLength: 64 }).score(ids);
      for (let t = 1; t < ids.length; t++) expect(Math.abs(uncached.logprob[t] - cached.logprob[t])).toBeLessThan(1e-4);
      expect(uncached.rank).toEqual(cached.rank);
    } finally {
      await noPast.release();
    }
  });

  it('refuses a reward model as a token scorer with a clear error', () => {
    expect(() => new NodeTokenScorer(rm)).toThrow(/expected a causal LM.*reward model/);
  });

  it('names the missing file of a broken model folder', () => {
    expect(() => loadModelFolder('test/fixtures/models')).toThrow(/onnx\/model.onnx not found/);
    expect(() => loadModelFolder('test/fixtures/no-such-model')).toThrow(/model folder not found/);
  });
});
