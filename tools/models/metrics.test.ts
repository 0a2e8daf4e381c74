import { describe, expect, it } from 'vitest';
import { auroc, negativePivots, perplexity, pivotLocalised, tokenAtChar } from './metrics';

describe('model metrics', () => {
  it('perplexity is exp of the mean negative log-prob, ignoring NaN', () => {
    expect(perplexity([Number.NaN, Math.log(0.5), Math.log(0.5)])).toBeCloseTo(2, 10);
  });

  it('finds only downward crossings of the baseline', () => {
    expect(negativePivots([0.5, -0.2, -0.3, 0.4, 0, -0.1])).toEqual([1, 5]);
    expect(negativePivots([-0.5, -0.2, 0.3])).toEqual([]);
  });

  it('localises the first pivot within the window after the error', () => {
    const rewards = [0.9, 0.8, 0.7, -0.5, -0.6];
    expect(pivotLocalised(rewards, 2, 8)).toBe(true);
    expect(pivotLocalised(rewards, 4, 8)).toBe(false);
    expect(pivotLocalised(rewards, 0, 2)).toBe(false);
  });

  it('computes AUROC with ties as one half', () => {
    expect(auroc([0.1, 0.2, 0.8, 0.9], [false, false, true, true])).toBe(1);
    expect(auroc([0.9, 0.8, 0.2, 0.1], [false, false, true, true])).toBe(0);
    expect(auroc([0.5, 0.5], [true, false])).toBe(0.5);
  });

  it('maps a character to the token holding it', () => {
    expect(tokenAtChar([0, 3, 5], [3, 5, 9], 4)).toBe(1);
    expect(tokenAtChar([0, 3, 5], [3, 5, 9], 0)).toBe(0);
    expect(tokenAtChar([0, 3, 5], [3, 5, 9], 20)).toBe(2);
  });
});
