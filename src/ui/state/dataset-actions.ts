// Plain actions for opening datasets: detect first, then load in the worker with live batches.
import { datasetWorker, workerCallbacks } from '../dataset-client.ts';
import type { DatasetError, DatasetFile, LoadHandlers, OpenProgress, RowSummary } from '../../workers/dataset-api.ts';
import { appendRows, resetRows } from './row-table.ts';
import { MAX_SHOWN_ERRORS } from './dataset-slice.ts';
import { useStudio } from './store.ts';
import { refreshView, scheduleViewRefresh } from './view-actions.ts';

let pendingFiles: DatasetFile[] = [];
/** Bumped by every open; async steps of an older open see a newer number and stop. */
let openSequence = 0;

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Sniffs the files in the worker; the detection panel then offers Load. */
export async function openFiles(files: readonly File[]): Promise<void> {
  if (!files.length) return;
  const sequence = ++openSequence;
  datasetWorker().cancel();
  pendingFiles = files.map((file) => ({ name: file.name, blob: file }));
  useStudio.setState({ phase: 'detecting', fileNames: pendingFiles.map((f) => f.name), detections: [], failure: null });
  try {
    const detections = await datasetWorker().detect(pendingFiles);
    if (sequence !== openSequence) return;
    useStudio.setState({ phase: 'detected', detections });
  } catch (error) {
    if (sequence !== openSequence) return;
    useStudio.setState({ phase: 'failed', failure: `Could not read ${pendingFiles.map((f) => f.name).join(', ')}: ${message(error)}` });
  }
}

function loadHandlers(sequence: number): LoadHandlers {
  const current = () => sequence === openSequence;
  return {
    onRows(batch: RowSummary[]) {
      if (!current()) return;
      appendRows(batch);
      useStudio.setState((state) => ({ rowsVersion: state.rowsVersion + 1 }));
      scheduleViewRefresh();
    },
    onErrors(batch: DatasetError[]) {
      if (!current()) return;
      useStudio.setState((state) => ({ errors: state.errors.concat(batch).slice(0, MAX_SHOWN_ERRORS) }));
    },
    onProgress(progress: OpenProgress) {
      if (current()) useStudio.setState({ progress });
    },
  };
}

/** Loads the detected files; rows appear while the rest is read. */
export async function confirmLoad(): Promise<void> {
  const sequence = ++openSequence;
  const files = pendingFiles;
  resetRows();
  const bytesTotal = files.reduce((sum, f) => sum + f.blob.size, 0);
  useStudio.setState((state) => ({
    phase: 'loading', errors: [], summary: null, failure: null, selectedId: null,
    progress: { bytesRead: 0, bytesTotal, rows: 0, traces: 0, errors: 0 }, rowsVersion: state.rowsVersion + 1,
  }));
  void refreshView();
  try {
    const result = await datasetWorker().load(files, workerCallbacks(loadHandlers(sequence)));
    if (sequence !== openSequence) return;
    const phase = result.cancelled ? 'cancelled' : result.failure ? 'failed' : 'done';
    useStudio.setState({ phase, summary: result.summary, failure: result.failure });
  } catch (error) {
    if (sequence !== openSequence) return;
    useStudio.setState({ phase: 'failed', failure: message(error) });
  }
  await refreshView();
}

export function cancelLoad(): void {
  datasetWorker().cancel();
}

/** Drops the pending files without loading them. */
export function dismissDetection(): void {
  openSequence++;
  pendingFiles = [];
  const hasRows = useStudio.getState().summary !== null;
  useStudio.setState({ phase: hasRows ? 'done' : 'idle', detections: [], fileNames: [] });
}
