import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { interpolateRdBu } from 'd3-scale-chromatic';
import { rampPosition, rewardGradientStops, rewardScale, robustExtent } from './reward-colors.ts';

describe('reward colour scale', () => {
  it('puts the baseline in the middle, negatives on the red side and positives on the blue side', () => {
    const scale = rewardScale(Float32Array.from([-0.9, -0.2, 0, 0.4, 0.9]));
    expect(scale.colour(0)).toBe(interpolateRdBu(0.5));
    expect(scale.colour(-0.9)).toBe(interpolateRdBu(0));
    expect(scale.colour(0.9)).toBe(interpolateRdBu(1));
    expect(rampPosition(-0.2, 0, scale.extent)).toBeLessThan(0.5);
    expect(rampPosition(0.4, 0, scale.extent)).toBeGreaterThan(0.5);
  });

  it('is symmetric around a non-zero baseline', () => {
    fc.assert(fc.property(fc.double({ min: -5, max: 5, noNaN: true }), fc.double({ min: 0, max: 3, noNaN: true }), (baseline, distance) => {
      const extent = 2;
      const above = rampPosition(baseline + distance, baseline, extent);
      const below = rampPosition(baseline - distance, baseline, extent);
      expect(above + below).toBeCloseTo(1, 9);
      expect(above).toBeGreaterThanOrEqual(0.5);
      expect(above).toBeLessThanOrEqual(1);
    }));
  });

  it('uses a robust extent so one outlier does not wash out the rest', () => {
    const rewards = new Float32Array(100).fill(0.5);
    rewards[0] = 40;
    expect(robustExtent(rewards, 0)).toBeCloseTo(0.5, 6);
    expect(rewardScale(rewards).colour(40)).toBe(interpolateRdBu(1));
  });

  it('copes with empty, constant-at-baseline and NaN tracks', () => {
    expect(robustExtent([], 0)).toBe(1);
    expect(robustExtent([0, 0, 0], 0)).toBeGreaterThan(0);
    const scale = rewardScale([Number.NaN, 0.3]);
    expect(scale.colour(Number.NaN)).toBe('transparent');
    expect(scale.textColour(Number.NaN)).toBe('inherit');
  });

  it('uses light text on the dark ends and dark text near the baseline', () => {
    const scale = rewardScale([-1, 1]);
    expect(scale.textColour(-1)).toBe('#fff');
    expect(scale.textColour(1)).toBe('#fff');
    expect(scale.textColour(0.05)).toBe('#111');
  });

  it('gives the legend gradient from red (0%) to blue (100%)', () => {
    expect(rewardGradientStops(3)).toBe(`${interpolateRdBu(0)} 0%, ${interpolateRdBu(0.5)} 50%, ${interpolateRdBu(1)} 100%`);
  });
});
