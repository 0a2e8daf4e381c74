import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { reduceLogitsCpu } from './reduce-logits.ts';

/** Straightforward float64 reference written independently of the implementation. */
function naive(row: number[], target: number, k: number) {
  const max = Math.max(...row);
  const z = row.reduce((s, x) => s + Math.exp(x - max), 0);
  const logp = row.map((x) => x - max - Math.log(z));
  const entropy = -logp.reduce((s, lp) => s + Math.exp(lp) * lp, 0);
  const order = row.map((x, id) => ({ x, id })).sort((a, b) => b.x - a.x || a.id - b.id).slice(0, k);
  const rank = row.filter((x) => x > row[target]).length;
  return { logprob: logp[target], entropy, rank, top: order.map((o) => o.id), topLogp: order.map((o) => logp[o.id]) };
}

describe('reduceLogitsCpu', () => {
  it('computes log-prob, entropy, rank and top-k for a hand-checked row', () => {
    const logits = new Float32Array([Math.log(1), Math.log(2), Math.log(4), Math.log(1)]);
    const r = reduceLogitsCpu(logits, 1, 4, new Int32Array([1]), 2);
    expect(r.logprob[0]).toBeCloseTo(Math.log(2 / 8), 6);
    const p = [1 / 8, 2 / 8, 4 / 8, 1 / 8];
    expect(r.entropy[0]).toBeCloseTo(-p.reduce((s, q) => s + q * Math.log(q), 0), 6);
    expect(r.rank[0]).toBe(1);
    expect(Array.from(r.topIds)).toEqual([2, 1]);
    expect(r.topLogprobs[0]).toBeCloseTo(Math.log(0.5), 6);
  });

  it('breaks ties by lower id and ranks by strictly greater logits', () => {
    const logits = new Float32Array([3, 5, 5, 1, 5]);
    const r = reduceLogitsCpu(logits, 1, 5, new Int32Array([4]), 3);
    expect(Array.from(r.topIds)).toEqual([1, 2, 4]);
    expect(r.rank[0]).toBe(0); // tied with the argmax: nothing strictly greater
  });

  it('gives NaN log-prob and rank -1 without a target, but still entropy and top-k', () => {
    const r = reduceLogitsCpu(new Float32Array([0, 0, 0, 0]), 1, 4, new Int32Array([-1]), 2);
    expect(r.logprob[0]).toBeNaN();
    expect(r.rank[0]).toBe(-1);
    expect(r.entropy[0]).toBeCloseTo(Math.log(4), 6);
    expect(Array.from(r.topIds)).toEqual([0, 1]);
  });

  it('stays finite with large logits (logsumexp) and handles -Infinity entries', () => {
    const r = reduceLogitsCpu(new Float32Array([1000, 1000, Number.NEGATIVE_INFINITY]), 1, 3, new Int32Array([0]), 1);
    expect(r.logprob[0]).toBeCloseTo(Math.log(0.5), 6);
    expect(r.entropy[0]).toBeCloseTo(Math.log(2), 6);
  });

  it('pads top-k beyond the vocabulary with id -1', () => {
    const r = reduceLogitsCpu(new Float32Array([1, 2]), 1, 2, new Int32Array([0]), 3);
    expect(Array.from(r.topIds)).toEqual([1, 0, -1]);
    expect(r.topLogprobs[2]).toBe(Number.NEGATIVE_INFINITY);
  });

  it('rejects logits that are too short', () => {
    expect(() => reduceLogitsCpu(new Float32Array(3), 2, 2, new Int32Array(2), 1)).toThrow(/expected 2 × 2/);
  });

  it('matches a naive reference on random rows', () => {
    const row = fc.array(fc.float({ min: -20, max: 20, noNaN: true }).map((x) => Math.round(x * 4) / 4), { minLength: 1, maxLength: 40 });
    fc.assert(fc.property(fc.array(row, { minLength: 1, maxLength: 4 }).chain((rows) => {
      const v = rows[0].length;
      const fixed = rows.map((r) => Array.from({ length: v }, (_, i) => r[i % r.length]));
      return fc.tuple(fc.constant(fixed), fc.array(fc.integer({ min: 0, max: v - 1 }), { minLength: fixed.length, maxLength: fixed.length }), fc.integer({ min: 1, max: 6 }));
    }), ([rows, targets, k]) => {
      const v = rows[0].length;
      const r = reduceLogitsCpu(Float32Array.from(rows.flat()), rows.length, v, Int32Array.from(targets), k);
      rows.forEach((row, p) => {
        const want = naive(row.map((x) => Math.fround(x)), targets[p], Math.min(k, v));
        expect(r.logprob[p]).toBeCloseTo(want.logprob, 4);
        expect(r.entropy[p]).toBeCloseTo(want.entropy, 4);
        expect(r.rank[p]).toBe(want.rank);
        expect(Array.from(r.topIds.subarray(p * k, p * k + want.top.length))).toEqual(want.top);
        want.topLogp.forEach((lp, j) => expect(r.topLogprobs[p * k + j]).toBeCloseTo(lp, 4));
      });
    }), { numRuns: 200 });
  });
});
