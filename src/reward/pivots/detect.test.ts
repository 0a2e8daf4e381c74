import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { detectPivots, detectRuns, validatePivotOptions } from './detect.ts';
import { DEFAULT_PIVOT_OPTIONS, type SignedRun } from './types.ts';

const nonZero = fc.oneof(
  fc.integer({ min: -4, max: 4 }).filter((v) => v !== 0),
  fc.double({ min: -10, max: 10, noNaN: true }).filter((v) => v !== 0),
);
const track = fc.array(nonZero, { minLength: 1, maxLength: 200 });
const anyTrack = fc.array(fc.oneof(fc.double({ min: -10, max: 10, noNaN: true }), fc.constant(0), fc.constant(Number.NaN)), { minLength: 1, maxLength: 200 });
const options = fc.record({
  baseline: fc.double({ min: -2, max: 2, noNaN: true }),
  window: fc.integer({ min: 1, max: 9 }),
  hysteresis: fc.double({ min: 0, max: 3, noNaN: true }),
  minLen: fc.integer({ min: 1, max: 12 }),
});

function signChanges(values: number[], baseline = 0): number[] {
  const out: number[] = [];
  for (let t = 1; t < values.length; t++) if (Math.sign(values[t] - baseline) !== Math.sign(values[t - 1] - baseline)) out.push(t);
  return out;
}

function expectTiling(runs: SignedRun[], length: number): void {
  expect(runs[0].tokenStart).toBe(0);
  expect(runs[runs.length - 1].tokenEnd).toBe(length);
  for (let i = 0; i < runs.length; i++) {
    expect(runs[i].tokenEnd).toBeGreaterThan(runs[i].tokenStart);
    if (i > 0) {
      expect(runs[i].tokenStart).toBe(runs[i - 1].tokenEnd);
      expect(runs[i].sign).toBe(-runs[i - 1].sign);
    }
  }
}

describe('detectPivots properties', () => {
  it('with the defaults puts pivots exactly at sign changes', () => {
    fc.assert(fc.property(track, (values) => {
      expect(detectPivots(values, 1).pivots).toEqual(signChanges(values));
    }));
  });

  it('with the defaults and any baseline, pivots are the sign changes of r - b', () => {
    fc.assert(fc.property(fc.array(fc.integer({ min: -5, max: 5 }), { minLength: 1, maxLength: 100 }), (ints) => {
      const values = ints.map((v) => v + 0.5);
      expect(detectPivots(values, 1, { baseline: 0.25 }).pivots).toEqual(signChanges(values, 0.25));
    }));
  });

  it('segments tile the tokens and alternate in sign for any options', () => {
    fc.assert(fc.property(anyTrack, options, (values, o) => {
      const result = detectPivots(values, 1, o);
      expectTiling(result.segments, values.length);
      expect(result.pivots).toEqual(result.segments.slice(1).map((s) => s.tokenStart));
    }));
  });

  it('hysteresis never adds pivots', () => {
    fc.assert(fc.property(anyTrack, options, fc.double({ min: 0, max: 2, noNaN: true }), (values, o, extra) => {
      const narrow = detectRuns(values, { ...o, minLen: 1 });
      const wide = detectRuns(values, { ...o, minLen: 1, hysteresis: o.hysteresis + extra });
      expect(wide.length).toBeLessThanOrEqual(narrow.length);
    }));
  });

  it('minLen merges short runs: every run reaches minLen and no pivot is new', () => {
    fc.assert(fc.property(anyTrack, options, (values, o) => {
      const before = detectRuns(values, { ...o, minLen: 1 });
      const after = detectRuns(values, o);
      if (after.length > 1) for (const run of after) expect(run.tokenEnd - run.tokenStart).toBeGreaterThanOrEqual(o.minLen);
      const beforePivots = new Set(before.slice(1).map((r) => r.tokenStart));
      for (const run of after.slice(1)) expect(beforePivots.has(run.tokenStart)).toBe(true);
    }));
  });

  it('masks agree with polarity: with defaults m_t = [s·(r_t − b) > 0]', () => {
    fc.assert(fc.property(track, fc.constantFrom(1 as const, -1 as const), (values, polarity) => {
      const { mask } = detectPivots(values, polarity);
      values.forEach((v, t) => expect(mask[t]).toBe(polarity * v > 0 ? 1 : 0));
    }));
  });

  it('masks agree with polarity for any options: kept runs match s, and the two polarities are complements', () => {
    fc.assert(fc.property(anyTrack, options, (values, o) => {
      const chosen = detectPivots(values, 1, o);
      const rejected = detectPivots(values, -1, o);
      for (const s of chosen.segments) expect(s.kept).toBe(s.sign === 1);
      chosen.mask.forEach((m, t) => expect(m + rejected.mask[t]).toBe(1));
    }));
  });
});

describe('detectPivots examples', () => {
  it('ignores values that only touch the baseline', () => {
    expect(detectPivots([1, 0, 0, 2], 1).pivots).toEqual([]);
    expect(detectPivots([0, 0, -1, 0, 1], 1).pivots).toEqual([4]);
  });

  it('hysteresis keeps small dips from making pivots', () => {
    expect(detectPivots([1, -0.1, 1, -2, 1], 1, { hysteresis: 0.5 }).pivots).toEqual([3, 4]);
  });

  it('smoothing removes a one-token spike', () => {
    const values = [1, 1, 1, -1, 1, 1, 1];
    expect(detectPivots(values, 1).pivots).toEqual([3, 4]);
    expect(detectPivots(values, 1, { window: 3 }).pivots).toEqual([]);
  });

  it('minLen absorbs a short run into its neighbours', () => {
    const result = detectPivots([1, 1, 1, -1, 1, 1, -1, -1, -1], 1, { minLen: 2 });
    expect(result.segments.map((s) => [s.tokenStart, s.tokenEnd, s.sign])).toEqual([[0, 6, 1], [6, 9, -1]]);
  });

  it('reports raw means, char spans and the kept flag', () => {
    const offsets = { charStart: [0, 3, 6, 9], charEnd: [3, 6, 9, 12] };
    const result = detectPivots([0.5, 1.5, -2, -4], -1, DEFAULT_PIVOT_OPTIONS, offsets);
    expect(result.segments).toEqual([
      { tokenStart: 0, tokenEnd: 2, charStart: 0, charEnd: 6, sign: 1, mean: 1, kept: false },
      { tokenStart: 2, tokenEnd: 4, charStart: 6, charEnd: 12, sign: -1, mean: -3, kept: true },
    ]);
    expect([...result.mask]).toEqual([0, 0, 1, 1]);
  });

  it('skips NaN (token 0 of an LM track) without a pivot', () => {
    const result = detectPivots([Number.NaN, -1, -2], -1);
    expect(result.pivots).toEqual([]);
    expect(result.segments[0].sign).toBe(-1);
  });

  it('handles an empty track', () => {
    expect(detectPivots([], 1)).toMatchObject({ pivots: [], segments: [] });
  });

  it('rejects bad options with a reason', () => {
    expect(validatePivotOptions({ ...DEFAULT_PIVOT_OPTIONS, window: 0 })).toMatch(/window/);
    expect(validatePivotOptions({ ...DEFAULT_PIVOT_OPTIONS, minLen: 1.5 })).toMatch(/minLen/);
    expect(validatePivotOptions({ ...DEFAULT_PIVOT_OPTIONS, hysteresis: -1 })).toMatch(/hysteresis/);
    expect(() => detectRuns([1], { window: 0 })).toThrow(/window/);
  });
});
