// Runs → subsequences with char spans, raw means and the kept flag; the per-token mask m_t.
import type { Sign, SignedRun, Subsequence, TokenOffsets } from './types.ts';
import { finiteMean } from './smoothing.ts';

export function toSubsequences(
  runs: readonly SignedRun[],
  values: ArrayLike<number>,
  polarity: Sign,
  offsets?: TokenOffsets,
): Subsequence[] {
  return runs.map((run) => ({
    tokenStart: run.tokenStart,
    tokenEnd: run.tokenEnd,
    charStart: offsets && run.tokenEnd > run.tokenStart ? offsets.charStart[run.tokenStart] : -1,
    charEnd: offsets && run.tokenEnd > run.tokenStart ? offsets.charEnd[run.tokenEnd - 1] : -1,
    sign: run.sign,
    mean: finiteMean(values, run.tokenStart, run.tokenEnd),
    kept: run.sign === polarity,
  }));
}

/** m_t = 1 for tokens inside kept subsequences. */
export function keptMask(segments: readonly Subsequence[], tokenCount: number): Uint8Array {
  const mask = new Uint8Array(tokenCount);
  for (const segment of segments) {
    if (segment.kept) mask.fill(1, segment.tokenStart, Math.min(segment.tokenEnd, tokenCount));
  }
  return mask;
}
