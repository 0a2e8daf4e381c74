// OpenR1-Math style: one problem, several `generations`, with per-generation lists
// (`correctness_math_verify`, `is_reasoning_complete`, `finish_reasons`, …) kept aligned per trace.
import type { TraceRecord } from '../trace.ts';
import type { LayoutAdapter, Row } from './types.ts';
import { NO_MATCH } from './types.ts';
import { firstText, isStringList, makeTrace, ownId, referenceText, restOf, tagged, text } from './build-trace.ts';

const PROBLEM_KEYS = ['problem', 'question', 'prompt'];

/** Columns whose value is a list as long as `generations`: one entry per generation. */
function alignedKeys(row: Row, count: number): string[] {
  return Object.keys(row).filter((key) => key !== 'generations' && Array.isArray(row[key]) && (row[key] as unknown[]).length === count);
}

export const openr1Adapter: LayoutAdapter = {
  id: 'openr1',
  title: 'OpenR1 (several generations per problem)',
  detect(keys, sample) {
    if (!keys.has('generations') || !isStringList(sample.generations)) return NO_MATCH;
    const hasProblem = PROBLEM_KEYS.some((key) => keys.has(key));
    return { confidence: hasProblem ? 0.97 : 0.8, reason: `'generations' is a list of ${(sample.generations as string[]).length} completions${hasProblem ? ' with a problem field' : ''}` };
  },
  toTraces(row, ctx) {
    const generations = row.generations;
    if (!isStringList(generations)) {
      ctx.issue?.('generations', 'not a non-empty list of strings');
      return [];
    }
    const problem = firstText(row, PROBLEM_KEYS);
    const aligned = alignedKeys(row, generations.length);
    const shared = restOf(row, ['generations', 'answer', 'solution', ...(problem ? [problem.key] : []), ...aligned]);
    return generations.map((completion, index): TraceRecord => {
      const extra: Row = { ...shared };
      for (const key of aligned) extra[key] = (row[key] as unknown[])[index];
      return makeTrace('openr1', ctx, {
        ownId: ownId(row),
        variant: index,
        problem: problem?.value ?? '',
        reference: referenceText(row.answer),
        referenceSolution: text(row.solution),
        ...tagged(completion),
        extra,
      });
    });
  },
};
