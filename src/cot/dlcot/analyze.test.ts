import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseTraces } from '../../../test/fixtures/dlcot/layouts.ts';
import type { TraceRecord } from '../trace.ts';
import { analyzeTrace, DlcotAnalysisSchema, MACRO_LABELS, POLICIES, type DlcotAnalysis } from './index.ts';

const FIXTURES = new URL('../../../test/fixtures/dlcot/', import.meta.url);
const load = (file: string) => parseTraces(file, readFileSync(new URL(file, FIXTURES), 'utf8'));
const sky = load('skythought-amc23-sample.jsonl');
const anchors = load('thought-anchors-sample.jsonl');
const tagged = load('thoughtology-sample.jsonl');
const all: TraceRecord[] = [...sky, ...anchors, ...tagged];

function expectPartition(a: DlcotAnalysis, length: number) {
  let at = 0;
  for (const m of a.macro) {
    expect(m.charStart).toBe(at);
    expect(m.charEnd).toBeGreaterThan(m.charStart);
    at = m.charEnd;
  }
  expect(at).toBe(length);
  const order = a.macro.map((m) => MACRO_LABELS.indexOf(m.label));
  expect([...order].sort((x, y) => x - y)).toEqual(order);
}

describe('analyzeTrace on real traces', () => {
  it('partitions every fixture into ordered macro sections and validates against the schema', () => {
    expect(all.length).toBe(5);
    for (const trace of all) {
      const a = analyzeTrace(trace);
      expectPartition(a, trace.reasoning.length);
      expect(() => DlcotAnalysisSchema.parse(a)).not.toThrow();
      expect(a.simplifications.map((s) => s.policy)).toEqual([...POLICIES]);
    }
  });

  it('gives every decision a unique id and a tree whose parents exist', () => {
    for (const trace of all) {
      const a = analyzeTrace(trace);
      const ids = [...a.macro, ...a.approaches, ...a.approaches.flatMap((x) => x.steps), ...a.verification, ...a.clusters].map((d) => d.id);
      expect(new Set(ids).size).toBe(ids.length);
      const nodeIds = new Set(a.tree.map((n) => n.id));
      for (const n of a.tree) if (n.parentId !== null) expect(nodeIds.has(n.parentId)).toBe(true);
      // Ids are stable: a second run gives the same ones.
      expect(analyzeTrace(trace).approaches.map((x) => x.id)).toEqual(a.approaches.map((x) => x.id));
    }
  });

  it('finds the first answer, the approaches and the redundant repeat in a Sky-T1 trace', () => {
    const trace = sky[0];
    const a = analyzeTrace(trace);
    expect(trace.reasoning.slice(a.firstAnswerCharStart!, a.firstAnswerCharStart! + 2)).toBe('36');
    expect(a.macro.map((m) => m.label)).toEqual(['Question_Repeat', 'Solution_Explore', 'Verify']);
    const [first, ...later] = a.approaches;
    expect(first).toMatchObject({ origin: 'explore', label1: 'Correct', onTrunk: true, redundant: false });
    expect(a.trunk).toMatchObject({ basis: 'reference', endId: first.id });
    expect(later.every((x) => x.origin === 'verify' && !x.onTrunk)).toBe(true);
    const another = later.find((x) => trace.reasoning.startsWith('Another approach', x.charStart))!;
    expect(another.cue?.kind).toBe('another-way');
    expect(another.redundant).toBe(true);
    const cluster = a.clusters.find((c) => c.id === another.clusterId)!;
    expect(cluster.redundantIds).toContain(another.id);
    expect(cluster.reason).toMatch(/overlap/);
    expect(a.verification.length).toBeGreaterThan(0);
  });

  it('puts the closing boxed statement in Conclusion and labels approaches against the reference', () => {
    const a = analyzeTrace(anchors[0]);
    const conclusion = a.macro.at(-1)!;
    expect(conclusion.label).toBe('Conclusion');
    expect(anchors[0].reasoning.slice(conclusion.charStart)).toMatch(/^\*\*Final Answer\*\*[\s\S]*\\boxed\{6\.17\}/);
    expect(a.approaches.some((x) => x.label1 === 'Correct' && x.answer?.text.startsWith('6.17'))).toBe(true);
    expect(a.flags.noCorrect).toBe(false);
  });

  it('reads cues behind thoughtology annotation tags', () => {
    const a = analyzeTrace(tagged[0]);
    const verify = a.macro.find((m) => m.label === 'Verify')!;
    expect(tagged[0].reasoning.slice(verify.charStart, verify.charStart + 14)).toBe('<CYCLE> Wait, ');
    expect(a.verification[0].cue?.kind).toBe('check');
    expect(a.macro.at(-1)!.label).toBe('Conclusion');
  });

  it('never claims Correct without a reference, and builds the trunk from the final answer instead', () => {
    const trace = { ...sky[0], reference: null };
    const a = analyzeTrace(trace);
    expect(a.approaches.some((x) => x.label1 === 'Correct')).toBe(false);
    for (const x of a.approaches) expect(x.label1).toBe(x.answer ? 'Unknown' : 'Incomplete');
    expect(a.approaches.filter((x) => x.label1 === 'Unknown').length).toBeGreaterThan(0);
    expect(a.flags).toMatchObject({ noReference: true, noCorrect: true });
    // The first approach to reach the trace's final answer (36) closes the trunk.
    expect(a.trunk.basis).toBe('final-answer');
    const end = a.approaches.find((x) => x.id === a.trunk.endId)!;
    expect(end.answer?.text).toBe('36');
  });

  it('counts tokens with an injected counter', () => {
    const a = analyzeTrace(sky[0], { count: (text) => text.length, policies: ['delete_multi_all'] });
    const s = a.simplifications[0];
    expect(s.tokensBefore).toBe(sky[0].reasoning.length);
    const removedChars = s.removed.reduce((n, r) => n + r.charEnd - r.charStart, 0);
    expect(removedChars).toBeGreaterThan(0);
    expect(s.tokensAfter).toBe(sky[0].reasoning.length - removedChars);
    expect(s.byMacro.reduce((n, m) => n + m.after, 0)).toBe(s.tokensAfter);
  });

  it('does not take a coincidental inline statement of the reference as the first answer', () => {
    const reasoning = [
      'Okay, so I need to count the arrangements of the three pairs.',
      'First, each pair can be placed in 2 * 6 = 12 arrangements, and there are 3 pairs to place around the table.',
      'Dividing by the 3 rotations of the table, the count is 36 / 3, therefore the total is 12.',
      'Wait, let me double-check by listing a few of them.',
    ].join('\n\n');
    const a = analyzeTrace({ id: 'coincidence', reasoning, problem: 'Count the arrangements of three pairs.', reference: '12', answer: '' });
    expect(a.firstAnswerCharStart).toBe(reasoning.indexOf('is 12.') + 3);
    expect(a.macro.find((m) => m.label === 'Verify')!.charStart).toBe(reasoning.indexOf('Wait, let me'));
  });

  it('takes an inline result as the first answer when the reasoning goes on to verify it', () => {
    const reasoning = [
      'Okay, so I need to find x from the two equations.',
      'Adding the equations gives 2x = 24, and dividing gives x = 12',
      'Let me verify by substituting back: 12 + 12 = 24, which checks out.',
    ].join('\n\n');
    const a = analyzeTrace({ id: 'verified', reasoning, problem: 'Find x.', reference: '12', answer: '' });
    expect(a.firstAnswerCharStart).toBe(reasoning.indexOf('x = 12') + 4);
  });

  it('returns an empty analysis for empty reasoning', () => {
    const a = analyzeTrace({ id: 'empty', reasoning: '', problem: 'p', reference: '1', answer: '' });
    expect(a.macro).toEqual([]);
    expect(a.approaches).toEqual([]);
    expect(a.simplifications.every((s) => s.removed.length === 0 && s.tokensAfter === 0)).toBe(true);
  });
});
