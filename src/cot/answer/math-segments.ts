// Math segments in prose: $…$, $$…$$, \(…\), \[…\]. Inline forms may not span lines
// (as in Math-Verify); an escaped \$ is a currency sign, not a delimiter.

export interface MathSegment {
  charStart: number;
  charEnd: number;
  contentStart: number;
  contentEnd: number;
}

/** Index of `close` at or after `from` (before `limit`), or -1. `missing` remembers, per delimiter,
 * a position after which it never occurs, so unmatched openers cannot make the scan quadratic. */
function findClose(text: string, from: number, close: string, limit: number, missing: Map<string, number>): number {
  if (close === '$') {
    for (let i = from; i < limit; i++) {
      const c = text[i];
      if (c === '\n') return -1; // inline math does not span lines
      if (c === '\\') i++;
      else if (c === '$') return i;
    }
    return -1;
  }
  const gone = missing.get(close);
  if (gone !== undefined && from >= gone) return -1;
  const at = text.indexOf(close, from);
  if (at < 0) {
    missing.set(close, from);
    return -1;
  }
  if (at >= limit) return -1;
  if (close === '\\)') {
    const newline = text.indexOf('\n', from);
    if (newline >= 0 && newline < at) return -1;
  }
  return at;
}

function delimitersAt(text: string, i: number): [string, string] | null {
  const c = text[i];
  if (c === '$') return text[i + 1] === '$' ? ['$$', '$$'] : ['$', '$'];
  if (c !== '\\') return null;
  const n = text[i + 1];
  if (n === '(') return ['\\(', '\\)'];
  if (n === '[') return ['\\[', '\\]'];
  return null;
}

export function findMathSegments(text: string, from = 0, to = text.length): MathSegment[] {
  const out: MathSegment[] = [];
  const missing = new Map<string, number>();
  let i = from;
  while (i < to) {
    const c = text[i];
    const delims = delimitersAt(text, i);
    if (!delims) { i += c === '\\' ? 2 : 1; continue; }
    const [open, close] = delims;
    const end = findClose(text, i + open.length, close, to, missing);
    if (end < 0) { i += open.length; continue; }
    out.push({ charStart: i, charEnd: end + close.length, contentStart: i + open.length, contentEnd: end });
    i = end + close.length;
  }
  return out;
}
