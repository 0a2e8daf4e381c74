import { describe, expect, it } from 'vitest';
import { datasetOverlap, overlapCounts, overlapStats, traceOverlap } from './overlap.ts';
import { charSpanToTokenSpan, tokenAtChar } from './token-spans.ts';

describe('overlap statistics', () => {
  it('counts pivots near targets and targets near pivots within the tolerance', () => {
    const stats = overlapStats(overlapCounts([10, 50], [11, 30, 90], 100, 2));
    expect(stats).toMatchObject({ pivots: 2, targets: 3, pivotsNearTarget: 1, targetsNearPivot: 1, coveredTokens: 15 });
    expect(stats.precision).toBe(0.5);
    expect(stats.recall).toBeCloseTo(1 / 3);
    expect(stats.chancePrecision).toBeCloseTo(0.15);
  });

  it('gives NaN rates without pivots or targets', () => {
    const stats = overlapStats(overlapCounts([], [], 5, 1));
    expect(Number.isNaN(stats.precision) && Number.isNaN(stats.recall)).toBe(true);
  });

  it('sums per-trace counts for the dataset', () => {
    const a = traceOverlap([5], [5], [0, 5], 10, 0);
    const b = traceOverlap([3, 7], [8], [1], 10, 0);
    expect(a.approach.precision).toBe(1);
    expect(a.forking).toMatchObject({ pivotsNearTarget: 1, targetsNearPivot: 1, recall: 0.5 });
    const all = datasetOverlap([a, b]);
    expect(all.approach).toMatchObject({ pivots: 3, targets: 2, pivotsNearTarget: 1, tokens: 20 });
    expect(all.approach.precision).toBeCloseTo(1 / 3);
  });
});

describe('token spans', () => {
  const offsets = { charStart: [0, 3, 4, 9], charEnd: [3, 4, 9, 12] };
  it('maps chars to the token that holds them', () => {
    expect([0, 2, 3, 5, 11, 12].map((c) => tokenAtChar(offsets, c))).toEqual([0, 0, 1, 2, 3, 4]);
  });
  it('maps a char span to the tokens it overlaps', () => {
    expect(charSpanToTokenSpan(offsets, 3, 9)).toEqual({ tokenStart: 1, tokenEnd: 3 });
    expect(charSpanToTokenSpan(offsets, 5, 10)).toEqual({ tokenStart: 2, tokenEnd: 4 });
    expect(charSpanToTokenSpan(offsets, 5, 5)).toEqual({ tokenStart: 2, tokenEnd: 2 });
  });
});
