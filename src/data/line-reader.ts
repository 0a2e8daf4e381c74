// JSON Lines: splits byte chunks on '\n' without decoding the whole stream, so an invalid UTF-8 or
// malformed line only costs that line, and an over-long line is skipped without being buffered.
import { formatMegabytes, parseRowBytes, type RawRow } from './raw-row.ts';

function isBlank(bytes: Uint8Array): boolean {
  for (const byte of bytes) if (byte !== 0x20 && byte !== 0x09 && byte !== 0x0d) return false;
  return true;
}

function concat(parts: Uint8Array[], length: number): Uint8Array {
  const out = new Uint8Array(length);
  let at = 0;
  for (const part of parts) { out.set(part, at); at += part.length; }
  return out;
}

/** Line-splitting state carried across chunks. */
class LineSplitter {
  private pending: Uint8Array[] = [];
  private pendingLength = 0;
  /** >= 0 while discarding an over-long line: the bytes discarded so far. */
  private skippedLength = -1;
  private lineNo = 1;
  private row = 0;
  constructor(private readonly maxRowBytes: number) {}

  /** Adds part of a line that continues in the next chunk. */
  keep(part: Uint8Array): void {
    if (this.skippedLength < 0 && this.pendingLength + part.length > this.maxRowBytes) this.startSkipping();
    if (this.skippedLength >= 0) { this.skippedLength += part.length; return; }
    this.pending.push(part);
    this.pendingLength += part.length;
  }

  /** Ends the current line with `tail`; null for blank lines. */
  finish(tail: Uint8Array): RawRow | null {
    if (this.skippedLength < 0 && this.pendingLength + tail.length > this.maxRowBytes) this.startSkipping();
    const line = this.lineNo++;
    if (this.skippedLength >= 0) {
      const total = this.skippedLength + tail.length;
      this.skippedLength = -1;
      return { row: this.row++, line, error: { reason: `line is ${formatMegabytes(total)}, over the ${formatMegabytes(this.maxRowBytes)} per-row limit; skipped` } };
    }
    const bytes = this.pending.length === 0 ? tail : concat([...this.pending, tail], this.pendingLength + tail.length);
    this.pending = [];
    this.pendingLength = 0;
    if (bytes.length === 0 || isBlank(bytes)) return null;
    return parseRowBytes(bytes, this.row++, line);
  }

  get hasPartialLine(): boolean {
    return this.pendingLength > 0 || this.skippedLength >= 0;
  }

  private startSkipping(): void {
    this.skippedLength = this.pendingLength;
    this.pending = [];
    this.pendingLength = 0;
  }
}

export async function* readJsonLines(chunks: AsyncIterable<Uint8Array>, maxRowBytes: number): AsyncGenerator<RawRow> {
  const splitter = new LineSplitter(maxRowBytes);
  for await (const chunk of chunks) {
    let start = 0;
    for (let newline = chunk.indexOf(0x0a); newline >= 0; newline = chunk.indexOf(0x0a, start)) {
      const result = splitter.finish(chunk.subarray(start, newline));
      if (result) yield result;
      start = newline + 1;
    }
    if (start < chunk.length) splitter.keep(chunk.subarray(start));
  }
  if (splitter.hasPartialLine) {
    const result = splitter.finish(new Uint8Array(0));
    if (result) yield result;
  }
}
