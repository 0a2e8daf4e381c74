// Collects what openDataset produces: makes ids unique across the opened files, batches traces for
// onTraces, throttles progress, and keeps the counts and errors for the summary. Traces are handed
// on, never kept.
import type { TraceRecord } from '../cot/trace.ts';
import type { DatasetError, OpenCallbacks, OpenProgress, OpenSummary } from './open-dataset.ts';

const BATCH_TRACES = 256;
const FLUSH_MS = 100;
const PROGRESS_MS = 50;
/** Errors kept for the summary; all are still counted and passed to onError. */
const MAX_KEPT_ERRORS = 10_000;

export class TraceSink {
  private readonly ids = new Set<string>();
  private batch: TraceRecord[] = [];
  private lastFlushMs = performance.now();
  private lastProgressMs = 0;
  private readonly layoutCounts = new Map<string, number>();
  bytesRead = 0;
  rows = 0;
  traces = 0;
  withReference = 0;
  truncated = 0;
  errorCount = 0;
  readonly errors: DatasetError[] = [];

  constructor(private readonly callbacks: OpenCallbacks, readonly bytesTotal: number) {}

  addBytes(byteLength: number): void {
    this.bytesRead = Math.min(this.bytesTotal, this.bytesRead + byteLength);
    this.progress(false);
  }

  error(error: DatasetError): void {
    this.errorCount++;
    if (this.errors.length < MAX_KEPT_ERRORS) this.errors.push(error);
    this.callbacks.onError?.(error);
  }

  addTraces(traces: TraceRecord[]): void {
    for (const trace of traces) {
      trace.id = this.uniqueId(trace);
      this.traces++;
      if (trace.reference !== null) this.withReference++;
      if (trace.flags.truncated) this.truncated++;
      this.layoutCounts.set(trace.layout, (this.layoutCounts.get(trace.layout) ?? 0) + 1);
      this.batch.push(trace);
    }
    if (this.batch.length >= BATCH_TRACES || performance.now() - this.lastFlushMs >= FLUSH_MS) this.flush();
  }

  flush(): void {
    this.lastFlushMs = performance.now();
    if (this.batch.length === 0) return;
    const batch = this.batch;
    this.batch = [];
    this.callbacks.onTraces?.(batch);
  }

  progress(force: boolean): void {
    const nowMs = performance.now();
    if (!force && nowMs - this.lastProgressMs < PROGRESS_MS) return;
    this.lastProgressMs = nowMs;
    const progress: OpenProgress = { bytesRead: this.bytesRead, bytesTotal: this.bytesTotal, rows: this.rows, traces: this.traces, errors: this.errorCount };
    this.callbacks.onProgress?.(progress);
  }

  /** The layout of everything read: one id, 'mixed', or 'unknown' when nothing was read. */
  layout(): string {
    if (this.layoutCounts.size === 0) return 'unknown';
    return this.layoutCounts.size === 1 ? [...this.layoutCounts.keys()][0] : 'mixed';
  }

  summary(files: string[]): OpenSummary {
    return { files, layout: this.layout(), rows: this.rows, traces: this.traces, withReference: this.withReference, truncated: this.truncated, errors: this.errors };
  }

  /** A row's own id may repeat (across shards, or in a sloppy file): then file and row disambiguate. */
  private uniqueId(trace: TraceRecord): string {
    let id = trace.id;
    if (this.ids.has(id)) {
      const base = `${trace.id}@${trace.source.file}:${trace.source.row}`;
      id = base;
      for (let n = 2; this.ids.has(id); n++) id = `${base}~${n}`;
    }
    this.ids.add(id);
    return id;
  }
}
