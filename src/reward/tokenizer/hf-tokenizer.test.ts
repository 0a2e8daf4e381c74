import { readFileSync, readdirSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createTokenizer } from './hf-tokenizer.ts';
import type { TextTokenizer } from '../ports.ts';

const dir = 'test/fixtures/models/tiny-random';
const tokenizerText = readFileSync(`${dir}/tokenizer.json`, 'utf8');
const configText = readFileSync(`${dir}/tokenizer_config.json`, 'utf8');
const byteLevel = createTokenizer({ name: 'tiny-random', tokenizerJson: tokenizerText, tokenizerConfig: configText });

/** The same vocabulary with Qwen2's NFC normaliser and pre-tokenizer (regex split, then ByteLevel). */
const QWEN2_SPLIT = "(?i:'s|'t|'re|'ve|'m|'ll|'d)|[^\\r\\n\\p{L}\\p{N}]?\\p{L}+|\\p{N}| ?[^\\s\\p{L}\\p{N}]+[\\r\\n]*|\\s*[\\r\\n]+|\\s+(?!\\S)|\\s+";
const nfcJson = {
  ...JSON.parse(tokenizerText),
  normalizer: { type: 'NFC' },
  pre_tokenizer: { type: 'Sequence', pretokenizers: [
    { type: 'Split', pattern: { Regex: QWEN2_SPLIT }, behavior: 'Isolated', invert: false },
    { type: 'ByteLevel', add_prefix_space: false, trim_offsets: false, use_regex: false },
  ] },
};
const nfc = createTokenizer({ name: 'nfc', tokenizerJson: nfcJson });

/** A small SentencePiece-style BPE with byte fallback (Llama-2 layout). */
const spVocab: Record<string, number> = { '<unk>': 0, '▁': 1, 't': 2, 'h': 3, 'e': 4, 'th': 5, '▁the': 6, '▁th': 7, 'a': 8 };
for (let b = 0; b < 256; b++) spVocab[`<0x${b.toString(16).toUpperCase().padStart(2, '0')}>`] = 9 + b;
const metaspace = createTokenizer({
  name: 'sp',
  tokenizerJson: {
    normalizer: { type: 'Sequence', normalizers: [{ type: 'Prepend', prepend: '▁' }, { type: 'Replace', pattern: { String: ' ' }, content: '▁' }] },
    pre_tokenizer: null,
    post_processor: null,
    decoder: { type: 'Sequence', decoders: [{ type: 'Replace', pattern: { String: '▁' }, content: ' ' }, { type: 'ByteFallback' }, { type: 'Fuse' }, { type: 'Strip', content: ' ', start: 1, stop: 0 }] },
    model: { type: 'BPE', vocab: spVocab, merges: ['t h', '▁ th', '▁th e'], byte_fallback: true, unk_token: '<unk>', fuse_unk: true },
    added_tokens: [],
  },
});

function expectTiling(tokenizer: TextTokenizer, text: string): void {
  const { ids, charStart, charEnd } = tokenizer.encode(text);
  expect(charStart.length).toBe(ids.length);
  let cursor = 0;
  const gaps: number[] = [];
  for (let t = 0; t < ids.length; t++) {
    if (charStart[t] !== cursor || charEnd[t] < charStart[t]) gaps.push(t);
    cursor = charEnd[t];
  }
  expect(gaps).toEqual([]);
  expect(cursor).toBe(text.length);
}

// Mixed alphabets: ASCII words, CJK, emoji (incl. ZWJ sequences), combining marks, RTL, whitespace.
const pieces = ['the', ' the', 'Wait', ' ', '\n\n', 'é', 'e\u0301', 'a\u0308\u0301', '答案', '数学', '🙂', '👩‍👩‍👧', '🇫🇷', 'ש', '\t', '∑', '<think>', '</think>', 'x²', '\u200b'];
const textArb = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.array(fc.constantFrom(...pieces), { maxLength: 20 }).map((a) => a.join('')),
  fc.string({ unit: 'grapheme', maxLength: 30 }),
);

describe('createTokenizer (byte-level BPE)', () => {
  it('reads vocabulary size, name and the sha256 of tokenizer.json', () => {
    expect(byteLevel.vocabSize).toBe(256 + 12 + 3);
    expect(byteLevel.name).toBe('tiny-random');
    expect(byteLevel.hash).toBe(createHash('sha256').update(tokenizerText).digest('hex'));
  });

  it('applies merges and gives exact offsets', () => {
    const { ids, charStart, charEnd } = byteLevel.encode('in the');
    expect(Array.from(ids, (id) => byteLevel.tokenText(id))).toEqual(['in', ' the']);
    expect(Array.from(charStart)).toEqual([0, 2]);
    expect(byteLevel.decode(ids)).toBe('in the');
    expect(charEnd[ids.length - 1]).toBe(6);
  });

  it('gives a char split across byte tokens to the token with its first byte', () => {
    const text = 'a😀b';
    const { ids, charStart, charEnd } = byteLevel.encode(text);
    expect(ids.length).toBe(6); // a + 4 bytes + b
    expect(Array.from(charStart)).toEqual([0, 1, 3, 3, 3, 3]);
    expect(Array.from(charEnd)).toEqual([1, 3, 3, 3, 3, 4]);
  });

  it('keeps special tokens as single tokens spanning their markup', () => {
    const { ids, charStart, charEnd } = byteLevel.encode('<think>hi</think>');
    expect(ids[0]).toBe(268 + 1);
    expect(byteLevel.tokenText(ids[0])).toBe('<think>');
    expect([charStart[0], charEnd[0]]).toEqual([0, 7]);
    expect(byteLevel.isSpecial(ids[0])).toBe(true);
  });

  it('tokenText gives the text of a token', () => {
    const [theId] = byteLevel.encode(' the').ids;
    expect(byteLevel.tokenText(theId)).toBe(' the');
    const emoji = byteLevel.encode('😀').ids;
    expect(byteLevel.tokenText(emoji[0])).toBe('<0xF0>');
  });

  it('property: offsets tile the text and decode(encode(x)) === x', () => {
    fc.assert(fc.property(textArb, (text) => {
      expectTiling(byteLevel, text);
      expect(byteLevel.decode(byteLevel.encode(text).ids)).toBe(text);
    }), { numRuns: 300 });
  });

  it('rejects a malformed tokenizer.json with the file name', () => {
    expect(() => createTokenizer({ name: 'x', tokenizerJson: '{"model": ' })).toThrow(/tokenizer.json: not valid JSON/);
    expect(() => createTokenizer({ name: 'x', tokenizerJson: '{}' })).toThrow(/missing "model"/);
  });
});

describe('createTokenizer (normalising and SentencePiece tokenizers)', () => {
  it('Qwen2-style NFC + regex split: offsets still tile the raw text; decode gives the NFC form', () => {
    const text = 'cafe\u0301 e\u0301\u0301 ok';
    expectTiling(nfc, text);
    expect(nfc.decode(nfc.encode(text).ids)).toBe(text.normalize('NFC'));
    fc.assert(fc.property(textArb, (t) => {
      expectTiling(nfc, t);
      expect(nfc.decode(nfc.encode(t).ids)).toBe(t.replace(/[\uD800-\uDFFF]/gu, '\uFFFD').normalize('NFC'));
    }), { numRuns: 200 });
  });

  it('SentencePiece with byte fallback: the prepended space belongs to no character', () => {
    const text = 'the 答';
    const { ids, charStart, charEnd } = metaspace.encode(text);
    expectTiling(metaspace, text);
    expect(charEnd[0]).toBe(3); // "▁the" covers "the" only
    expect(Array.from(charStart.slice(-3))).toEqual([4, 5, 5]); // the 3 fallback bytes of 答
    expect(metaspace.decode(ids)).toBe(text);
  });
});

/** Every string field of the real traces copied into the format corpus. */
function realTexts(): string[] {
  const dirPath = 'test/fixtures/formats';
  const texts: string[] = [];
  const collect = (value: unknown): void => {
    if (typeof value === 'string') texts.push(value);
    else if (value && typeof value === 'object') Object.values(value).forEach(collect);
  };
  for (const file of readdirSync(dirPath).filter((f) => /^real-.*\.jsonl$/.test(f))) {
    for (const line of readFileSync(`${dirPath}/${file}`, 'utf8').split('\n')) if (line.trim()) collect(JSON.parse(line));
  }
  return texts;
}

describe('createTokenizer with added tokens that strip spaces', () => {
  it('still tiles the text when the tokenizer drops the spaces around a special token', () => {
    const json = JSON.parse(tokenizerText) as { added_tokens: Array<Record<string, unknown>> };
    json.added_tokens = json.added_tokens.map((t) => (t.content === '<think>' ? { ...t, lstrip: true, rstrip: true } : t));
    const stripping = createTokenizer({ name: 'strip', tokenizerJson: json });
    const text = 'a  <think>  b';
    expectTiling(stripping, text);
    const { ids, charStart, charEnd } = stripping.encode(text);
    const think = Array.from(ids).findIndex((id) => stripping.tokenText(id) === '<think>');
    expect(text.slice(charStart[think], charEnd[think])).toContain('<think>');
  });
});

describe('createTokenizer on real traces', () => {
  it('offsets tile every field of the real sample traces and decoding gives the text back', () => {
    const texts = realTexts();
    expect(texts.join('').length).toBeGreaterThan(20_000);
    for (const text of texts) {
      expectTiling(byteLevel, text);
      expect(byteLevel.decode(byteLevel.encode(text).ids)).toBe(text);
      expectTiling(nfc, text);
    }
  });
});
