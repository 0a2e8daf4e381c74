import { describe, expect, it } from 'vitest';
import { ADAPTERS, detectRow, detectSample } from './registry.ts';
import { annotationTags } from './thoughtology.ts';
import type { AdapterContext, Row } from './types.ts';

const ctx: AdapterContext = { file: 'f.jsonl', row: 4, line: 5 };
const convert = (row: Row) => {
  const match = detectRow(row);
  if (!match) throw new Error('no layout');
  return ADAPTERS.find((a) => a.id === match.layout)!.toTraces(row, ctx);
};

describe('layout detection', () => {
  it('gives every adapter a unique id and a reason for each match', () => {
    expect(new Set(ADAPTERS.map((a) => a.id)).size).toBe(ADAPTERS.length);
    const match = detectRow({ messages: [{ role: 'user', content: 'q' }, { role: 'assistant', content: 'a' }] });
    expect(match).toMatchObject({ layout: 'messages' });
    expect(match!.reason).toContain('role, content');
  });

  it('prefers the specific layout over the generic one (OpenR1 rows also have problem/solution/answer and messages)', () => {
    const row = { problem: 'p', solution: 's', answer: '1', generations: ['<think>a</think>1'], messages: [{ role: 'user', content: 'p' }, { role: 'assistant', content: 'x' }] };
    expect(detectRow(row)?.layout).toBe('openr1');
  });

  it('recognises nothing in a row without a trace', () => {
    expect(detectRow({ title: 'x', score: 1 })).toBeNull();
  });

  it('reports a mixed sample instead of picking one', () => {
    const sample = detectSample([{ messages: [{ role: 'user', content: 'q' }, { role: 'assistant', content: 'a' }] }, { conversations: [{ from: 'human', value: 'q' }, { from: 'gpt', value: 'a' }] }]);
    expect(sample.layout).toBeNull();
    expect(sample.perRow).toEqual(['messages', 'sharegpt']);
    expect(sample.reason).toContain('mixed');
  });
});

describe('conversion', () => {
  it('OpenR1: one trace per generation, per-generation lists aligned, ids with the generation index', () => {
    const traces = convert({ uuid: 'u1', problem: 'p', answer: '7', solution: 'ref', generations: ['<think>a</think>7', '<think>b'], correctness_math_verify: [true, false], source: 'olympiads' });
    expect(traces.map((t) => t.id)).toEqual(['u1#0', 'u1#1']);
    expect(traces.map((t) => t.extra.correctness_math_verify)).toEqual([true, false]);
    expect(traces.map((t) => t.source.generation)).toEqual([0, 1]);
    expect(traces[1].flags.truncated).toBe(true);
    expect(traces[0]).toMatchObject({ reference: '7', referenceSolution: 'ref', answer: '7', reasoning: 'a' });
    expect(traces[0].extra.source).toBe('olympiads');
  });

  it('falls back to file:row ids and keeps unknown columns', () => {
    const [trace] = convert({ prompt: 'q', completion: '<think>r</think>a', my_column: { nested: 1 } });
    expect(trace.id).toBe('f.jsonl:4');
    expect(trace.source).toEqual({ file: 'f.jsonl', row: 4, line: 5 });
    expect(trace.extra.my_column).toEqual({ nested: 1 });
  });

  it('separate-field layouts join reasoning and answer and say how', () => {
    const [trace] = convert({ problem: 'p', deepseek_reasoning: 'R', deepseek_solution: 'S', ground_truth_solution: 'G' });
    expect(trace).toMatchObject({ completion: 'R\n\nS', reasoning: 'R', answer: 'S', referenceSolution: 'G' });
    expect(trace.joined).toEqual({ reasoningField: 'deepseek_reasoning', answerField: 'deepseek_solution', joiner: '\n\n' });
  });

  it('s1K-1.1 gives one trace per model trajectory', () => {
    const traces = convert({ question: 'q', solution: 's', gemini_thinking_trajectory: 'g', gemini_attempt: 'ga', deepseek_thinking_trajectory: 'd', deepseek_attempt: 'da', deepseek_grade: 'Yes' });
    expect(traces.map((t) => [t.id, t.reasoning, t.answer])).toEqual([['f.jsonl:4#gemini', 'g', 'ga'], ['f.jsonl:4#deepseek', 'd', 'da']]);
    expect(traces[0].extra).toEqual({ deepseek_grade: 'Yes' });
  });

  it('messages: an assistant reasoning_content field is the reasoning', () => {
    const [trace] = convert({ messages: [{ role: 'user', content: 'Q?' }, { role: 'assistant', content: 'A', reasoning_content: 'R' }], ground_truth: 'A' });
    expect(trace).toMatchObject({ problem: 'Q?', reasoning: 'R', answer: 'A', reference: 'A' });
  });

  it('reports why a row of the right shape has no trace', () => {
    const issues: string[] = [];
    const adapter = ADAPTERS.find((a) => a.id === 'messages')!;
    expect(adapter.toTraces({ messages: [{ role: 'user', content: 'q' }] }, { ...ctx, issue: (f, r) => issues.push(`${f}: ${r}`) })).toEqual([]);
    expect(issues).toEqual(['messages: no assistant turn']);
  });
});

describe('thoughtology annotation tags', () => {
  it('finds nested and unclosed tags as spans of the raw reasoning', () => {
    const text = '<DEFINE> d </DEFINE> <BLOOM> b <r>again</r> </BLOOM> <CYCLE> cut';
    const tags = annotationTags(text);
    expect(tags.map((t) => [t.tag, text.slice(t.charStart, t.charEnd), t.closed])).toEqual([
      ['DEFINE', '<DEFINE> d </DEFINE>', true],
      ['BLOOM', '<BLOOM> b <r>again</r> </BLOOM>', true],
      ['r', '<r>again</r>', true],
      ['CYCLE', '<CYCLE> cut', false],
    ]);
  });
});
