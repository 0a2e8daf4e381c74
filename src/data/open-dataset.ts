// Opening a dataset: the one entry point shared by the dataset worker and the CLI. Web streams only:
// files are Blobs (the CLI wraps paths with fs.openAsBlob), read in chunks, never whole.
import type { Row } from '../cot/formats/types.ts';
import type { TraceRecord } from '../cot/trace.ts';
import { fileChunks } from './byte-chunks.ts';
import { readJsonArray } from './json-array-reader.ts';
import { readJsonLines } from './line-reader.ts';
import { readParquet } from './parquet-reader.ts';
import type { RawRow } from './raw-row.ts';
import { RowConverter } from './row-converter.ts';
import { sniffFile, type Sniffed } from './sniff.ts';
import { TraceSink } from './trace-sink.ts';

export interface DatasetFile {
  /** File name as the user sees it (no directories). */
  name: string;
  blob: Blob;
}

export interface DatasetError {
  file: string;
  /** 1-based line for line-oriented files. */
  line?: number;
  /** 0-based row (array index, Parquet row). */
  row?: number;
  field?: string;
  reason: string;
}

export interface Detection {
  file: string;
  /** Container format actually found by sniffing the bytes. */
  container: 'jsonl' | 'json-array' | 'parquet' | 'unknown';
  compressed: boolean;
  layout: string | null;
  confidence: number;
  reason: string;
}

export interface OpenProgress {
  bytesRead: number;
  bytesTotal: number;
  rows: number;
  traces: number;
  errors: number;
}

export interface OpenCallbacks {
  onTraces?: (batch: TraceRecord[]) => void;
  onError?: (error: DatasetError) => void;
  onProgress?: (progress: OpenProgress) => void;
  onDetected?: (detection: Detection) => void;
  signal?: AbortSignal;
  /** Rows (lines, array elements) over this many bytes are reported and skipped. Default 16 MB. */
  maxRowBytes?: number;
}

export interface OpenSummary {
  files: string[];
  layout: string;
  rows: number;
  traces: number;
  withReference: number;
  truncated: number;
  errors: DatasetError[];
}

export const DEFAULT_MAX_ROW_BYTES = 16_000_000;
/** Rows sampled to fix a file's layout. */
const SAMPLE_ROWS = 8;

function rowsOf(file: DatasetFile, sniffed: Sniffed, onBytes: (byteLength: number) => void, maxRowBytes: number): AsyncGenerator<RawRow> {
  if (sniffed.container === 'parquet') return readParquet(file.blob, onBytes);
  const chunks = fileChunks(file, sniffed.compressed, onBytes);
  return sniffed.container === 'json-array' ? readJsonArray(chunks, maxRowBytes) : readJsonLines(chunks, maxRowBytes);
}

function rowError(file: string, raw: RawRow): DatasetError {
  const error: DatasetError = { file, row: raw.row, reason: raw.error?.reason ?? 'unreadable row' };
  if (raw.line !== undefined) error.line = raw.line;
  if (raw.error?.field) error.field = raw.error.field;
  return error;
}

function detectionOf(file: DatasetFile, sniffed: Sniffed, converter: RowConverter | null): Detection {
  const base = { file: file.name, container: sniffed.container, compressed: sniffed.compressed };
  if (sniffed.error || !converter?.detection) return { ...base, layout: null, confidence: 0, reason: sniffed.error ?? 'no rows' };
  const { layout, confidence, reason, perRow } = converter.detection;
  const mixed = !layout && new Set(perRow.filter(Boolean)).size > 1;
  return { ...base, layout: layout ?? (mixed ? 'mixed' : null), confidence, reason };
}

async function openFile(file: DatasetFile, sink: TraceSink, callbacks: OpenCallbacks): Promise<void> {
  const sniffed = await sniffFile(file);
  if (sniffed.error) {
    sink.error({ file: file.name, reason: sniffed.error });
    callbacks.onDetected?.(detectionOf(file, sniffed, null));
    return;
  }
  const converter = new RowConverter(file.name);
  const sample: (RawRow & { value: Row })[] = [];
  let decided = false;
  const consume = (raw: RawRow & { value: Row }) => {
    const { traces, error } = converter.convert(raw);
    if (error) sink.error(error);
    if (traces.length) sink.addTraces(traces);
  };
  const decide = () => {
    decided = true;
    converter.decide(sample.map((raw) => raw.value));
    callbacks.onDetected?.(detectionOf(file, sniffed, converter));
    for (const raw of sample.splice(0)) consume(raw);
  };
  let fileBytes = 0;
  const rows = rowsOf(file, sniffed, (byteLength) => { fileBytes += byteLength; sink.addBytes(byteLength); }, callbacks.maxRowBytes ?? DEFAULT_MAX_ROW_BYTES);
  for await (const raw of rows) {
    callbacks.signal?.throwIfAborted();
    sink.rows++;
    if (!raw.value) sink.error(rowError(file.name, raw));
    else if (decided) consume(raw as RawRow & { value: Row });
    else {
      sample.push(raw as RawRow & { value: Row });
      if (sample.length >= SAMPLE_ROWS) decide();
    }
  }
  if (!decided) decide();
  // Parquet reads only what it needs; count the file as done.
  if (fileBytes < file.blob.size) sink.addBytes(file.blob.size - fileBytes);
}

/** Streams every file, emitting traces in batches while it reads. Never throws on bad rows. */
export async function openDataset(files: DatasetFile[], callbacks: OpenCallbacks = {}): Promise<OpenSummary> {
  const sink = new TraceSink(callbacks, files.reduce((sum, f) => sum + f.blob.size, 0));
  for (const file of files) {
    callbacks.signal?.throwIfAborted();
    try {
      await openFile(file, sink, callbacks);
    } catch (error) {
      if (callbacks.signal?.aborted) throw callbacks.signal.reason;
      sink.error({ file: file.name, reason: `read failed: ${error instanceof Error ? error.message : String(error)}` });
    }
    sink.flush();
  }
  sink.flush();
  sink.progress(true);
  return sink.summary(files.map((f) => f.name));
}

/** Sniffs each file (first bytes and rows) without reading it whole. */
export async function detectDataset(files: DatasetFile[]): Promise<Detection[]> {
  const detections: Detection[] = [];
  for (const file of files) detections.push(await detectFile(file));
  return detections;
}

async function detectFile(file: DatasetFile): Promise<Detection> {
  const sniffed = await sniffFile(file);
  if (sniffed.error) return detectionOf(file, sniffed, null);
  const sample: Row[] = [];
  try {
    let seen = 0;
    for await (const raw of rowsOf(file, sniffed, () => undefined, DEFAULT_MAX_ROW_BYTES)) {
      if (raw.value) sample.push(raw.value);
      if (sample.length >= SAMPLE_ROWS || ++seen >= SAMPLE_ROWS * 8) break;
    }
  } catch (error) {
    return { ...detectionOf(file, sniffed, null), reason: `read failed: ${error instanceof Error ? error.message : String(error)}` };
  }
  const converter = new RowConverter(file.name);
  converter.decide(sample);
  return detectionOf(file, sniffed, converter);
}
