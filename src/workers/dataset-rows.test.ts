import { describe, expect, it } from 'vitest';
import type { TraceRecord } from '../cot/trace.ts';
import type { RowQuery } from './dataset-api.ts';
import { countWords, firstLine, queryRows, summarizeTrace } from './dataset-rows.ts';

function trace(id: string, problem: string, reasoning: string, answer: string, reference: string | null, truncated = false): TraceRecord {
  const completion = `<think>${reasoning}</think>${answer}`;
  return {
    id, layout: 'problem-solution', source: { file: 'f.jsonl', row: 0, line: 1 }, problem, reference, referenceSolution: null,
    completion, reasoningSpan: { charStart: 7, charEnd: 7 + reasoning.length },
    answerSpan: { charStart: completion.length - answer.length, charEnd: completion.length },
    reasoning, answer, flags: { truncated, missingOpenTag: false, multipleThinkBlocks: false }, extra: {},
  };
}

const TRACES = [
  trace('a', 'Find $x$.\nGiven y.', 'one two three', '3', '3'),
  trace('b', 'Compute the SUM', 'x', '', null, true),
  trace('c', 'Sum of squares', 'alpha beta', '5', ''),
];
const ROWS = TRACES.map(summarizeTrace);
const PROBLEMS = TRACES.map((t) => t.problem.toLowerCase());
const ANY: RowQuery = { search: '', hasReference: 'any', hasAnswer: 'any', truncated: 'any', sortKey: 'index', sortDescending: false };
const ids = (query: Partial<RowQuery>) => [...queryRows(ROWS, PROBLEMS, { ...ANY, ...query })].map((i) => ROWS[i].id);

describe('row summaries', () => {
  it('summarise a trace for the table', () => {
    expect(ROWS[0]).toMatchObject({ index: 0, id: 'a', problemLine: 'Find $x$.', reasoningChars: 13, reasoningWords: 3, hasAnswer: true, hasReference: true, truncated: false });
    expect(ROWS[1]).toMatchObject({ hasAnswer: false, hasReference: false, truncated: true });
    expect(ROWS[2].hasReference).toBe(false);
  });

  it('count whitespace-separated words and cut long first lines', () => {
    expect(countWords('  a\tb\n\nc  ')).toBe(3);
    expect(countWords('')).toBe(0);
    expect(firstLine(`\n  ${'x'.repeat(500)}\nrest`)).toHaveLength(241);
  });
});

describe('queryRows', () => {
  it('returns load order without a query', () => expect(ids({})).toEqual(['a', 'b', 'c']));
  it('filters by flags', () => {
    expect(ids({ hasReference: 'yes' })).toEqual(['a']);
    expect(ids({ hasAnswer: 'no' })).toEqual(['b']);
    expect(ids({ truncated: 'yes' })).toEqual(['b']);
  });
  it('searches the whole problem text, case-insensitively', () => {
    expect(ids({ search: 'sum' })).toEqual(['b', 'c']);
    expect(ids({ search: 'given y' })).toEqual(['a']);
  });
  it('sorts stably in both directions', () => {
    expect(ids({ sortKey: 'reasoningChars' })).toEqual(['b', 'c', 'a']);
    expect(ids({ sortKey: 'reasoningChars', sortDescending: true })).toEqual(['a', 'c', 'b']);
    expect(ids({ sortKey: 'hasAnswer' })).toEqual(['b', 'a', 'c']);
  });
});
