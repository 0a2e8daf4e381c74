// Token counting is injectable: words (whitespace-separated runs) until a tokenizer-based counter
// is passed in. Counts are taken per piece and summed, which is exact for words.

export type TokenCounter = (text: string) => number;

const SPACE = new Uint8Array(161);
for (const c of [32, 10, 9, 13, 12, 11, 160]) SPACE[c] = 1;

/** Words in text[charStart, charEnd) without slicing (slices of a big string are slower to read). */
export function countWordsInRange(text: string, charStart: number, charEnd: number): number {
  let words = 0;
  let inWord = false;
  for (let i = charStart; i < charEnd; i++) {
    const c = text.charCodeAt(i);
    // Most characters are visible and above the space: one comparison decides them.
    if (c > 32 && c !== 160) {
      if (!inWord) words++;
      inWord = true;
    } else if (SPACE[c] === 1) {
      inWord = false;
    } else if (!inWord) {
      words++;
      inWord = true;
    }
  }
  return words;
}

/** Number of whitespace-separated words (one pass over char codes, no allocation). */
export const countWords: TokenCounter = (text) => countWordsInRange(text, 0, text.length);

/** Token count of text.slice(charStart, charEnd). */
export type RangeCounter = (charStart: number, charEnd: number) => number;

/**
 * A range counter that counts each unit once: ranges that start and end on unit boundaries are
 * answered from prefix sums, other ends are counted directly. `boundaries` are ascending unit
 * starts beginning with 0.
 */
export function unitRangeCounter(text: string, boundaries: number[], tokenCounter: TokenCounter): RangeCounter {
  const count = (s: number, e: number) => (tokenCounter === countWords ? countWordsInRange(text, s, e) : tokenCounter(text.slice(s, e)));
  const prefix = new Float64Array(boundaries.length + 1);
  for (let i = 0; i < boundaries.length; i++) {
    const end = i + 1 < boundaries.length ? boundaries[i + 1] : text.length;
    prefix[i + 1] = prefix[i] + count(boundaries[i], end);
  }
  const indexAtOrAfter = (offset: number) => {
    let lo = 0;
    let hi = boundaries.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (boundaries[mid] < offset) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  return (charStart, charEnd) => {
    if (charEnd <= charStart) return 0;
    const first = indexAtOrAfter(charStart);
    const last = charEnd >= text.length ? boundaries.length : indexAtOrAfter(charEnd);
    const lastStart = last < boundaries.length ? boundaries[last] : text.length;
    if (first >= last || (last < boundaries.length && lastStart !== charEnd)) return count(charStart, charEnd);
    const head = first < boundaries.length ? boundaries[first] : text.length;
    return count(charStart, head) + prefix[last] - prefix[first];
  };
}
