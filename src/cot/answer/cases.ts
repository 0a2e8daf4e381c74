// Runs answer-cases.json-shaped records (equivalence / extraction / normalization) through the
// checker, honouring the peer options that change the expected result. Shared by the CLI and tests.
import type { Verdict } from './compare-scalar.ts';
import { isEquivalentToAny, type EquivalenceOptions } from './equivalence.ts';
import { extractFinalAnswer, type ExtractOptions, type MatchType } from './extract.ts';
import { normalizeAnswerString } from './normalize-string.ts';

export interface AnswerCase {
  id: string;
  kind: 'equivalence' | 'extraction' | 'normalization';
  gold?: unknown;
  pred?: unknown;
  text?: unknown;
  input?: unknown;
  source?: string;
  options?: Record<string, unknown>;
}

export type CaseResult =
  | { id: string; equal: Verdict }
  | { id: string; extracted: string | null }
  | { id: string; normalized: string | null };

/** A case that cannot be run, with the field at fault. */
export interface CaseError {
  index: number;
  id: string | null;
  field: string;
  reason: string;
}

function matchTypesOf(options: Record<string, unknown>): MatchType[] | undefined {
  const m = options.match_types;
  if (!Array.isArray(m)) return undefined;
  const kept = m.filter((t): t is MatchType => t === 'latex' || t === 'expr');
  return kept.length ? kept : undefined;
}

export function equivalenceOptionsFor(c: AnswerCase): EquivalenceOptions {
  const o = c.options ?? {};
  const fromRllm = (c.source ?? c.id).includes('rllm');
  return {
    matchTypes: matchTypesOf(o),
    strict: typeof o.strict === 'boolean' ? o.strict : undefined,
    allowSetRelation: typeof o.allow_set_relation_comp === 'boolean' ? o.allow_set_relation_comp : undefined,
    // rllm's reward tests are end-to-end unless they call one grader function directly.
    requireThinkAndBoxed: fromRllm && o.function === undefined,
  };
}

export function extractOptionsFor(c: AnswerCase): ExtractOptions {
  const o = c.options ?? {};
  if (typeof o.function === 'string') return { mode: 'boxed', boxedWrapper: o.returns_wrapper === true };
  if (String(o.config ?? '').startsWith('StringExtractionConfig')) return { mode: 'choice' };
  const types = matchTypesOf(o);
  if (types && !types.includes('latex')) return { mode: 'expr' };
  return { mode: 'auto', matchTypes: types };
}

function asText(value: unknown): string | null {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'bigint') return String(value);
  return null;
}

/** Gold may be one answer, a list of acceptable answers, a number or null (never matches). */
function golds(value: unknown): string[] {
  if (Array.isArray(value)) return value.map((v) => asText(v) ?? '');
  return [asText(value) ?? ''];
}

export function validateCase(raw: unknown, index: number): CaseError | null {
  if (!raw || typeof raw !== 'object') return { index, id: null, field: '(case)', reason: 'not an object' };
  const c = raw as Record<string, unknown>;
  const id = typeof c.id === 'string' || typeof c.id === 'number' ? String(c.id) : null;
  if (id === null) return { index, id, field: 'id', reason: 'missing or not a string' };
  if (c.kind === 'equivalence') {
    if (!('gold' in c)) return { index, id, field: 'gold', reason: 'missing' };
    if (asText(c.pred) === null) return { index, id, field: 'pred', reason: 'missing or not a string' };
  } else if (c.kind === 'extraction') {
    if (typeof c.text !== 'string') return { index, id, field: 'text', reason: 'missing or not a string' };
  } else if (c.kind === 'normalization') {
    if (typeof c.input !== 'string') return { index, id, field: 'input', reason: 'missing or not a string' };
  } else {
    return { index, id, field: 'kind', reason: `expected equivalence | extraction | normalization, got ${JSON.stringify(c.kind)}` };
  }
  return null;
}

/** Runs one validated case. */
export function runAnswerCase(c: AnswerCase): CaseResult {
  const id = String(c.id);
  if (c.kind === 'extraction') return { id, extracted: extractFinalAnswer(String(c.text), extractOptionsFor(c)) };
  if (c.kind === 'normalization') return { id, normalized: normalizeAnswerString(String(c.input)) };
  return { id, equal: isEquivalentToAny(golds(c.gold), asText(c.pred) ?? '', equivalenceOptionsFor(c)) };
}
