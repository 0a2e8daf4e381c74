// Mapping character offsets (DLCoT steps and approach boundaries) onto token indices.
import type { TokenOffsets } from './types.ts';
import type { TokenSpan } from './tracks.ts';

/** First index i with predicate(i) true on a monotone predicate over [0, n); n when none. */
function firstIndex(n: number, predicate: (i: number) => boolean): number {
  let lo = 0;
  let hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (predicate(mid)) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** Index of the token that contains char (the first token ending after it); tokenCount past the end. */
export function tokenAtChar(offsets: TokenOffsets, char: number): number {
  return firstIndex(offsets.charEnd.length, (i) => offsets.charEnd[i] > char);
}

/** Tokens overlapping [charStart, charEnd). */
export function charSpanToTokenSpan(offsets: TokenOffsets, charStart: number, charEnd: number): TokenSpan {
  const tokenStart = tokenAtChar(offsets, charStart);
  if (charEnd <= charStart) return { tokenStart, tokenEnd: tokenStart };
  const tokenEnd = firstIndex(offsets.charStart.length, (i) => offsets.charStart[i] >= charEnd);
  return { tokenStart, tokenEnd: Math.max(tokenStart, tokenEnd) };
}
