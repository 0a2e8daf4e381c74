// Every layout adapter, and layout detection over one row or a sample of rows.
import type { DetectResult, LayoutAdapter, Row } from './types.ts';
import { deepseekFieldsAdapter } from './deepseek-fields.ts';
import { deltabenchAdapter } from './deltabench.ts';
import { messagesAdapter } from './messages.ts';
import { openr1Adapter } from './openr1.ts';
import { problemSolutionAdapter } from './problem-solution.ts';
import { promptCompletionAdapter } from './prompt-completion.ts';
import { reasoningContentAdapter } from './reasoning-content.ts';
import { sharegptAdapter } from './sharegpt.ts';
import { skythoughtEvalAdapter } from './skythought-eval.ts';
import { thinkingTrajectoryAdapter } from './thinking-trajectory.ts';
import { thoughtAnchorsAdapter } from './thought-anchors.ts';
import { thoughtologyAdapter } from './thoughtology.ts';

/** Order breaks confidence ties: specific layouts before generic ones. */
export const ADAPTERS: readonly LayoutAdapter[] = [
  thoughtAnchorsAdapter,
  deltabenchAdapter,
  thoughtologyAdapter,
  skythoughtEvalAdapter,
  openr1Adapter,
  thinkingTrajectoryAdapter,
  deepseekFieldsAdapter,
  reasoningContentAdapter,
  messagesAdapter,
  sharegptAdapter,
  promptCompletionAdapter,
  problemSolutionAdapter,
];

export function adapterById(id: string): LayoutAdapter | undefined {
  return ADAPTERS.find((adapter) => adapter.id === id);
}

export interface LayoutMatch extends DetectResult {
  layout: string;
}

function safeDetect(adapter: LayoutAdapter, keys: ReadonlySet<string>, row: Row): DetectResult {
  try {
    return adapter.detect(keys, row);
  } catch {
    return { confidence: 0, reason: 'detector failed' };
  }
}

/** The best-matching layout for one row, or null when none recognises it. */
export function detectRow(row: Row): LayoutMatch | null {
  const keys = new Set(Object.keys(row));
  let best: LayoutMatch | null = null;
  for (const adapter of ADAPTERS) {
    const result = safeDetect(adapter, keys, row);
    if (result.confidence > 0 && (!best || result.confidence > best.confidence)) best = { layout: adapter.id, ...result };
  }
  return best;
}

export interface SampleDetection {
  /** The layout every recognised sample row agrees on; null when they disagree or none matched. */
  layout: string | null;
  confidence: number;
  reason: string;
  /** Layout per sample row (null = unrecognised). */
  perRow: (string | null)[];
}

export function detectSample(rows: readonly Row[]): SampleDetection {
  const matches = rows.map(detectRow);
  const perRow = matches.map((m) => m?.layout ?? null);
  const found = matches.filter((m): m is LayoutMatch => m !== null);
  if (found.length === 0) return { layout: null, confidence: 0, reason: rows.length ? 'no layout recognises the sample rows' : 'no rows to sample', perRow };
  const layouts = new Set(found.map((m) => m.layout));
  if (layouts.size > 1) {
    return { layout: null, confidence: 0, reason: `mixed layouts in the sample (${[...layouts].join(', ')}); detecting per row`, perRow };
  }
  const confidence = Math.min(...found.map((m) => m.confidence));
  const unmatched = rows.length - found.length;
  const suffix = unmatched > 0 ? `; ${unmatched} of ${rows.length} sample rows unrecognised` : ` (${found.length} sample row${found.length > 1 ? 's' : ''})`;
  return { layout: found[0].layout, confidence, reason: `${found[0].reason}${suffix}`, perRow };
}
