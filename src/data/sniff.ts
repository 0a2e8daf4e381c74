// Decides what a file really is from its first bytes (gzip, Parquet, JSON array, JSON Lines, binary)
// and checks that against its name, so a mislabelled file gets a clear error instead of noise.
import type { DatasetFile, Detection } from './open-dataset.ts';

export type Container = Detection['container'];

export interface Sniffed {
  container: Container;
  compressed: boolean;
  /** Set when the file cannot be read as a dataset; names the reason. */
  error?: string;
}

const HEAD_BYTES = 4096;
type NameKind = 'parquet' | 'gzip' | 'json' | 'other';

export function nameKind(name: string): NameKind {
  const lower = name.toLowerCase();
  if (lower.endsWith('.parquet')) return 'parquet';
  if (lower.endsWith('.gz')) return 'gzip';
  if (/\.(jsonl|ndjson|json)$/.test(lower)) return 'json';
  return 'other';
}

function isGzip(head: Uint8Array): boolean {
  return head.length >= 2 && head[0] === 0x1f && head[1] === 0x8b;
}

function isParquet(head: Uint8Array): boolean {
  return head.length >= 4 && head[0] === 0x50 && head[1] === 0x41 && head[2] === 0x52 && head[3] === 0x31;
}

/** Many control bytes (NUL included) or many undecodable bytes: not text. A stray one is a bad row. */
export function looksBinary(head: Uint8Array): boolean {
  let control = 0;
  for (const byte of head) {
    if (byte < 32 && byte !== 9 && byte !== 10 && byte !== 13 && byte !== 12 && byte !== 8) control++;
  }
  if (control > Math.max(2, head.length * 0.02)) return true;
  const decoded = new TextDecoder('utf-8').decode(head);
  let replaced = 0;
  for (let i = 0; i < decoded.length; i++) if (decoded.charCodeAt(i) === 0xfffd) replaced++;
  return replaced > decoded.length * 0.1;
}

function firstSignificant(head: Uint8Array): number {
  let at = head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf ? 3 : 0;
  while (at < head.length && (head[at] === 0x20 || head[at] === 0x0a || head[at] === 0x0d || head[at] === 0x09)) at++;
  return at < head.length ? head[at] : -1;
}

function describe(head: Uint8Array): string {
  if (isGzip(head)) return 'gzip-compressed data';
  if (isParquet(head)) return 'Parquet';
  if (looksBinary(head)) return 'binary data';
  const first = firstSignificant(head);
  if (first === 0x7b) return 'JSON Lines';
  if (first === 0x5b) return 'a JSON array';
  return 'text that is not JSON';
}

/**
 * A pretty-printed single JSON object (`{` alone on the first line, or `{"data": [`) is not JSON
 * Lines: reading it line by line would report every line as malformed, so say what it is once.
 */
function isMultiLineObject(head: Uint8Array): boolean {
  const text = new TextDecoder().decode(head);
  const start = text.search(/\S/);
  const newline = text.indexOf('\n', start);
  if (start < 0 || newline < 0) return false;
  const firstLine = text.slice(start, newline).trim();
  return firstLine === '{' || /^\{\s*"[^"]*"\s*:\s*[[{]$/.test(firstLine);
}

/** Classifies decompressed or plain text bytes. `wholeFile` says head holds the entire content. */
export function classifyText(head: Uint8Array, kind: NameKind, wholeFile: boolean): Sniffed {
  const first = firstSignificant(head);
  if (first < 0 && wholeFile) return { container: 'unknown', compressed: false, error: 'empty file (only whitespace)' };
  if (looksBinary(head)) return { container: 'unknown', compressed: false, error: 'binary data, not JSON Lines, a JSON array or Parquet' };
  if (first === 0x5b) return { container: 'json-array', compressed: false };
  if (first === 0x7b && isMultiLineObject(head)) {
    return {
      container: 'unknown', compressed: false,
      error: 'a single pretty-printed JSON object, not JSON Lines or a JSON array of rows; ' +
        "write one row per line (e.g. jq -c '.data[]' FILE > rows.jsonl) or an array of rows",
    };
  }
  if (first === 0x7b || kind === 'json' || kind === 'gzip') return { container: 'jsonl', compressed: false };
  const preview = new TextDecoder().decode(head.subarray(0, 40)).replace(/\s+/g, ' ');
  return { container: 'unknown', compressed: false, error: `not a dataset file: text that is not JSON (starts with "${preview}")` };
}

async function readHead(stream: ReadableStream<Uint8Array>, wanted: number): Promise<{ head: Uint8Array; ended: boolean }> {
  const reader = stream.getReader();
  const parts: Uint8Array[] = [];
  let length = 0;
  let ended = false;
  try {
    while (length < wanted) {
      const { value, done } = await reader.read();
      if (done) { ended = true; break; }
      parts.push(value);
      length += value.length;
    }
  } finally {
    reader.cancel().catch(() => undefined);
  }
  const head = new Uint8Array(length);
  let at = 0;
  for (const part of parts) { head.set(part, at); at += part.length; }
  return { head: head.subarray(0, Math.min(length, wanted)), ended: ended && length <= wanted };
}

async function sniffGzip(file: DatasetFile, kind: NameKind): Promise<Sniffed> {
  if (kind === 'parquet' || kind === 'json') return { container: 'unknown', compressed: true, error: `named like ${kind === 'parquet' ? 'Parquet' : 'JSON'} but the bytes are gzip-compressed data (rename it to end in .gz)` };
  try {
    const { head, ended } = await readHead(file.blob.stream().pipeThrough(new DecompressionStream('gzip')), HEAD_BYTES);
    if (head.length === 0) return { container: 'unknown', compressed: true, error: 'empty file (gzip holds no data)' };
    return { ...classifyText(head, kind, ended), compressed: true };
  } catch (error) {
    return { container: 'unknown', compressed: true, error: `corrupt gzip data: ${error instanceof Error ? error.message : String(error)}` };
  }
}

export async function sniffFile(file: DatasetFile): Promise<Sniffed> {
  if (file.blob.size === 0) return { container: 'unknown', compressed: false, error: 'empty file (0 bytes)' };
  const kind = nameKind(file.name);
  const head = new Uint8Array(await file.blob.slice(0, HEAD_BYTES).arrayBuffer());
  if (isGzip(head)) return sniffGzip(file, kind);
  if (kind === 'gzip') return { container: 'unknown', compressed: false, error: `named .gz but not gzip-compressed (the bytes look like ${describe(head)})` };
  if (isParquet(head)) {
    if (kind === 'json') return { container: 'unknown', compressed: false, error: 'named like JSON but the bytes are a Parquet file (rename it to .parquet)' };
    return { container: 'parquet', compressed: false };
  }
  if (kind === 'parquet') return { container: 'unknown', compressed: false, error: `not a Parquet file: no PAR1 header (the bytes look like ${describe(head)})` };
  return classifyText(head, kind, file.blob.size <= HEAD_BYTES);
}
