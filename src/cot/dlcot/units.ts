// Splits reasoning into paragraph units that tile it exactly: unit i covers [charStart, charEnd)
// and the blank lines after a paragraph belong to it, so the next unit starts on visible text.
// Everything else in the engine works in whole units, which keeps every span on a boundary a
// reader would also choose and makes removals stitch cleanly.

export interface Unit {
  charStart: number;
  charEnd: number;
  /** Where the visible text starts (after leading whitespace and annotation tags). */
  leadStart: number;
}

export const LEAD_CHARS = 200;
// Annotation tags (thoughtology's <CYCLE>, <r>, …) and chat/thought markers are not model prose.
const LEADING_MARKUP = /^(?:\s+|<\/?[A-Za-z]{1,12}>|<\|[a-z_]+\|>|\*\*|#+ |>\s|-\s(?=[A-Za-z]))*/;

function isBlankLineAt(text: string, newlineIndex: number): number {
  // Returns the index after a blank-line run that starts at `newlineIndex`, or -1.
  let i = newlineIndex + 1;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c === 10) return skipWhitespace(text, i + 1);
    if (c !== 32 && c !== 9 && c !== 13) return -1;
    i++;
  }
  return -1;
}

function skipWhitespace(text: string, from: number): number {
  let i = from;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c !== 10 && c !== 32 && c !== 9 && c !== 13) break;
    i++;
  }
  return i;
}

/** Paragraph units covering `text` with no gap or overlap (empty text gives no units). */
export function splitUnits(text: string): Unit[] {
  const starts: number[] = [0];
  // Leading blank lines belong to the first unit.
  let from = skipWhitespace(text, 0);
  for (;;) {
    const nl = text.indexOf('\n', from);
    if (nl < 0) break;
    const next = isBlankLineAt(text, nl);
    if (next > 0 && next < text.length) starts.push(next);
    from = next > 0 ? next : nl + 1;
  }
  const units: Unit[] = [];
  for (let i = 0; i < starts.length; i++) {
    const charStart = starts[i];
    const charEnd = i + 1 < starts.length ? starts[i + 1] : text.length;
    if (charEnd <= charStart) continue;
    units.push({ charStart, charEnd, leadStart: leadStartOf(text, charStart, charEnd) });
  }
  return units;
}

function leadStartOf(text: string, charStart: number, charEnd: number): number {
  const head = text.slice(charStart, Math.min(charEnd, charStart + 64));
  const match = LEADING_MARKUP.exec(head);
  return charStart + (match ? match[0].length : 0);
}

/** The first characters of a unit's visible text, for cue matching. */
export function leadText(text: string, unit: Unit): string {
  return text.slice(unit.leadStart, Math.min(unit.charEnd, unit.leadStart + LEAD_CHARS));
}

/** Index of the unit containing `charIndex` (binary search; units tile the text). */
export function unitIndexAt(units: Unit[], charIndex: number): number {
  let lo = 0;
  let hi = units.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (units[mid].charStart <= charIndex) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
