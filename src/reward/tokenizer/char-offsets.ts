// Exact UTF-16 offsets for tokens from the bytes they stand for. A character split across tokens
// belongs to the token holding its first byte; the following pieces get empty spans, so the spans
// always tile the text. Normalising tokenizers (NFC, lowercase…) are aligned back to the raw text in
// groups of a base character and its combining marks.

/** For each UTF-8 byte boundary b of `text`, the UTF-16 offset of the first char starting at or after b. */
export function byteToCharOffsets(text: string): Int32Array {
  const starts: number[] = [];
  for (let u = 0; u < text.length;) {
    const code = text.codePointAt(u) ?? 0;
    const isPair = code > 0xffff;
    // Lone surrogates are encoded as U+FFFD (3 bytes), as TextEncoder does.
    const byteLength = code < 0x80 ? 1 : code < 0x800 ? 2 : isPair ? 4 : 3;
    const next = u + (isPair ? 2 : 1);
    starts.push(u);
    for (let i = 1; i < byteLength; i++) starts.push(next);
    u = next;
  }
  starts.push(text.length);
  return Int32Array.from(starts);
}

/** A raw-text span and the normalised text it became. */
interface Group { rawStart: number; rawEnd: number; normalized: string }

/** Splits `text` into the smallest pieces that normalise independently. */
function normalizationGroups(text: string, normalize: (s: string) => string): Group[] {
  const pieces = text.match(/\P{M}\p{M}*|\p{M}+/gsu) ?? [];
  const groups: Group[] = [];
  let raw = 0;
  for (const piece of pieces) {
    const last = groups[groups.length - 1];
    const alone = normalize(piece);
    if (last && normalize(text.slice(last.rawStart, raw + piece.length)) !== last.normalized + alone) {
      last.rawEnd = raw + piece.length;
      last.normalized = normalize(text.slice(last.rawStart, last.rawEnd));
    } else {
      groups.push({ rawStart: raw, rawEnd: raw + piece.length, normalized: alone });
    }
    raw += piece.length;
  }
  return groups;
}

/**
 * Maps offsets in the normalised text back to the raw text: a boundary between groups maps exactly,
 * an offset inside a group's normalised form maps to the group's end (monotone, so tiling survives).
 */
export function normalizedToRaw(text: string, normalized: string, normalize: (s: string) => string): Int32Array {
  const map = new Int32Array(normalized.length + 1);
  let position = 0;
  for (const group of normalizationGroups(text, normalize)) {
    if (!normalized.startsWith(group.normalized, position)) {
      throw new Error(`tokenizer normaliser cannot be aligned with the text near character ${group.rawStart}`);
    }
    map[position] = group.rawStart;
    for (let i = 1; i <= group.normalized.length; i++) map[position + i] = group.rawEnd;
    position += group.normalized.length;
  }
  if (position !== normalized.length) throw new Error('tokenizer normaliser changed the text in a way offsets cannot follow');
  map[position] = text.length;
  return map;
}

/**
 * Fallback when the normaliser is not local (e.g. added tokens that strip the spaces around them):
 * a greedy monotone walk that matches equal characters, skips raw whitespace the tokenizer dropped
 * and steps over substitutions. Spans still tile the text; they may be off by the changed characters.
 */
export function approximateToRaw(text: string, normalized: string): Int32Array {
  const map = new Int32Array(normalized.length + 1);
  let raw = 0;
  for (let i = 0; i < normalized.length; i++) {
    while (raw < text.length && text[raw] !== normalized[i] && /\s/.test(text[raw]) && !/\s/.test(normalized[i])) raw++;
    map[i] = Math.min(raw, text.length);
    const inserted = /\s/.test(normalized[i]) && text[raw] !== normalized[i];
    if (!inserted && raw < text.length) raw++;
  }
  map[normalized.length] = text.length;
  return map;
}

export interface CharSpans { charStart: Int32Array; charEnd: Int32Array }

/**
 * UTF-16 spans of tokens in `text`, from the byte length of each token. The bytes must spell the
 * normalised text (`normalized`, equal to `text` for tokenizers without a normaliser).
 */
export function spansFromByteLengths(byteLengths: ArrayLike<number>, normalized: string, toRaw: Int32Array | null): CharSpans {
  const byteToChar = byteToCharOffsets(normalized);
  const count = byteLengths.length;
  const charStart = new Int32Array(count);
  const charEnd = new Int32Array(count);
  let byte = 0;
  for (let t = 0; t < count; t++) {
    const start = byteToChar[byte];
    byte += byteLengths[t];
    if (byte >= byteToChar.length) byte = byteToChar.length - 1;
    const end = byteToChar[byte];
    charStart[t] = toRaw ? toRaw[start] : start;
    charEnd[t] = toRaw ? toRaw[end] : end;
  }
  return { charStart, charEnd };
}
