// One scoring job at a time for the score panel (LM or reward model): phase, progress and the status
// line. A newer job makes an older one's late results and errors stale (latest wins).
import { useCallback, useRef, useState } from 'react';

export type JobPhase = 'idle' | 'loading' | 'scoring' | 'done' | 'cancelled' | 'error';

export interface JobState {
  phase: JobPhase;
  /** What is loading, the done summary, or the error. */
  message: string;
  progress: { done: number; total: number };
}

export interface JobContext {
  /** The model is loaded; scoring starts. */
  scoring(): void;
  onProgress(done: number, total: number): void;
  /** False once a newer job started: drop the result. */
  isCurrent(): boolean;
}

const IDLE: JobState = { phase: 'idle', message: '', progress: { done: 0, total: 0 } };

export function useScoreJob() {
  const [state, setState] = useState<JobState>(IDLE);
  const runId = useRef(0);

  /** Runs task; it returns the summary shown when done. */
  const start = useCallback(async (loadingMessage: string, task: (context: JobContext) => Promise<string>) => {
    const id = ++runId.current;
    const isCurrent = () => runId.current === id;
    setState({ phase: 'loading', message: loadingMessage, progress: { done: 0, total: 0 } });
    const context: JobContext = {
      scoring: () => { if (isCurrent()) setState((s) => ({ ...s, phase: 'scoring' })); },
      onProgress: (done, total) => { if (isCurrent()) setState((s) => ({ ...s, progress: { done, total } })); },
      isCurrent,
    };
    try {
      const summary = await task(context);
      if (isCurrent()) setState((s) => ({ ...s, phase: 'done', message: summary }));
    } catch (error) {
      if (!isCurrent()) return;
      const message = error instanceof Error ? error.message : String(error);
      setState((s) => (/cancel|abort/i.test(message) ? { ...s, phase: 'cancelled', message: '' } : { ...s, phase: 'error', message }));
    }
  }, []);

  const busy = state.phase === 'loading' || state.phase === 'scoring';
  return { state, busy, start };
}

export function jobStatusText(state: JobState): string {
  switch (state.phase) {
    case 'loading': return state.message;
    case 'scoring': return `Scoring ${state.progress.done} / ${state.progress.total || '…'} tokens`;
    case 'cancelled': return 'Cancelled.';
    case 'error': return `Error: ${state.message}`;
    case 'done': return state.message;
    default: return '';
  }
}

/** "N tokens in X s (R tokens/s)". */
export function throughputText(tokenCount: number, durationMs: number): string {
  const seconds = durationMs / 1000;
  return `${tokenCount} tokens in ${seconds.toFixed(2)} s (${Math.round(tokenCount / (seconds || 1e-3))} tokens/s)`;
}
