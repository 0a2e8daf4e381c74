// Token counts for DLCoT simplification reports: the bundled model's tokenizer by default (what the
// studio scores with), or any Hugging Face tokenizer folder, or plain words.
import { existsSync, readFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { countWords, type TokenCounter } from '../cot/dlcot/token-count.ts';
import { createTokenizer } from '../reward/tokenizer/hf-tokenizer.ts';

export const BUNDLED_TOKENIZER_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../../public/models/trellis-lm-tiny');

export interface NamedCounter {
  /** "words" or the tokenizer folder's name. */
  unit: string;
  count: TokenCounter;
}

/** `spec` is "words", "bundled" or a folder holding tokenizer.json (+ tokenizer_config.json). */
export function tokenCounterFor(spec: string): NamedCounter {
  if (spec === 'words') return { unit: 'words', count: countWords };
  const dir = spec === 'bundled' ? BUNDLED_TOKENIZER_DIR : resolve(spec);
  const tokenizerPath = join(dir, 'tokenizer.json');
  if (!existsSync(tokenizerPath)) throw new Error(`${spec}: no tokenizer.json in ${dir}`);
  const configPath = join(dir, 'tokenizer_config.json');
  const tokenizer = createTokenizer({
    name: basename(dir),
    tokenizerJson: readFileSync(tokenizerPath, 'utf8'),
    tokenizerConfig: existsSync(configPath) ? readFileSync(configPath, 'utf8') : null,
  });
  return { unit: `${basename(dir)} tokens`, count: (text) => (text.length === 0 ? 0 : tokenizer.encode(text).ids.length) };
}
