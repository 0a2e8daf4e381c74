// Optional snapping of pivots to word or sentence starts, so subsequences read as whole words or
// sentences. A pivot moves to the nearest boundary token within maxShift tokens, else stays.
import type { SignedRun, TokenOffsets } from './types.ts';
import { normalizeRuns } from './runs.ts';

export type SnapTarget = 'word' | 'sentence';

const WORD_CHAR = /[\p{L}\p{N}_]/u;

function isWordChar(ch: string | undefined): boolean {
  return ch !== undefined && WORD_CHAR.test(ch);
}

function startsWord(text: string, charStart: number): boolean {
  return charStart <= 0 || !(isWordChar(text[charStart - 1]) && isWordChar(text[charStart]));
}

function startsSentence(text: string, charStart: number): boolean {
  let j = charStart - 1;
  while (j >= 0 && (text[j] === ' ' || text[j] === '\t')) j--;
  if (j < 0) return true;
  const ch = text[j];
  return ch === '\n' || ch === '.' || ch === '!' || ch === '?' || ch === '。';
}

/** 1 where token t starts a word (or sentence): the places a pivot may snap to. */
export function boundaryFlags(text: string, offsets: TokenOffsets, target: SnapTarget): Uint8Array {
  const flags = new Uint8Array(offsets.charStart.length);
  const test = target === 'word' ? startsWord : startsSentence;
  for (let t = 0; t < flags.length; t++) flags[t] = test(text, offsets.charStart[t]) ? 1 : 0;
  return flags;
}

function nearestBoundary(flags: Uint8Array, tokenIndex: number, maxShift: number): number {
  for (let d = 0; d <= maxShift; d++) {
    // The earlier side first: a pivot is better a little early than inside the next word.
    if (tokenIndex - d >= 1 && flags[tokenIndex - d]) return tokenIndex - d;
    if (tokenIndex + d < flags.length && flags[tokenIndex + d]) return tokenIndex + d;
  }
  return tokenIndex;
}

/**
 * Moves run boundaries onto boundary tokens. Runs that shrink to nothing disappear and equal-sign
 * neighbours join, so snapping can remove pivots but never adds any.
 */
export function snapRuns(runs: readonly SignedRun[], flags: Uint8Array, maxShift: number): SignedRun[] {
  if (runs.length <= 1) return runs.map((r) => ({ ...r }));
  const end = runs[runs.length - 1].tokenEnd;
  let previous = runs[0].tokenStart;
  const starts = runs.map((run, i) => {
    if (i === 0) return run.tokenStart;
    previous = Math.min(end, Math.max(previous, nearestBoundary(flags, run.tokenStart, maxShift)));
    return previous;
  });
  const moved = runs.map((run, i) => ({ tokenStart: starts[i], tokenEnd: i + 1 < runs.length ? starts[i + 1] : end, sign: run.sign }));
  return normalizeRuns(moved);
}
