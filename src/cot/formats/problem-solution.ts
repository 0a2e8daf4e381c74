// problem/solution/answer rows (LIMO, NuminaMath-like): the solution text is the completion (split
// on think tags when it has them, otherwise all reasoning); `answer` is the reference.
import type { LayoutAdapter } from './types.ts';
import { NO_MATCH } from './types.ts';
import { findReference, firstText, makeTrace, ownId, restOf, tagged } from './build-trace.ts';

const PROMPT_KEYS = ['problem', 'question', 'prompt', 'instruction'];
const SOLUTION_KEYS = ['solution', 'response', 'output'];

export const problemSolutionAdapter: LayoutAdapter = {
  id: 'problem-solution',
  title: 'problem / solution / answer',
  detect(keys, sample) {
    const prompt = PROMPT_KEYS.find((key) => keys.has(key));
    const solution = SOLUTION_KEYS.find((key) => typeof sample[key] === 'string');
    if (!prompt || !solution) return NO_MATCH;
    const hasAnswer = keys.has('answer');
    return { confidence: hasAnswer ? 0.6 : 0.45, reason: `'${prompt}' + '${solution}'${hasAnswer ? " + 'answer' (reference)" : ''}` };
  },
  toTraces(row, ctx) {
    const solution = firstText(row, SOLUTION_KEYS);
    if (!solution) {
      ctx.issue?.('solution', 'missing or empty');
      return [];
    }
    const prompt = firstText(row, PROMPT_KEYS);
    const reference = findReference(row);
    return [makeTrace('problem-solution', ctx, {
      ownId: ownId(row),
      problem: prompt?.value ?? '',
      reference: reference?.value ?? null,
      referenceSolution: null,
      ...tagged(solution.value),
      extra: restOf(row, [solution.key, ...(prompt ? [prompt.key] : []), ...(reference ? [reference.key] : [])]),
    })];
  },
};
