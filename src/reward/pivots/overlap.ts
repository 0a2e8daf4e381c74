// How often pivots coincide with DLCoT approach boundaries and with forking tokens, per trace and
// per dataset, with the rate a randomly placed pivot would reach (chance) for comparison.

export interface OverlapCounts {
  pivots: number;
  targets: number;
  /** Pivots within the tolerance of some target. */
  pivotsNearTarget: number;
  /** Targets within the tolerance of some pivot. */
  targetsNearPivot: number;
  tokens: number;
  /** Token positions within the tolerance of some target (what chance placement would hit). */
  coveredTokens: number;
}

export interface OverlapStats extends OverlapCounts {
  /** pivotsNearTarget / pivots (NaN without pivots). */
  precision: number;
  /** targetsNearPivot / targets (NaN without targets). */
  recall: number;
  /** coveredTokens / tokens: the precision of uniformly random pivots. */
  chancePrecision: number;
}

/** Marks every position within `tolerance` tokens of a point. */
function neighbourhood(points: readonly number[], tokenCount: number, tolerance: number): Uint8Array {
  const near = new Uint8Array(tokenCount);
  for (const p of points) near.fill(1, Math.max(0, p - tolerance), Math.min(tokenCount, p + tolerance + 1));
  return near;
}

function countIn(points: readonly number[], near: Uint8Array): number {
  return points.reduce((n, p) => n + (p >= 0 && p < near.length && near[p] ? 1 : 0), 0);
}

export function overlapCounts(pivots: readonly number[], targets: readonly number[], tokenCount: number, toleranceTokens: number): OverlapCounts {
  const nearTargets = neighbourhood(targets, tokenCount, toleranceTokens);
  const nearPivots = neighbourhood(pivots, tokenCount, toleranceTokens);
  return {
    pivots: pivots.length,
    targets: targets.length,
    pivotsNearTarget: countIn(pivots, nearTargets),
    targetsNearPivot: countIn(targets, nearPivots),
    tokens: tokenCount,
    coveredTokens: nearTargets.reduce((n, v) => n + v, 0),
  };
}

export function overlapStats(counts: OverlapCounts): OverlapStats {
  return {
    ...counts,
    precision: counts.pivots > 0 ? counts.pivotsNearTarget / counts.pivots : Number.NaN,
    recall: counts.targets > 0 ? counts.targetsNearPivot / counts.targets : Number.NaN,
    chancePrecision: counts.tokens > 0 ? counts.coveredTokens / counts.tokens : Number.NaN,
  };
}

/** Dataset totals: counts summed over traces (micro-averaged rates). */
export function sumOverlapCounts(list: readonly OverlapCounts[]): OverlapCounts {
  const total: OverlapCounts = { pivots: 0, targets: 0, pivotsNearTarget: 0, targetsNearPivot: 0, tokens: 0, coveredTokens: 0 };
  for (const c of list) {
    total.pivots += c.pivots;
    total.targets += c.targets;
    total.pivotsNearTarget += c.pivotsNearTarget;
    total.targetsNearPivot += c.targetsNearPivot;
    total.tokens += c.tokens;
    total.coveredTokens += c.coveredTokens;
  }
  return total;
}

export interface TraceOverlap {
  approach: OverlapStats;
  forking: OverlapStats;
}

/** Per-trace overlap of pivots with approach-start tokens and with forking tokens. */
export function traceOverlap(
  pivots: readonly number[],
  approachStarts: readonly number[],
  forking: readonly number[],
  tokenCount: number,
  toleranceTokens = 2,
): TraceOverlap {
  return {
    approach: overlapStats(overlapCounts(pivots, approachStarts, tokenCount, toleranceTokens)),
    forking: overlapStats(overlapCounts(pivots, forking, tokenCount, toleranceTokens)),
  };
}

export function datasetOverlap(traces: readonly TraceOverlap[]): TraceOverlap {
  return {
    approach: overlapStats(sumOverlapCounts(traces.map((t) => t.approach))),
    forking: overlapStats(sumOverlapCounts(traces.map((t) => t.forking))),
  };
}
