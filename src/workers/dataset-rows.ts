// Row summaries and table queries, computed in the dataset worker next to the full traces.
import type { TraceRecord } from '../cot/trace.ts';
import type { RowQuery, RowSummary, TriState } from './dataset-api.ts';

const PROBLEM_LINE_MAX_CHARS = 240;

export function countWords(text: string): number {
  let words = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const space = code === 32 || (code >= 9 && code <= 13) || code === 160 || code === 0x3000;
    if (space) inWord = false;
    else if (!inWord) {
      inWord = true;
      words++;
    }
  }
  return words;
}

export function firstLine(text: string): string {
  const trimmed = text.trimStart();
  const end = trimmed.indexOf('\n');
  const line = end === -1 ? trimmed : trimmed.slice(0, end);
  return line.length > PROBLEM_LINE_MAX_CHARS ? `${line.slice(0, PROBLEM_LINE_MAX_CHARS)}…` : line.trimEnd();
}

export function summarizeTrace(trace: TraceRecord, index: number): RowSummary {
  return {
    index,
    id: trace.id,
    problemLine: firstLine(trace.problem),
    reasoningChars: trace.reasoning.length,
    reasoningWords: countWords(trace.reasoning),
    hasAnswer: trace.answer.trim().length > 0,
    hasReference: trace.reference !== null && trace.reference.trim().length > 0,
    truncated: trace.flags.truncated,
    layout: trace.layout,
    file: trace.source.file,
    row: trace.source.row,
    line: trace.source.line,
  };
}

function passes(state: TriState, value: boolean): boolean {
  return state === 'any' || (state === 'yes') === value;
}

function compareRows(a: RowSummary, b: RowSummary, key: RowQuery['sortKey']): number {
  const left = a[key];
  const right = b[key];
  if (typeof left === 'string' && typeof right === 'string') return left.localeCompare(right, undefined, { numeric: true });
  return Number(left) - Number(right);
}

/** Indices of the rows that match, sorted (stable: ties keep load order). */
export function queryRows(rows: readonly RowSummary[], problemsLower: readonly string[], query: RowQuery): Int32Array {
  const needle = query.search.trim().toLowerCase();
  const matches: RowSummary[] = [];
  for (const row of rows) {
    if (!passes(query.hasReference, row.hasReference)) continue;
    if (!passes(query.hasAnswer, row.hasAnswer)) continue;
    if (!passes(query.truncated, row.truncated)) continue;
    if (needle && !problemsLower[row.index].includes(needle)) continue;
    matches.push(row);
  }
  if (query.sortKey !== 'index' || query.sortDescending) {
    const sign = query.sortDescending ? -1 : 1;
    matches.sort((a, b) => sign * compareRows(a, b, query.sortKey) || a.index - b.index);
  }
  return Int32Array.from(matches, (row) => row.index);
}
