import { useRef, useLayoutEffect } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { setFilePicker } from '../commands/app-commands.ts';
import { openFiles } from '../state/dataset-actions.ts';
import { useStudio } from '../state/store.ts';
import { setHelpOpen, toggleMathMode } from '../state/view-actions.ts';
import { formatCount } from '../format.ts';

const ACCEPT = '.jsonl,.json,.gz,.parquet,.ndjson,application/json';

function DatasetStatus() {
  const { summary, phase, errorCount } = useStudio(useShallow((s) => ({ summary: s.summary, phase: s.phase, errorCount: s.errors.length })));
  if (!summary || phase === 'loading') return null;
  const files = summary.files.length === 1 ? summary.files[0] : `${summary.files.length} files`;
  return (
    <p className="toolbar-status" aria-label="Dataset status">
      {files} · {summary.layout} · {formatCount(summary.traces)} traces
      {phase === 'cancelled' && ' (loading cancelled)'}
      {errorCount > 0 && <> · <span className="status-error">{formatCount(summary.errors.length)} errors</span></>}
    </p>
  );
}

export function Toolbar() {
  const inputRef = useRef<HTMLInputElement>(null);
  const mathMode = useStudio((s) => s.mathMode);

  // Registered before the first paint, like the hotkeys, so Mod+O works as soon as the page shows.
  useLayoutEffect(() => {
    setFilePicker(() => inputRef.current?.click());
    return () => setFilePicker(null);
  }, []);

  return (
    <header className="toolbar">
      <h1 className="brand">Trellis</h1>
      <button type="button" className="button primary" onClick={() => inputRef.current?.click()}>Open…</button>
      <input
        ref={inputRef}
        type="file"
        multiple
        accept={ACCEPT}
        hidden
        aria-label="Dataset files"
        onChange={(event) => {
          const files = [...(event.currentTarget.files ?? [])];
          event.currentTarget.value = '';
          void openFiles(files);
        }}
      />
      <DatasetStatus />
      <span className="toolbar-spacer" />
      <button type="button" className="button" aria-pressed={mathMode === 'raw'} onClick={toggleMathMode}>Raw LaTeX</button>
      <button type="button" className="button icon" aria-label="Keyboard shortcuts" onClick={() => setHelpOpen(true)}>?</button>
    </header>
  );
}
