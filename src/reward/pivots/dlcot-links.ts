// Links between pivots and the DLCoT structure of a trace: approach starts and steps as token
// positions, for the overlap statistics and the step-level aggregation.
import { analyzeTrace, type TraceInput } from '../../cot/dlcot/index.ts';
import type { DlcotAnalysis } from '../../cot/dlcot/index.ts';
import type { TokenSpan } from './tracks.ts';
import type { TokenOffsets } from './types.ts';
import { charSpanToTokenSpan, tokenAtChar } from './token-spans.ts';

/** The engine's analysis without the simplification policies (not needed here). */
export function analyzeStructure(trace: TraceInput): DlcotAnalysis {
  return analyzeTrace(trace, { policies: [] });
}

/** Token index where each approach starts (exploration and verification alike), sorted, unique. */
export function approachStartTokens(analysis: DlcotAnalysis, offsets: TokenOffsets): number[] {
  const tokenCount = offsets.charStart.length;
  const starts = new Set<number>();
  for (const approach of analysis.approaches) {
    const token = tokenAtChar(offsets, approach.charStart);
    if (token < tokenCount) starts.add(token);
  }
  return [...starts].sort((a, b) => a - b);
}

/** Token spans of the approaches' steps, in text order, empty ones dropped. */
export function stepTokenSpans(analysis: DlcotAnalysis, offsets: TokenOffsets): TokenSpan[] {
  const spans = analysis.approaches.flatMap((a) => (a.steps.length > 0 ? a.steps : [a]));
  return spans
    .map((s) => charSpanToTokenSpan(offsets, s.charStart, s.charEnd))
    .filter((s) => s.tokenEnd > s.tokenStart)
    .sort((a, b) => a.tokenStart - b.tokenStart);
}
