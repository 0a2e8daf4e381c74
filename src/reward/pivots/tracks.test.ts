import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { entropyTrack, implicitRewardTrack, klEstimateTrack, sumPerSpan, surprisalTrack } from './tracks.ts';
import { forkingTokens } from './forking.ts';

describe('LM tracks', () => {
  const logprob = Float32Array.from([Number.NaN, -0.5, -2]);

  it('surprisal is −log p and entropy is copied', () => {
    expect([...surprisalTrack({ logprob })].slice(1)).toEqual([0.5, 2]);
    const entropy = Float32Array.from([Number.NaN, 1, 2]);
    const copy = entropyTrack({ entropy });
    copy[1] = 9;
    expect(entropy[1]).toBe(1);
  });

  it('implicit reward is β·(log π − log π_ref) and sums per step', () => {
    const track = implicitRewardTrack([0, -1, -2, -3], [0, -2, -1, -3], 0.5);
    expect([...track]).toEqual([0, 0.5, -0.5, 0]);
    expect(sumPerSpan(track, [{ tokenStart: 0, tokenEnd: 2 }, { tokenStart: 2, tokenEnd: 4 }])).toEqual([0.5, -0.5]);
    expect(sumPerSpan([Number.NaN, 1], [{ tokenStart: 0, tokenEnd: 2 }])).toEqual([1]);
    expect(() => implicitRewardTrack([0], [0, 1], 1)).toThrow(/differ in length/);
  });

  it('k3 KL estimate is never negative, zero when the models agree, k1 is the log ratio', () => {
    fc.assert(fc.property(fc.array(fc.tuple(fc.double({ min: -20, max: 0, noNaN: true }), fc.double({ min: -20, max: 0, noNaN: true })), { maxLength: 50 }), (pairs) => {
      const k3 = klEstimateTrack(pairs.map((p) => p[0]), pairs.map((p) => p[1]));
      k3.forEach((v) => expect(v).toBeGreaterThanOrEqual(0));
    }));
    expect([...klEstimateTrack([-1], [-1])]).toEqual([0]);
    expect(klEstimateTrack([-1], [-3], 'k1')[0]).toBeCloseTo(2);
    expect(klEstimateTrack([-1], [-3], 'k3')[0]).toBeCloseTo(Math.exp(-2) - 1 + 2, 5);
  });
});

describe('forking tokens', () => {
  it('top ρ takes the highest-entropy share of finite tokens, in token order', () => {
    const entropy = [Number.NaN, 0.1, 3, 0.2, 2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8];
    expect(forkingTokens(entropy, { kind: 'top', rho: 0.2 })).toEqual([2, 4]);
    expect(forkingTokens(entropy)).toEqual([2, 4]);
    expect(forkingTokens(entropy, { kind: 'top', rho: 0 })).toEqual([]);
  });

  it('threshold τ takes every token above it', () => {
    expect(forkingTokens([Number.NaN, 0.672, 0.7, 0.1, 5], { kind: 'threshold', tau: 0.672 })).toEqual([2, 4]);
  });

  it('top ρ returns round(ρ·n) tokens, none below an unchosen one', () => {
    fc.assert(fc.property(fc.array(fc.double({ min: 0, max: 5, noNaN: true }), { maxLength: 80 }), fc.double({ min: 0, max: 1, noNaN: true }), (entropy, rho) => {
      const chosen = forkingTokens(entropy, { kind: 'top', rho });
      expect(chosen).toHaveLength(Math.round(rho * entropy.length));
      const set = new Set(chosen);
      const minChosen = Math.min(...chosen.map((t) => entropy[t]));
      entropy.forEach((h, t) => { if (!set.has(t)) expect(h).toBeLessThanOrEqual(minChosen); });
    }));
  });

  it('rejects ρ outside [0, 1]', () => {
    expect(() => forkingTokens([1], { kind: 'top', rho: 2 })).toThrow(/rho/);
  });
});
