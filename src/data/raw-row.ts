// A row as the container readers hand it over: a parsed JSON object, or the reason it is not one.
import type { Row } from '../cot/formats/types.ts';

export interface RawRow {
  /** 0-based row index in the file. */
  row: number;
  /** 1-based physical line (JSONL; start line of an array element). */
  line?: number;
  value?: Row;
  error?: { reason: string; field?: string };
}

export interface ReadOptions {
  /** Rows longer than this are reported and skipped without being buffered. */
  maxRowBytes: number;
  /** Called with the number of file bytes consumed since the last call. */
  onBytes: (byteLength: number) => void;
}

export function formatMegabytes(byteLength: number): string {
  return `${(byteLength / 1e6).toFixed(1)} MB`;
}

const decoder = new TextDecoder('utf-8', { fatal: true });

/** Decodes and parses one row's bytes; invalid UTF-8, bad JSON and non-objects become errors. */
export function parseRowBytes(bytes: Uint8Array, row: number, line: number | undefined): RawRow {
  let text: string;
  try {
    text = decoder.decode(bytes);
  } catch {
    return { row, line, error: { reason: `invalid UTF-8 (${describeInvalid(bytes)})` } };
  }
  return parseRowText(text, row, line);
}

export function parseRowText(text: string, row: number, line: number | undefined): RawRow {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { row, line, error: { reason: `malformed JSON: ${error instanceof Error ? error.message : String(error)}` } };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    const kind = Array.isArray(value) ? 'an array' : value === null ? 'null' : `a ${typeof value}`;
    return { row, line, error: { reason: `row is ${kind}, not a JSON object` } };
  }
  return { row, line, value: value as Row };
}

/** Where the first byte sequence that is not valid UTF-8 sits, for the error message. */
export function describeInvalid(bytes: Uint8Array): string {
  let at = 0;
  while (at < bytes.length) {
    const lead = bytes[at];
    const length = lead < 0x80 ? 1 : lead >= 0xc2 && lead < 0xe0 ? 2 : lead >= 0xe0 && lead < 0xf0 ? 3 : lead >= 0xf0 && lead < 0xf5 ? 4 : 0;
    if (length === 0 || at + length > bytes.length) break;
    let valid = true;
    for (let k = 1; k < length; k++) if ((bytes[at + k] & 0xc0) !== 0x80) valid = false;
    if (!valid) break;
    at += length;
  }
  return `bad byte 0x${(bytes[at] ?? 0).toString(16).padStart(2, '0')} at byte ${at} of the row`;
}
