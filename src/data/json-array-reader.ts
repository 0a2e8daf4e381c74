// A single JSON array, streamed: a byte-level scanner tracks strings and nesting and hands each
// top-level element to JSON.parse on its own, so the whole file is never held or parsed at once.
import { formatMegabytes, parseRowBytes, type RawRow } from './raw-row.ts';

const QUOTE = 0x22, BACKSLASH = 0x5c, COMMA = 0x2c, NEWLINE = 0x0a;
const OPEN_SQUARE = 0x5b, CLOSE_SQUARE = 0x5d, OPEN_CURLY = 0x7b, CLOSE_CURLY = 0x7d;

function isSpace(byte: number): boolean {
  return byte === 0x20 || byte === 0x0a || byte === 0x0d || byte === 0x09;
}

type Phase = 'before' | 'between' | 'element' | 'after' | 'failed';

/** Scanner state carried across chunks. */
class ArrayScanner {
  phase: Phase = 'before';
  depth = 0;
  inString = false;
  escaped = false;
  lineNo = 1;
  row = 0;
  elementLine = 1;
  parts: Uint8Array[] = [];
  partsLength = 0;
  skippedLength = -1;
  constructor(private readonly maxRowBytes: number) {}

  keep(part: Uint8Array): void {
    if (this.skippedLength < 0 && this.partsLength + part.length > this.maxRowBytes) {
      this.skippedLength = this.partsLength;
      this.parts = [];
      this.partsLength = 0;
    }
    if (this.skippedLength >= 0) this.skippedLength += part.length;
    else { this.parts.push(part); this.partsLength += part.length; }
  }

  finishElement(): RawRow {
    const row = this.row++;
    const line = this.elementLine;
    if (this.skippedLength >= 0) {
      const total = this.skippedLength;
      this.skippedLength = -1;
      return { row, line, error: { reason: `array element is ${formatMegabytes(total)}, over the ${formatMegabytes(this.maxRowBytes)} per-row limit; skipped` } };
    }
    const bytes = this.parts.length === 1 ? this.parts[0] : concatParts(this.parts, this.partsLength);
    this.parts = [];
    this.partsLength = 0;
    return parseRowBytes(bytes, row, line);
  }

  /**
   * Inside a string: a tight local loop to the closing quote (or the chunk's end), since strings are
   * most of a trace's bytes. Returns the index the main loop resumes after. Raw newlines cannot occur
   * inside valid JSON strings, so not counting them here keeps line numbers right.
   */
  private skipString(chunk: Uint8Array, from: number): number {
    let escaped = this.escaped;
    const length = chunk.length;
    for (let i = from; i < length; i++) {
      if (escaped) { escaped = false; continue; }
      const byte = chunk[i];
      if (byte === BACKSLASH) escaped = true;
      else if (byte === QUOTE) {
        this.escaped = false;
        this.inString = false;
        return i;
      }
    }
    this.escaped = escaped;
    return length - 1;
  }

  /** Scans one chunk, returning the rows it completed. */
  scan(chunk: Uint8Array): RawRow[] {
    const rows: RawRow[] = [];
    let i = 0;
    let elementStart = this.phase === 'element' ? 0 : -1;
    for (; i < chunk.length; i++) {
      const byte = chunk[i];
      if (byte === NEWLINE) this.lineNo++;
      if (this.phase === 'element') {
        if (this.inString) {
          i = this.skipString(chunk, i);
          continue;
        }
        if (byte === QUOTE) this.inString = true;
        else if (byte === OPEN_CURLY || byte === OPEN_SQUARE) this.depth++;
        else if (this.depth > 0 && (byte === CLOSE_CURLY || byte === CLOSE_SQUARE)) this.depth--;
        else if (this.depth === 0 && (byte === COMMA || byte === CLOSE_SQUARE)) {
          this.keep(chunk.subarray(elementStart, i));
          rows.push(this.finishElement());
          elementStart = -1;
          this.phase = byte === COMMA ? 'between' : 'after';
        }
        continue;
      }
      if (isSpace(byte)) continue;
      if (this.phase === 'before') {
        if (byte === OPEN_SQUARE) { this.phase = 'between'; continue; }
        if (byte === 0xef || byte === 0xbb || byte === 0xbf) continue; // UTF-8 byte-order mark
        this.phase = 'failed';
        rows.push({ row: this.row, line: this.lineNo, error: { reason: 'expected a JSON array starting with [' } });
        return rows;
      }
      if (this.phase === 'between') {
        if (byte === CLOSE_SQUARE) { this.phase = 'after'; continue; }
        if (byte === COMMA) continue;
        this.phase = 'element';
        this.elementLine = this.lineNo;
        elementStart = i;
        i--; // rescan this byte as part of the element
        continue;
      }
      if (this.phase === 'after') {
        this.phase = 'failed';
        rows.push({ row: this.row, line: this.lineNo, error: { reason: 'unexpected data after the end of the JSON array' } });
        return rows;
      }
      return rows;
    }
    if (this.phase === 'element' && elementStart >= 0) this.keep(chunk.subarray(elementStart));
    return rows;
  }

  end(): RawRow[] {
    if (this.phase === 'element') return [{ row: this.row, line: this.elementLine, error: { reason: 'file ends inside the JSON array: this element is incomplete' } }];
    if (this.phase === 'between') return [{ row: this.row, line: this.lineNo, error: { reason: 'file ends before the JSON array is closed with ]' } }];
    if (this.phase === 'before') return [{ row: 0, line: this.lineNo, error: { reason: 'no JSON array found' } }];
    return [];
  }
}

function concatParts(parts: Uint8Array[], length: number): Uint8Array {
  const out = new Uint8Array(length);
  let at = 0;
  for (const part of parts) { out.set(part, at); at += part.length; }
  return out;
}

export async function* readJsonArray(chunks: AsyncIterable<Uint8Array>, maxRowBytes: number): AsyncGenerator<RawRow> {
  const scanner = new ArrayScanner(maxRowBytes);
  for await (const chunk of chunks) {
    yield* scanner.scan(chunk);
    if (scanner.phase === 'failed') return;
  }
  yield* scanner.end();
}
