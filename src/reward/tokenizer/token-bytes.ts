// The exact bytes each vocabulary entry stands for, so offsets can be derived from token bytes:
// byte-level BPE (GPT-2 alphabet), SentencePiece-style (▁ for space, <0xNN> byte fallback), and
// added/special tokens (their literal content).
const utf8 = new TextEncoder();

/** GPT-2's printable stand-in character for each byte, inverted: char code -> byte. */
function byteLevelInverse(): Map<string, number> {
  const printable: number[] = [];
  for (let c = 0x21; c <= 0x7e; c++) printable.push(c);
  for (let c = 0xa1; c <= 0xac; c++) printable.push(c);
  for (let c = 0xae; c <= 0xff; c++) printable.push(c);
  const inverse = new Map<string, number>();
  for (const b of printable) inverse.set(String.fromCharCode(b), b);
  let extra = 0;
  for (let b = 0; b < 256; b++) {
    if (!printable.includes(b)) inverse.set(String.fromCharCode(256 + extra++), b);
  }
  return inverse;
}

let cachedInverse: Map<string, number> | null = null;

/** Bytes of a byte-level BPE token string ("Ġthe" -> " the"); unknown chars kept as UTF-8. */
export function byteLevelTokenBytes(token: string): Uint8Array {
  cachedInverse ??= byteLevelInverse();
  const out: number[] = [];
  for (const ch of token) {
    const b = cachedInverse.get(ch);
    if (b !== undefined) out.push(b);
    else out.push(...utf8.encode(ch));
  }
  return Uint8Array.from(out);
}

const BYTE_FALLBACK = /^<0x([0-9A-Fa-f]{2})>$/;

/** Bytes of a SentencePiece-style token ("▁the" -> " the", "<0xE2>" -> 0xE2). */
export function metaspaceTokenBytes(token: string): Uint8Array {
  const fallback = BYTE_FALLBACK.exec(token);
  if (fallback) return Uint8Array.of(parseInt(fallback[1], 16));
  return utf8.encode(token.replaceAll('\u2581', ' '));
}

export type TokenByteScheme = 'byte-level' | 'metaspace';

/** Reads the decoder section of tokenizer.json to tell how token strings map to bytes. */
export function detectByteScheme(tokenizerJson: { decoder?: unknown; pre_tokenizer?: unknown }): TokenByteScheme {
  const mentions = (section: unknown): boolean => JSON.stringify(section ?? null).includes('"ByteLevel"');
  return mentions(tokenizerJson.decoder) || mentions(tokenizerJson.pre_tokenizer) ? 'byte-level' : 'metaspace';
}
