import type { TraceRecord } from '../../cot/trace.ts';

// Token scoring view for one trace. Placeholder until the scoring engine lands.
export function ScorePanel(_props: { trace: TraceRecord }) {
  return null;
}
