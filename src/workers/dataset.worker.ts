// Dataset worker: opens files with openDataset, keeps the TraceRecords here, and streams small row
// summaries to the UI in batches so the main thread never parses or holds the big texts.
import * as Comlink from 'comlink';
import { detectDataset, openDataset } from '../data/open-dataset.ts';
import type { DatasetError, OpenProgress } from '../data/open-dataset.ts';
import type { TraceRecord } from '../cot/trace.ts';
import type { DatasetFile, DatasetWorkerApi, LoadHandlers, LoadResult, RowQuery, RowSummary } from './dataset-api.ts';
import { queryRows, summarizeTrace } from './dataset-rows.ts';

/** How often batches are posted: often enough that rows appear live, rarely enough to stay cheap. */
const FLUSH_INTERVAL_MS = 120;
const FLUSH_MAX_ROWS = 2000;
/** Errors kept beyond this are counted (in the summary) but not posted one by one. */
const MAX_POSTED_ERRORS = 2000;

let traces = new Map<string, TraceRecord>();
let rows: RowSummary[] = [];
let problemsLower: string[] = [];
let controller: AbortController | null = null;

function resetDataset(): void {
  traces = new Map();
  rows = [];
  problemsLower = [];
}

class BatchPoster {
  private pendingRows: RowSummary[] = [];
  private pendingErrors: DatasetError[] = [];
  private progress: OpenProgress | null = null;
  private lastFlushMs = 0;
  private postedErrors = 0;

  constructor(private readonly handlers: LoadHandlers) {}

  addTraces(batch: TraceRecord[]): void {
    for (const trace of batch) {
      const index = rows.length;
      const row = summarizeTrace(trace, index);
      traces.set(trace.id, trace);
      rows.push(row);
      problemsLower.push(trace.problem.toLowerCase());
      this.pendingRows.push(row);
    }
    this.maybeFlush();
  }

  addError(error: DatasetError): void {
    if (this.postedErrors + this.pendingErrors.length < MAX_POSTED_ERRORS) this.pendingErrors.push(error);
    this.maybeFlush();
  }

  setProgress(progress: OpenProgress): void {
    this.progress = progress;
    this.maybeFlush();
  }

  private maybeFlush(): void {
    const due = performance.now() - this.lastFlushMs >= FLUSH_INTERVAL_MS;
    if (due || this.pendingRows.length >= FLUSH_MAX_ROWS) void this.flush();
  }

  /** Resolves once the UI received the batch, so the final flush lands before load() returns. */
  async flush(): Promise<void> {
    this.lastFlushMs = performance.now();
    const sent: Array<void | Promise<void>> = [];
    if (this.pendingRows.length) sent.push(this.handlers.onRows(this.pendingRows));
    if (this.pendingErrors.length) sent.push(this.handlers.onErrors(this.pendingErrors));
    if (this.progress) sent.push(this.handlers.onProgress(this.progress));
    this.postedErrors += this.pendingErrors.length;
    this.pendingRows = [];
    this.pendingErrors = [];
    this.progress = null;
    await Promise.all(sent);
  }
}

/** What was read before a cancel or a reader failure (openDataset gives no summary then). */
function partialSummary(files: DatasetFile[], layouts: Set<string>): LoadResult['summary'] {
  return {
    files: files.map((f) => f.name),
    layout: layouts.size === 1 ? [...layouts][0] : layouts.size > 1 ? 'mixed' : 'unknown',
    rows: rows.length,
    traces: rows.length,
    withReference: rows.filter((r) => r.hasReference).length,
    truncated: rows.filter((r) => r.truncated).length,
    errors: [],
  };
}

const api: DatasetWorkerApi = {
  detect: (files) => detectDataset(files),

  async load(files, handlers) {
    controller?.abort();
    const own = new AbortController();
    controller = own;
    resetDataset();
    const poster = new BatchPoster(handlers);
    const layouts = new Set<string>();
    let result: LoadResult;
    try {
      const summary = await openDataset(files, {
        signal: own.signal,
        // A superseded load is aborted; its late callbacks must not touch the new dataset.
        onTraces: (batch) => { if (!own.signal.aborted) poster.addTraces(batch); },
        onError: (error) => { if (!own.signal.aborted) poster.addError(error); },
        onProgress: (progress) => poster.setProgress(progress),
        onDetected: (detection) => { if (detection.layout) layouts.add(detection.layout); },
      });
      result = { summary: { ...summary, errors: summary.errors.slice(0, MAX_POSTED_ERRORS) }, cancelled: own.signal.aborted, failure: null };
    } catch (error) {
      const failure = own.signal.aborted ? null : error instanceof Error ? error.message : String(error);
      result = { summary: partialSummary(files, layouts), cancelled: own.signal.aborted, failure };
    }
    await poster.flush();
    if (controller === own) controller = null;
    return result;
  },

  cancel() {
    controller?.abort();
  },

  async getTrace(id) {
    return traces.get(id) ?? null;
  },

  async query(query: RowQuery) {
    const indices = queryRows(rows, problemsLower, query);
    return Comlink.transfer(indices, [indices.buffer]);
  },
};

Comlink.expose(api);
