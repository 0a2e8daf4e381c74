// Optional parts of a `trellis pivots` record: overlap of pivots with DLCoT approach starts and
// forking tokens, and step-level aggregation (per DLCoT step or per pivot subsequence).
import type { TraceInput } from '../../cot/dlcot/index.ts';
import { analyzeStructure, approachStartTokens, stepTokenSpans } from './dlcot-links.ts';
import { forkingTokens, type ForkingRule } from './forking.ts';
import { traceOverlap, type TraceOverlap } from './overlap.ts';
import type { ScoredTrace } from './pipeline.ts';
import { aggregateSteps, type StepSummary } from './step-aggregation.ts';
import type { PivotResult } from './types.ts';

export type StepSource = 'dlcot' | 'segments';

export interface ExtrasRequest {
  /** Overlap statistics; needs the entropy track for forking tokens. */
  overlap: { toleranceTokens: number; forking: ForkingRule } | null;
  steps: StepSource | null;
  /** How the track's values turn into step probabilities (see aggregateSteps). */
  valuesAre?: 'logits' | 'probabilities' | 'tanh-half';
}

export interface RecordExtras {
  overlap?: TraceOverlap & { approachStarts: number[]; forkingTokens: number[] };
  steps?: StepSummary & { source: StepSource };
}

export function recordExtras(
  trace: TraceInput,
  scored: ScoredTrace,
  result: PivotResult,
  entropy: ArrayLike<number> | null,
  request: ExtrasRequest,
): RecordExtras {
  const extras: RecordExtras = {};
  const needsDlcot = request.overlap !== null || request.steps === 'dlcot';
  const analysis = needsDlcot ? analyzeStructure(trace) : null;
  const tokenCount = scored.tokens.ids.length;
  if (request.overlap && analysis) {
    const approachStarts = approachStartTokens(analysis, scored.tokens);
    const forking = entropy ? forkingTokens(entropy, request.overlap.forking) : [];
    extras.overlap = { ...traceOverlap(result.pivots, approachStarts, forking, tokenCount, request.overlap.toleranceTokens), approachStarts, forkingTokens: forking };
  }
  if (request.steps) {
    const spans = request.steps === 'dlcot' && analysis ? stepTokenSpans(analysis, scored.tokens) : result.segments;
    extras.steps = { source: request.steps, ...aggregateSteps(scored.track, spans.map((s) => ({ tokenStart: s.tokenStart, tokenEnd: s.tokenEnd })), { valuesAre: request.valuesAre ?? 'logits' }) };
  }
  return extras;
}
