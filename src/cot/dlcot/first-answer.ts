// Which inline statement of the target value counts as the first answer (the cut between
// Solution_Explore and Verify). Working often states the reference value by coincidence ("2 · 6 =
// 12 arrangements" when the answer is 12), so an inline statement counts only when it is phrased as
// a conclusion ("therefore the total is 12.") or when the reasoning goes on to verify it (a "Let me
// check…" paragraph within the next three, before the value is stated again). Explicit answers
// (boxed, "the answer is") always count.
import type { Candidate } from './answers.ts';
import { opensVerification } from './cues.ts';
import { unitIndexAt, type Unit } from './units.ts';

const LOOKBACK_CHARS = 120;
const CONCLUSIVE = /\b(?:therefore|thus|hence|so|finally|in total|altogether|overall|in conclusion|which means|this means|that means|answer|result)\b/i;
// After the value: closing math delimiters or emphasis, at most two words (a unit: "27 miles"),
// then the end of the sentence or line.
const SENTENCE_END = /^[\s$)\]}*]*(?:\\[)\]][\s$*]*)?(?:\s*[a-zA-Z]+){0,2}\s*(?:[.!]|\n|$)/;
const SENTENCE_END_CHARS = 40;
// A verified value closes its paragraph (within this many characters of its end), and a check
// opens within this many paragraphs after it.
const VERIFY_TAIL_CHARS = 200;
const VERIFY_UNITS = 3;

function sentenceStart(text: string, at: number): number {
  const floor = Math.max(0, at - LOOKBACK_CHARS);
  for (let i = at - 1; i > floor; i--) {
    const c = text.charCodeAt(i);
    if (c === 10) return i + 1;
    if ((c === 46 || c === 33 || c === 63) && text.charCodeAt(i + 1) === 32) return i + 1;
  }
  return floor;
}

/** "…therefore the total is 12." — a conclusive word in its sentence, and the sentence ends with it. */
export function isConclusive(text: string, c: Candidate): boolean {
  if (!SENTENCE_END.test(text.slice(c.charEnd, c.charEnd + SENTENCE_END_CHARS))) return false;
  return CONCLUSIVE.test(text.slice(sentenceStart(text, c.charStart), c.charStart));
}

/**
 * The value closes its paragraph and one of the next few paragraphs opens an explicit check
 * ("Let me verify…", "Check if…") before the working states the value again (a check after a
 * later statement verifies that one).
 */
export function isVerifiedNext(text: string, units: Unit[], c: Candidate, nextStatementStart = Infinity): boolean {
  if (units.length === 0) return false;
  const u = unitIndexAt(units, c.charStart);
  if (units[u].charEnd - c.charEnd > VERIFY_TAIL_CHARS) return false;
  for (let k = u + 1; k < Math.min(units.length, u + 1 + VERIFY_UNITS) && units[k].charStart < nextStatementStart; k++) {
    if (opensVerification(text, units[k].leadStart, units[k].charEnd)) return true;
  }
  return false;
}

/** The first inline statement of the target that is conclusive or verified, or null. */
export function firstSettledStatement(text: string, units: Unit[], reached: Candidate[]): Candidate | null {
  for (let i = 0; i < reached.length; i++) {
    const c = reached[i];
    if (isConclusive(text, c) || isVerifiedNext(text, units, c, reached[i + 1]?.charStart)) return c;
  }
  return null;
}
