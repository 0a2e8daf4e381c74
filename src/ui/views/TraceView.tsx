import { useEffect, useState } from 'react';
import type { TraceRecord } from '../../cot/trace.ts';
import { datasetWorker } from '../dataset-client.ts';
import { MathText } from '../math/MathText.tsx';
import { useStudio } from '../state/store.ts';
import { ScorePanel } from '../scoring/ScorePanel.tsx';
import { ReasoningView } from './ReasoningView.tsx';
import { formatCount } from '../format.ts';

function useTrace(id: string | null): { trace: TraceRecord | null; loading: boolean } {
  const [state, setState] = useState<{ id: string | null; trace: TraceRecord | null }>({ id: null, trace: null });
  useEffect(() => {
    if (id === null) return;
    let live = true;
    void datasetWorker().getTrace(id).then((trace) => { if (live) setState({ id, trace }); });
    return () => { live = false; };
  }, [id]);
  return { trace: state.id === id ? state.trace : null, loading: id !== null && state.id !== id };
}

function TraceFlags({ trace }: { trace: TraceRecord }) {
  const flags = [
    trace.flags.truncated && 'truncated (no closing tag)',
    trace.flags.missingOpenTag && 'no opening <think>',
    trace.flags.multipleThinkBlocks && 'several think blocks',
  ].filter(Boolean);
  return (
    <p className="trace-meta">
      <span className="mono">{trace.id}</span> · {trace.layout} · {trace.source.file} row {trace.source.row}
      {trace.source.line !== undefined && `, line ${trace.source.line}`}
      {flags.map((flag) => <span key={String(flag)} className="badge">{flag}</span>)}
    </p>
  );
}

export function TraceView() {
  const selectedId = useStudio((s) => s.selectedId);
  const mode = useStudio((s) => s.mathMode);
  const { trace, loading } = useTrace(selectedId);
  if (selectedId === null) return <section className="trace-view placeholder" aria-label="Trace"><p className="hint">Select a trace to read it (J / K move).</p></section>;
  if (!trace) return <section className="trace-view" aria-label="Trace" aria-busy={loading}><p className="hint">{loading ? 'Loading trace…' : 'Trace not found.'}</p></section>;
  return (
    <section className="trace-view" aria-label="Trace">
      <TraceFlags trace={trace} />
      <section aria-labelledby="problem-title">
        <h2 id="problem-title">Problem</h2>
        <div className="trace-text problem"><MathText text={trace.problem} mode={mode} /></div>
        {trace.reference && <p className="reference"><strong>Reference:</strong> <MathText text={trace.reference} mode={mode} /></p>}
        {trace.referenceSolution && (
          <details className="reference-solution">
            <summary>Reference solution</summary>
            <div className="trace-text"><MathText text={trace.referenceSolution} mode={mode} /></div>
          </details>
        )}
      </section>
      <section aria-labelledby="reasoning-title">
        <h2 id="reasoning-title">Reasoning <span className="hint">{formatCount(trace.reasoning.length)} chars</span></h2>
        <ReasoningView key={trace.id} text={trace.reasoning} mode={mode} />
      </section>
      <section aria-labelledby="answer-title">
        <h2 id="answer-title">Answer</h2>
        {trace.answer.trim() ? <div className="trace-text answer"><MathText text={trace.answer} mode={mode} /></div> : <p className="hint">No answer after the reasoning.</p>}
      </section>
      <ScorePanel trace={trace} />
    </section>
  );
}
