import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseTraces } from '../../../test/fixtures/dlcot/layouts.ts';
import { importAuthorsJsonl, importAuthorsRecord, quickRatio, wordJaccard, type AuthorsProposal } from './index.ts';

const trace = parseTraces('sky', readFileSync(new URL('../../../test/fixtures/dlcot/skythought-amc23-sample.jsonl', import.meta.url), 'utf8'))[0];
const source = trace.reasoning;
const at = (needle: string) => {
  const i = source.indexOf(needle);
  if (i < 0) throw new Error(`fixture changed: ${needle}`);
  return i;
};
// Cut points in the real Sky-T1 trace (see the fixture): explore, verify, approach starts.
const explore = at('First, I have y³ = x².');
const verify = at('Wait, but let me check if this satisfies both equations.');
const second = at('Let me think differently.');
const third = at('Another approach could be');

// A record shaped like the authors' intermediate JSONL; the LLM copies drop surrounding whitespace
// and one copy has a changed word (so it must be found by its head and tail, not verbatim).
function record(): Record<string, unknown> {
  const secondText = source.slice(second, third);
  return {
    id: 'q1',
    prompt: trace.problem,
    ground_truth: '36',
    result: source,
    split_result_part1_formate: {
      Question_Repeat: source.slice(0, explore).trim(),
      Solution_Explore: source.slice(explore, verify).trim(),
      Verify: source.slice(verify).replace('satisfies', 'satisfys').trim(),
    },
    solutions: {
      Solution1: { 'Set up equations': source.slice(explore, explore + 120), Solve: source.slice(explore + 120, verify) },
      Solution2: { Substitute: secondText },
      Solution3: { 'Express x': source.slice(third) },
    },
    verifications: { 'Check both equations': source.slice(verify, second) },
    cluster: { cluster1: { solutions: ['Solution 1'], is_complete_solution: true }, cluster2: { solutions: ['Solution 2', 'Solution 3'], is_complete_solution: true } },
    solution1: { label1: 'Correct', label2: ['No Error'], quoted_erroneous_parts: '' },
    solution2: { label1: 'Correct', label2: ['Calculation and Derivation Error', 'sign slip'], quoted_erroneous_parts: secondText.slice(30, 90) },
    Drop_Multipilation: ['Solution 3'],
    solution_to_delete: { 3: { 'Express x': source.slice(third) } },
    incorrect_parts: { solution2: secondText.slice(30, 90) },
    first_correct_solution_index: 1,
    first_verify_solution_index: 2,
  };
}

describe('import of the DLCoT authors\' intermediate JSONL', () => {
  const proposal = importAuthorsRecord(record()) as AuthorsProposal;

  it('re-anchors macro sections so they partition the source', () => {
    expect(proposal.macro.map((m) => [m.label, m.charStart, m.charEnd])).toEqual([
      ['Question_Repeat', 0, explore],
      ['Solution_Explore', explore, verify],
      ['Verify', verify, source.length],
    ]);
    expect(proposal.macro.every((m) => m.provenance === 'import')).toBe(true);
    expect(proposal.unanchored).toEqual([]);
  });

  it('applies the fidelity rule (quick_ratio >= 0.90 or Jaccard >= 0.95)', () => {
    expect(proposal.fidelity.accepted).toBe(true);
    expect(proposal.fidelity.quickRatio).toBeGreaterThan(0.99);
    const garbled = importAuthorsRecord({ ...record(), split_result_part1_formate: { Question_Repeat: 'zzz qqq', Solution_Explore: 'xxx' } }) as AuthorsProposal;
    expect(garbled.fidelity.accepted).toBe(false);
    expect(garbled.unanchored).toEqual(['Question_Repeat', 'Solution_Explore']);
  });

  it('anchors solutions with their components, labels and clusters', () => {
    expect(proposal.approaches.map((a) => [a.name, a.charStart])).toEqual([['Solution1', explore], ['Solution2', second], ['Solution3', third]]);
    expect(proposal.approaches[0].components.map((c) => c.name)).toEqual(['Set up equations', 'Solve']);
    expect(proposal.approaches[1].label2).toMatchObject({ type: 'Calculation and Derivation Error', explanation: 'sign slip' });
    expect(proposal.clusters[1]).toEqual({ id: 'cluster2', solutions: ['Solution2', 'Solution3'], isComplete: true });
    expect(proposal.verification).toEqual([{ id: `verify:${verify}`, category: 'Check both equations', charStart: verify, charEnd: verify + source.slice(verify, second).trim().length }]);
    expect(proposal.firstCorrectSolutionIndex).toBe(1);
  });

  it('turns the removal lists into removals with reasons', () => {
    const quoted = source.indexOf(source.slice(second + 30, second + 90));
    expect(proposal.removals.map((r) => [r.field, r.reason, r.charStart])).toEqual([
      ['incorrect_parts', 'error-span', quoted],
      ['Drop_Multipilation', 'redundant', third],
      ['solution_to_delete', 'redundant', third],
    ]);
  });

  it('reports bad records and lines without stopping', () => {
    expect(importAuthorsRecord([1, 2])).toEqual({ error: 'record is not a JSON object' });
    expect(importAuthorsRecord({ id: 'x' })).toMatchObject({ error: expect.stringMatching(/result/) });
    const partial = importAuthorsRecord({ id: 'p', result: 'abc', Drop_Multipilation: ['Solution 9'] }) as AuthorsProposal;
    expect(partial.problems).toEqual(['split_result_part1_formate: missing; no macro sections imported', 'Drop_Multipilation: Solution 9 is not an anchored solution']);
    const jsonl = `${JSON.stringify(record())}\n{not json\n\n${JSON.stringify({ id: 'q2' })}\n`;
    const { proposals, errors } = importAuthorsJsonl(jsonl);
    expect(proposals.map((p) => p.id)).toEqual(['q1']);
    expect(errors.map((e) => e.line)).toEqual([2, 4]);
  });

  it('computes quick_ratio and Jaccard exactly as Python does', () => {
    expect(quickRatio('abcd', 'bcde')).toBe(0.75);
    expect(quickRatio('hello world', 'world hello!')).toBeCloseTo(0.9565217391304348, 12);
    expect(wordJaccard('a b  c\nd', 'a b c d')).toBeCloseTo(1 / 3, 12);
  });
});
