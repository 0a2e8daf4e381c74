// Pivot detection end to end: smooth → sign states with hysteresis → runs → minLen merge →
// subsequences and mask. With the defaults a pivot sits exactly where sign(r_t - b) changes.
import { DEFAULT_PIVOT_OPTIONS, type PivotOptions, type PivotResult, type Sign, type SignedRun, type TokenOffsets } from './types.ts';
import { movingAverage } from './smoothing.ts';
import { mergeShortRuns, pivotsOf, runsFromStates, signStates } from './runs.ts';
import { keptMask, toSubsequences } from './subsequences.ts';

/** Checks user-given options; returns the first problem in words, or null. */
export function validatePivotOptions(options: PivotOptions): string | null {
  if (!Number.isFinite(options.baseline)) return 'baseline must be a finite number';
  if (!Number.isInteger(options.window) || options.window < 1) return 'window must be an integer >= 1';
  if (!Number.isFinite(options.hysteresis) || options.hysteresis < 0) return 'hysteresis must be a number >= 0';
  if (!Number.isInteger(options.minLen) || options.minLen < 1) return 'minLen must be an integer >= 1';
  return null;
}

/** The signed runs of a track (no char spans, no polarity). */
export function detectRuns(values: ArrayLike<number>, options: Partial<PivotOptions> = {}): SignedRun[] {
  const o = { ...DEFAULT_PIVOT_OPTIONS, ...options };
  const problem = validatePivotOptions(o);
  if (problem) throw new RangeError(problem);
  if (values.length === 0) return [];
  const smoothed = movingAverage(values, o.window);
  const runs = runsFromStates(signStates(smoothed, o.baseline, o.hysteresis));
  return mergeShortRuns(runs, o.minLen);
}

/** Builds the full result from runs (also used after snapping moved the pivots). */
export function resultFromRuns(
  runs: readonly SignedRun[],
  values: ArrayLike<number>,
  polarity: Sign,
  offsets?: TokenOffsets,
): PivotResult {
  const segments = toSubsequences(runs, values, polarity, offsets);
  return { pivots: pivotsOf(runs), segments, mask: keptMask(segments, values.length), polarity };
}

export function detectPivots(
  values: ArrayLike<number>,
  polarity: Sign,
  options: Partial<PivotOptions> = {},
  offsets?: TokenOffsets,
): PivotResult {
  return resultFromRuns(detectRuns(values, options), values, polarity, offsets);
}
