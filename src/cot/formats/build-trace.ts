// Shared helpers for adapters: reading loosely typed fields, the row's own id, and assembling a
// TraceRecord from a completion and its split.
import { sliceSpan, type TraceRecord } from '../trace.ts';
import type { AdapterContext, Row } from './types.ts';
import { splitJoined, splitThink, type SplitOptions, type ThinkSplit } from './think-split.ts';

/** Field names that hold a row's own id, in order of preference. */
export const ID_KEYS = ['id', 'uuid', 'idx', 'problem_id', 'question_id', 'qid', 'sample_id', '_id'];
/** Field names that hold a reference (ground-truth) answer. */
export const REFERENCE_KEYS = ['gt_answer', 'ground_truth', 'reference_answer', 'gt', 'final_answer', 'answer', 'expected_answer', 'target'];

export function isRecord(value: unknown): value is Row {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A scalar as text (numbers and bigints too); null for missing, objects and empty strings. */
export function text(value: unknown): string | null {
  if (typeof value === 'string') return value.length > 0 ? value : null;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value === 'bigint') return value.toString();
  return null;
}

/** A scalar, or a short list of scalars, as reference text. */
export function referenceText(value: unknown): string | null {
  if (Array.isArray(value)) {
    const parts = value.map(text).filter((part): part is string => part !== null);
    return parts.length > 0 ? parts.join(', ') : null;
  }
  return text(value);
}

export function firstText(row: Row, keys: readonly string[]): { key: string; value: string } | null {
  for (const key of keys) {
    const value = text(row[key]);
    if (value !== null) return { key, value };
  }
  return null;
}

export function ownId(row: Row): string | null {
  return firstText(row, ID_KEYS)?.value ?? null;
}

export function isStringList(value: unknown): value is string[] {
  return Array.isArray(value) && value.length > 0 && value.every((item) => typeof item === 'string');
}

/** The row minus the fields an adapter consumed. */
export function restOf(row: Row, consumed: readonly string[]): Row {
  const rest: Row = {};
  for (const key of Object.keys(row)) if (!consumed.includes(key)) rest[key] = row[key];
  return rest;
}

export interface TraceParts {
  /** The row's own id, or null to use file:row. */
  ownId: string | null;
  /** Suffix for rows that yield several traces (generation index, model prefix). */
  variant?: string | number;
  problem: string;
  reference: string | null;
  referenceSolution: string | null;
  completion: string;
  split: ThinkSplit;
  extra: Row;
  joined?: TraceRecord['joined'];
}

export function makeTrace(layout: string, ctx: AdapterContext, parts: TraceParts): TraceRecord {
  const base = parts.ownId ?? `${ctx.file}:${ctx.row}`;
  const id = parts.variant === undefined ? base : `${base}#${parts.variant}`;
  const source: TraceRecord['source'] = { file: ctx.file, row: ctx.row };
  if (ctx.line !== undefined) source.line = ctx.line;
  if (typeof parts.variant === 'number') source.generation = parts.variant;
  const trace: TraceRecord = {
    id,
    layout,
    source,
    problem: parts.problem,
    reference: parts.reference,
    referenceSolution: parts.referenceSolution,
    completion: parts.completion,
    reasoningSpan: parts.split.reasoningSpan,
    answerSpan: parts.split.answerSpan,
    reasoning: sliceSpan(parts.completion, parts.split.reasoningSpan),
    answer: sliceSpan(parts.completion, parts.split.answerSpan),
    flags: parts.split.flags,
    extra: parts.extra,
  };
  if (parts.joined) trace.joined = parts.joined;
  return trace;
}

export const FIELD_JOINER = '\n\n';

/** A completion from one tagged text field. */
export function tagged(completion: string, options?: SplitOptions): Pick<TraceParts, 'completion' | 'split'> {
  return { completion, split: splitThink(completion, options) };
}

/** A completion from separate reasoning and answer fields, joined so spans can point into it. */
export function joinedFields(reasoningField: string, reasoning: string, answerField: string, answer: string): Pick<TraceParts, 'completion' | 'split' | 'joined'> {
  return {
    completion: `${reasoning}${FIELD_JOINER}${answer}`,
    split: splitJoined(reasoning, FIELD_JOINER, answer),
    joined: { reasoningField, answerField, joiner: FIELD_JOINER },
  };
}

/** The first reference-answer field present in the row (or in one nested object). */
export function findReference(row: Row, skip: readonly string[] = []): { key: string; value: string } | null {
  for (const key of REFERENCE_KEYS) {
    if (skip.includes(key)) continue;
    const value = referenceText(row[key]);
    if (value !== null) return { key, value };
  }
  return null;
}
