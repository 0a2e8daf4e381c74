// label2 (SPEC §1.2): error spans found where the model itself says earlier working was wrong
// ("wait, that's wrong", "I made a mistake"). The span is the working the negation points back
// to: the previous paragraph when the negation opens a paragraph, else the text before it in the
// same paragraph. Only errors the model notices are found; silent ones need a person or an LLM.
import { findNegations } from './cues.ts';
import type { ErrorSpan } from './schema.ts';
import { unitIndexAt, type Unit } from './units.ts';

const MAX_LOOKBACK_CHARS = 600;

export function findErrorSpans(text: string, units: Unit[], unitStart: number, unitEnd: number): ErrorSpan[] {
  if (unitEnd <= unitStart) return [];
  const charStart = units[unitStart].charStart;
  const charEnd = units[unitEnd - 1].charEnd;
  const spans: ErrorSpan[] = [];
  let reach = charStart;
  for (const neg of findNegations(text.slice(charStart, charEnd))) {
    const at = charStart + neg.index;
    const u = unitIndexAt(units, at);
    const opensUnit = at <= units[u].leadStart + 2;
    let s: number;
    let e: number;
    if (opensUnit) {
      if (u === unitStart) continue;
      s = units[u - 1].leadStart;
      e = units[u - 1].charEnd;
    } else {
      s = Math.max(units[u].leadStart, sentenceStartBefore(text, at, units[u].leadStart));
      e = at;
    }
    s = Math.max(s, reach, e - MAX_LOOKBACK_CHARS);
    if (e <= s) continue;
    spans.push({ id: `error:${s}`, provenance: 'engine', charStart: s, charEnd: e, reason: `the model says "${neg.text.trim()}"`, evidenceCharStart: at });
    reach = e;
  }
  return spans;
}

/** Start of the sentence that precedes `at` (the claim a negation refers to). */
function sentenceStartBefore(text: string, at: number, floor: number): number {
  let i = at - 1;
  while (i > floor && /\s/.test(text[i])) i--;
  // Skip the end of the previous sentence itself, then find the one before.
  for (i -= 1; i > floor; i--) {
    const c = text[i];
    if ((c === '.' || c === '!' || c === '?' || c === '\n') && /\s/.test(text[i + 1] ?? '')) {
      let j = i + 1;
      while (j < at && /\s/.test(text[j])) j++;
      return j;
    }
  }
  return floor;
}
