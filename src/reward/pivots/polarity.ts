// Polarity s of a trace from its sequence-level label (SPEC.md §2): +1 for chosen / accepted /
// non-negative advantage, -1 otherwise. Labels arrive in many shapes; unknown ones return null.
import type { TraceRecord } from '../../cot/trace.ts';
import { extractFinalAnswer, isEquivalent } from '../../cot/answer/index.ts';
import type { Sign } from './types.ts';

export type PolarityMode = 'chosen' | 'rejected' | 'auto';

const POSITIVE = new Set(['chosen', 'accepted', 'accept', 'correct', 'positive', 'good', 'pass', 'true', 'yes', '+1', '1']);
const NEGATIVE = new Set(['rejected', 'reject', 'incorrect', 'wrong', 'negative', 'bad', 'fail', 'false', 'no', '-1', '0']);

/**
 * Polarity of one label value: strings ("chosen", "rejected", …), booleans, or numbers. A numeric
 * label is binary-style (1 → +1, 0 or negative → -1); use polarityFromAdvantage for advantages.
 */
export function polarityFromLabel(label: unknown): Sign | null {
  if (typeof label === 'boolean') return label ? 1 : -1;
  if (typeof label === 'number') return Number.isFinite(label) ? (label > 0 ? 1 : -1) : null;
  if (typeof label !== 'string') return null;
  const key = label.trim().toLowerCase();
  if (POSITIVE.has(key)) return 1;
  if (NEGATIVE.has(key)) return -1;
  const number = Number(key);
  return key !== '' && Number.isFinite(number) ? polarityFromLabel(number) : null;
}

/** Advantage sign: non-negative → +1 (SPEC.md §2). */
export function polarityFromAdvantage(advantage: unknown): Sign | null {
  const value = typeof advantage === 'string' && advantage.trim() !== '' ? Number(advantage) : advantage;
  return typeof value === 'number' && Number.isFinite(value) ? (value >= 0 ? 1 : -1) : null;
}

/** Fields of TraceRecord.extra read in this order; the first one that gives a polarity wins. */
const LABEL_FIELDS = ['polarity', 'preference', 'label', 'role', 'side', 'advantage', 'correct', 'is_correct', 'accepted'];

export interface TracePolarity {
  polarity: Sign;
  /** Where it came from, e.g. "extra.label" or "--polarity chosen". */
  source: string;
}

/** "Accepted" = the final answer matches the reference; null when either is missing or undecidable. */
export function polarityFromCorrectness(trace: Pick<TraceRecord, 'reference' | 'answer' | 'completion'>): Sign | null {
  if (trace.reference === null || trace.reference.trim() === '') return null;
  const predicted = extractFinalAnswer(trace.answer) ?? extractFinalAnswer(trace.completion);
  if (predicted === null) return null;
  const verdict = isEquivalent(trace.reference, predicted);
  return verdict === null ? null : verdict ? 1 : -1;
}

/**
 * Polarity for a trace: forced by `mode` ('chosen' → +1, 'rejected' → -1) or, with 'auto', read
 * from its label fields, then from whether its answer matches the reference. Null when 'auto'
 * finds neither.
 */
export function polarityForTrace(trace: Pick<TraceRecord, 'extra'> & Partial<Pick<TraceRecord, 'reference' | 'answer' | 'completion'>>, mode: PolarityMode): TracePolarity | null {
  if (mode === 'chosen') return { polarity: 1, source: '--polarity chosen' };
  if (mode === 'rejected') return { polarity: -1, source: '--polarity rejected' };
  for (const field of LABEL_FIELDS) {
    if (!(field in trace.extra)) continue;
    const value = trace.extra[field];
    const polarity = field === 'advantage' ? polarityFromAdvantage(value) : polarityFromLabel(value);
    if (polarity !== null) return { polarity, source: `extra.${field}` };
  }
  const { reference, answer, completion } = trace;
  if (reference === undefined || answer === undefined || completion === undefined) return null;
  const polarity = polarityFromCorrectness({ reference, answer, completion });
  return polarity === null ? null : { polarity, source: 'answer vs reference' };
}
