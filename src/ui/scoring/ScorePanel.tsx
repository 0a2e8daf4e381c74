import { useEffect, useRef, useState } from 'react';
import type { TraceRecord } from '../../cot/trace.ts';
import type { BackendChoice, ModelInfo, ModelSource, ScoredText } from '../../workers/score-api.ts';
import { ModelControls } from './ModelControls.tsx';
import { ScoredTokens } from './ScoredTokens.tsx';
import { cancelScoring, DEFAULT_MODEL, ensureModel, pickedFolderSource, scoreText } from './score-client.ts';
import type { ColourMetric } from './token-colors.ts';

type Status = { phase: 'idle' | 'loading' | 'scoring' | 'done' | 'cancelled' } | { phase: 'error'; message: string };

// Token scoring view for one trace: loads the model in the scoring worker, scores the reasoning with
// progress and cancel, and shows the tokens coloured by surprisal or entropy.
export function ScorePanel({ trace }: { trace: TraceRecord }) {
  const [backend, setBackend] = useState<BackendChoice>('auto');
  const [source, setSource] = useState<ModelSource>(DEFAULT_MODEL);
  const [info, setInfo] = useState<ModelInfo | null>(null);
  const [status, setStatus] = useState<Status>({ phase: 'idle' });
  const [progress, setProgress] = useState({ done: 0, total: 0 });
  const [metric, setMetric] = useState<ColourMetric>('surprisal');
  // Large typed arrays live here (local state of this panel), not in the app store.
  const [scored, setScored] = useState<{ traceId: string; result: ScoredText } | null>(null);
  const runId = useRef(0);

  useEffect(() => () => cancelScoring(), [trace.id]);

  const text = trace.reasoning || trace.completion;
  const busy = status.phase === 'loading' || status.phase === 'scoring';

  const run = async () => {
    const id = ++runId.current;
    setStatus({ phase: 'loading' });
    setProgress({ done: 0, total: 0 });
    try {
      setInfo(await ensureModel(source, backend));
      setStatus({ phase: 'scoring' });
      const result = await scoreText(text, (done, total) => { if (runId.current === id) setProgress({ done, total }); });
      if (runId.current !== id) return;
      setScored({ traceId: trace.id, result });
      setStatus({ phase: 'done' });
    } catch (error) {
      if (runId.current !== id) return;
      const message = error instanceof Error ? error.message : String(error);
      setStatus(/cancel|abort/i.test(message) ? { phase: 'cancelled' } : { phase: 'error', message });
    }
  };

  const shown = scored?.traceId === trace.id ? scored.result : null;
  return (
    <section className="score-panel" aria-label="Token scores" style={{ display: 'grid', gap: '0.5rem', padding: '0.5rem 0' }}>
      <ModelControls backend={backend} onBackend={setBackend} onPickFolder={(files) => setSource(pickedFolderSource(files))}
        modelLabel={source.name} info={info} disabled={busy} />
      <div style={{ display: 'flex', gap: '0.5rem', alignItems: 'center' }}>
        <button type="button" onClick={() => void run()} disabled={busy || !text}>Score</button>
        {busy && <button type="button" onClick={cancelScoring}>Cancel</button>}
        {status.phase === 'scoring' && (
          <progress aria-label="Scoring progress" max={progress.total || 1} value={progress.done}>{progress.done} / {progress.total}</progress>
        )}
        <span role="status">{statusText(status, progress, shown)}</span>
        <label style={{ marginLeft: 'auto' }}>
          Colour by{' '}
          <select value={metric} onChange={(e) => setMetric(e.target.value as ColourMetric)} aria-label="Colour tokens by">
            <option value="surprisal">surprisal</option>
            <option value="entropy">entropy</option>
          </select>
        </label>
      </div>
      {shown && <ScoredTokens scored={shown} metric={metric} />}
    </section>
  );
}

function statusText(status: Status, progress: { done: number; total: number }, shown: ScoredText | null): string {
  switch (status.phase) {
    case 'loading': return 'Loading model…';
    case 'scoring': return `Scoring ${progress.done} / ${progress.total || '…'} tokens`;
    case 'cancelled': return 'Cancelled.';
    case 'error': return `Error: ${status.message}`;
    case 'done': return shown ? `${shown.ids.length} tokens in ${(shown.durationMs / 1000).toFixed(2)} s (${Math.round(shown.ids.length / (shown.durationMs / 1000))} tokens/s)` : '';
    default: return '';
  }
}
