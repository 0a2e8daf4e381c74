import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { countPivots, excerptOf, pivotLabel, rewardSegments } from './reward-segments.ts';

/** One character per token: offsets [t, t + 1). */
function unitOffsets(length: number) {
  return { charStart: Int32Array.from({ length }, (_, t) => t), charEnd: Int32Array.from({ length }, (_, t) => t + 1) };
}

describe('rewardSegments', () => {
  it('splits at the baseline crossings with signs, means, lengths and excerpts', () => {
    const text = 'abcdefg';
    const rewards = [0.9, 0.8, -0.5, -0.7, -0.6, 0.4, 0.6];
    const segments = rewardSegments(text, rewards, unitOffsets(text.length));
    expect(segments.map((s) => [s.tokenStart, s.tokenEnd, s.sign, s.tokenCount, s.excerpt, s.startsAtPivot])).toEqual([
      [0, 2, 1, 2, 'ab', false],
      [2, 5, -1, 3, 'cde', true],
      [5, 7, 1, 2, 'fg', true],
    ]);
    expect(segments[1].meanReward).toBeCloseTo(-0.6, 6);
    expect(segments[1].charStart).toBe(2);
    expect(segments[1].charEnd).toBe(5);
    expect(countPivots(segments)).toBe(2);
  });

  it('has one segment and no pivot when the reward never crosses the baseline', () => {
    const segments = rewardSegments('abc', [0.2, 0.9, 0.5], unitOffsets(3));
    expect(segments).toHaveLength(1);
    expect(countPivots(segments)).toBe(0);
  });

  it('treats a value exactly at the baseline as no crossing (SPEC defaults)', () => {
    const segments = rewardSegments('abcd', [0.5, 0, 0.5, -0.1], unitOffsets(4));
    expect(segments.map((s) => [s.tokenStart, s.sign])).toEqual([[0, 1], [3, -1]]);
  });

  it('partitions the tokens, and neighbouring segments alternate in sign', () => {
    fc.assert(fc.property(fc.array(fc.double({ min: -1, max: 1, noNaN: true }), { minLength: 1, maxLength: 60 }), (rewards) => {
      const segments = rewardSegments('x'.repeat(rewards.length), rewards, unitOffsets(rewards.length));
      expect(segments[0].tokenStart).toBe(0);
      expect(segments[segments.length - 1].tokenEnd).toBe(rewards.length);
      for (let i = 1; i < segments.length; i++) {
        expect(segments[i].tokenStart).toBe(segments[i - 1].tokenEnd);
        expect(segments[i].sign).toBe(-segments[i - 1].sign);
        expect(segments[i].index).toBe(i);
      }
    }));
  });

  it('returns nothing for an empty track', () => {
    expect(rewardSegments('', [], unitOffsets(0))).toEqual([]);
  });
});

describe('labels', () => {
  it('names the pivot direction', () => {
    expect(pivotLabel(-1)).toBe('pivot: reward turns negative');
    expect(pivotLabel(1)).toBe('pivot: reward turns positive');
  });

  it('collapses whitespace and cuts long excerpts', () => {
    expect(excerptOf('  two\n\nlines  ')).toBe('two lines');
    const long = excerptOf('word '.repeat(40), 20);
    expect(long.length).toBeLessThanOrEqual(20);
    expect(long.endsWith('…')).toBe(true);
  });
});
