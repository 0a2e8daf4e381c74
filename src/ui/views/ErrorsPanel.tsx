import { useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { DatasetError } from '../../workers/dataset-api.ts';
import { useStudio } from '../state/store.ts';
import { formatCount } from '../format.ts';

function where(error: DatasetError): string {
  const parts = [error.file];
  if (error.line !== undefined) parts.push(`line ${error.line}`);
  else if (error.row !== undefined) parts.push(`row ${error.row}`);
  if (error.field) parts.push(`field ${error.field}`);
  return parts.join(', ');
}

/** Reader failures and bad rows, each with file, line and reason. */
export function ErrorsPanel() {
  const { errors, summary, phase, failure } = useStudio(useShallow((s) => ({ errors: s.errors, summary: s.summary, phase: s.phase, failure: s.failure })));
  const [expanded, setExpanded] = useState(true);
  const total = Math.max(summary?.errors.length ?? 0, errors.length);
  const nothingRead = phase === 'done' && summary !== null && summary.traces === 0;
  if (!failure && total === 0 && !nothingRead) return null;
  return (
    <section className="panel errors" aria-labelledby="errors-title">
      <div className="panel-header">
        <h2 id="errors-title">Errors ({formatCount(total)})</h2>
        {errors.length > 0 && (
          <button type="button" className="link-button" aria-expanded={expanded} aria-controls="error-list" onClick={() => setExpanded(!expanded)}>
            {expanded ? 'Hide list' : 'Show list'}
          </button>
        )}
      </div>
      {failure && <p role="alert" className="error-headline">{failure}</p>}
      {nothingRead && (
        <p role="alert" className="error-headline">
          No traces could be read from {summary.files.join(', ')}.
        </p>
      )}
      {errors.length > 0 && expanded && (
        <ol id="error-list" className="error-list" aria-label="Error list">
          {errors.map((error, i) => (
            <li key={i}><span className="mono error-where">{where(error)}</span> <span>{error.reason}</span></li>
          ))}
        </ol>
      )}
      {total > errors.length && <p className="hint">Showing the first {formatCount(errors.length)} errors.</p>}
    </section>
  );
}
