// A TextTokenizer over @huggingface/tokenizers, built from the model's tokenizer.json and
// tokenizer_config.json contents (strings or parsed objects: no file access here, callers read them).
import { Tokenizer } from '@huggingface/tokenizers';
import type { TextTokenizer, TokenizedText } from '../ports.ts';
import { approximateToRaw, normalizedToRaw, spansFromByteLengths } from './char-offsets.ts';
import { sha256OfText } from './sha256.ts';
import { byteLevelTokenBytes, detectByteScheme, metaspaceTokenBytes, type TokenByteScheme } from './token-bytes.ts';

export interface TokenizerFiles {
  /** Shown to the user and written next to imported tracks, e.g. the model folder name. */
  name: string;
  /** tokenizer.json: the exact file text (hashed as is) or an already-parsed object (hashed as JSON). */
  tokenizerJson: string | object;
  tokenizerConfig?: string | object | null;
  /** sha256 hex of the tokenizer.json bytes when the caller already has it. */
  hash?: string;
  /** Adds the tokenizer's BOS/EOS template tokens (empty spans at the text's edges). Default false. */
  addSpecialTokens?: boolean;
}

const utf8 = new TextEncoder();
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const utf8Decoder = new TextDecoder();
const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

function parseJson(label: string, value: string | object): Record<string, unknown> {
  if (typeof value !== 'string') return value as Record<string, unknown>;
  try {
    return JSON.parse(value) as Record<string, unknown>;
  } catch (error) {
    throw new Error(`${label}: not valid JSON (${error instanceof Error ? error.message : String(error)})`, { cause: error });
  }
}

class HfTextTokenizer implements TextTokenizer {
  readonly vocabSize: number;
  private readonly byteCache = new Map<number, Uint8Array>();
  private readonly specialIds: Set<number>;
  private readonly addedIds: Set<number>;

  constructor(
    readonly name: string,
    readonly hash: string,
    private readonly tokenizer: Tokenizer,
    private readonly scheme: TokenByteScheme,
    private readonly addSpecialTokens: boolean,
  ) {
    const added = tokenizer.get_added_tokens_decoder();
    this.addedIds = new Set(added.keys());
    this.specialIds = new Set([...added].filter(([, token]) => token.special).map(([id]) => id));
    let maxId = -1;
    for (const id of tokenizer.get_vocab(true).values()) maxId = Math.max(maxId, id);
    this.vocabSize = maxId + 1;
  }

  encode(text: string): TokenizedText {
    const encoded = this.tokenizer.encode(text, { add_special_tokens: this.addSpecialTokens });
    const ids = Int32Array.from(encoded.ids);
    const pieces = Array.from(ids, (id) => this.tokenBytes(id));
    const byteLengths = pieces.map((p) => p.length);
    const bytes = new Uint8Array(byteLengths.reduce((a, b) => a + b, 0));
    let offset = 0;
    for (const piece of pieces) { bytes.set(piece, offset); offset += piece.length; }
    let spelled = utf8Decoder.decode(bytes);
    // SentencePiece prepends a space the text does not have: it belongs to no character.
    if (this.scheme === 'metaspace' && spelled.startsWith(' ') && !text.startsWith(' ')) {
      spelled = spelled.slice(1);
      const first = byteLengths.findIndex((n) => n > 0);
      if (first >= 0) byteLengths[first]--;
    }
    const toRaw = spelled === text ? null : this.alignToRaw(text, spelled);
    return { ids, ...spansFromByteLengths(byteLengths, spelled, toRaw) };
  }

  decode(ids: ArrayLike<number>): string {
    if (ids.length === 0) return '';
    return this.tokenizer.decode(Array.from(ids), { skip_special_tokens: false, clean_up_tokenization_spaces: false });
  }

  tokenText(id: number): string {
    if (this.addedIds.has(id)) return this.tokenizer.id_to_token(id) ?? '';
    const bytes = this.tokenBytes(id);
    try {
      return strictUtf8.decode(bytes);
    } catch {
      // A piece of a multi-byte character: show its bytes rather than U+FFFD.
      return Array.from(bytes, (b) => `<0x${b.toString(16).toUpperCase().padStart(2, '0')}>`).join('');
    }
  }

  /** True for special tokens (BOS/EOS/<think>…), whose text is markup rather than content. */
  isSpecial(id: number): boolean {
    return this.specialIds.has(id);
  }

  private alignToRaw(text: string, spelled: string): Int32Array {
    try {
      return normalizedToRaw(text, spelled, (s) => this.normalize(s));
    } catch {
      return approximateToRaw(text, spelled);
    }
  }

  /** The tokenizer's normaliser, plus the U+FFFD that UTF-8 encoding gives lone surrogates. */
  private normalize(text: string): string {
    const wellFormed = text.replace(LONE_SURROGATE, '\uFFFD');
    const normalizer = this.tokenizer.normalizer;
    return normalizer ? normalizer.normalize(wellFormed) : wellFormed;
  }

  private tokenBytes(id: number): Uint8Array {
    let bytes = this.byteCache.get(id);
    if (bytes) return bytes;
    const token = this.tokenizer.id_to_token(id);
    if (token === undefined) bytes = new Uint8Array(0);
    else if (this.addedIds.has(id)) bytes = utf8.encode(token);
    else bytes = this.scheme === 'byte-level' ? byteLevelTokenBytes(token) : metaspaceTokenBytes(token);
    this.byteCache.set(id, bytes);
    return bytes;
  }
}

export type HfTokenizer = TextTokenizer & { isSpecial(id: number): boolean };

/** Builds a tokenizer from the model's files. Throws with the file name when they are malformed. */
export function createTokenizer(files: TokenizerFiles): HfTokenizer {
  const json = parseJson('tokenizer.json', files.tokenizerJson);
  if (typeof json.model !== 'object' || json.model === null) throw new Error('tokenizer.json: missing "model" section');
  const config = files.tokenizerConfig ? parseJson('tokenizer_config.json', files.tokenizerConfig) : {};
  const hash = files.hash ?? sha256OfText(typeof files.tokenizerJson === 'string' ? files.tokenizerJson : JSON.stringify(files.tokenizerJson));
  let tokenizer: Tokenizer;
  try {
    tokenizer = new Tokenizer(json, config);
  } catch (error) {
    throw new Error(`tokenizer.json: unsupported tokenizer (${error instanceof Error ? error.message : String(error)})`, { cause: error });
  }
  return new HfTextTokenizer(files.name, hash, tokenizer, detectByteScheme(json), files.addSpecialTokens ?? false);
}
