// Loads a model folder's tokenizer.json with @huggingface/tokenizers and adds what no JS tokenizer
// returns: each token's UTF-16 [charStart, charEnd), derived from the token's bytes (byte-level BPE,
// no normaliser), so the offsets tile the text.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Tokenizer } from '@huggingface/tokenizers';

export interface EncodedText {
  ids: number[];
  charStart: number[];
  charEnd: number[];
}

function unicodeToByte(): Map<string, number> {
  const visible: number[] = [];
  for (let b = 33; b <= 126; b++) visible.push(b);
  for (let b = 161; b <= 172; b++) visible.push(b);
  for (let b = 174; b <= 255; b++) visible.push(b);
  const map = new Map<string, number>();
  let extra = 0;
  for (let b = 0; b < 256; b++) {
    if (visible.includes(b)) map.set(String.fromCodePoint(b), b);
    else map.set(String.fromCodePoint(256 + extra++), b);
  }
  return map;
}

const BYTE_OF = unicodeToByte();

/** UTF-16 index of the character containing each UTF-8 byte of `text`, plus a final entry. */
function charIndexOfBytes(text: string): number[] {
  const index: number[] = [];
  for (let i = 0; i < text.length; ) {
    const cp = text.codePointAt(i) as number;
    const bytes = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
    for (let b = 0; b < bytes; b++) index.push(i);
    i += cp >= 0x10000 ? 2 : 1;
  }
  index.push(text.length);
  return index;
}

export class OffsetTokenizer {
  private readonly tokenizer: Tokenizer;
  private readonly tokenBytes: Map<number, number>;

  constructor(folder: string) {
    const json = JSON.parse(readFileSync(join(folder, 'tokenizer.json'), 'utf8')) as { model: { vocab: Record<string, number> } };
    const config = JSON.parse(readFileSync(join(folder, 'tokenizer_config.json'), 'utf8')) as Record<string, unknown>;
    this.tokenizer = new Tokenizer(json, config);
    this.tokenBytes = new Map(Object.entries(json.model.vocab).map(([token, id]) => [id, [...token].length]));
    for (const [token, id] of Object.entries(json.model.vocab)) {
      if ([...token].some((ch) => !BYTE_OF.has(ch))) this.tokenBytes.delete(id);
    }
  }

  encode(text: string): EncodedText {
    const ids = this.tokenizer.encode(text, { add_special_tokens: false }).ids;
    const charOfByte = charIndexOfBytes(text);
    const charStart: number[] = [];
    const charEnd: number[] = [];
    let byte = 0;
    for (const id of ids) {
      const length = this.tokenBytes.get(id) ?? 0;
      charStart.push(charOfByte[byte] as number);
      byte += length;
      const last = charOfByte[byte - 1] as number;
      charEnd.push(length === 0 ? (charOfByte[byte] as number) : last + (text.codePointAt(last)! >= 0x10000 ? 2 : 1));
    }
    return { ids, charStart, charEnd };
  }
}
