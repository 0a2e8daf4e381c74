import { describe, expect, it } from 'vitest';
import { polarityForTrace, polarityFromAdvantage, polarityFromLabel } from './polarity.ts';

describe('polarity', () => {
  it('reads preference labels', () => {
    expect(polarityFromLabel('chosen')).toBe(1);
    expect(polarityFromLabel(' Accepted ')).toBe(1);
    expect(polarityFromLabel('rejected')).toBe(-1);
    expect(polarityFromLabel(true)).toBe(1);
    expect(polarityFromLabel(0)).toBe(-1);
    expect(polarityFromLabel('-1')).toBe(-1);
    expect(polarityFromLabel('maybe')).toBeNull();
    expect(polarityFromLabel({})).toBeNull();
  });

  it('takes a non-negative advantage as +1', () => {
    expect(polarityFromAdvantage(0)).toBe(1);
    expect(polarityFromAdvantage(-0.3)).toBe(-1);
    expect(polarityFromAdvantage('2.5')).toBe(1);
    expect(polarityFromAdvantage('')).toBeNull();
  });

  it('auto reads the trace extra fields; chosen/rejected force it', () => {
    expect(polarityForTrace({ extra: { advantage: 0 } }, 'auto')).toEqual({ polarity: 1, source: 'extra.advantage' });
    expect(polarityForTrace({ extra: { label: 'rejected', advantage: 1 } }, 'auto')).toEqual({ polarity: -1, source: 'extra.label' });
    expect(polarityForTrace({ extra: { correct: false } }, 'auto')?.polarity).toBe(-1);
    expect(polarityForTrace({ extra: {} }, 'auto')).toBeNull();
    expect(polarityForTrace({ extra: { label: 'rejected' } }, 'chosen')?.polarity).toBe(1);
    expect(polarityForTrace({ extra: {} }, 'rejected')?.polarity).toBe(-1);
  });
});
