// `deepseek_reasoning` / `deepseek_solution` (OpenThoughts "metadata" config and its relatives), with
// `ground_truth_solution` as the reference solution.
import type { LayoutAdapter } from './types.ts';
import { NO_MATCH } from './types.ts';
import { findReference, firstText, joinedFields, makeTrace, ownId, restOf, text } from './build-trace.ts';

const PROMPT_KEYS = ['problem', 'question', 'prompt'];

export const deepseekFieldsAdapter: LayoutAdapter = {
  id: 'deepseek-fields',
  title: 'deepseek_reasoning / deepseek_solution',
  detect(keys) {
    if (!keys.has('deepseek_reasoning')) return NO_MATCH;
    return { confidence: keys.has('deepseek_solution') ? 0.95 : 0.7, reason: "'deepseek_reasoning' holds the reasoning, 'deepseek_solution' the answer" };
  },
  toTraces(row, ctx) {
    const reasoning = text(row.deepseek_reasoning);
    if (reasoning === null) {
      ctx.issue?.('deepseek_reasoning', 'missing or empty');
      return [];
    }
    const prompt = firstText(row, PROMPT_KEYS);
    const reference = findReference(row);
    const consumed = ['deepseek_reasoning', 'deepseek_solution', 'ground_truth_solution', ...(prompt ? [prompt.key] : []), ...(reference ? [reference.key] : [])];
    return [makeTrace('deepseek-fields', ctx, {
      ownId: ownId(row),
      problem: prompt?.value ?? '',
      reference: reference?.value ?? null,
      referenceSolution: text(row.ground_truth_solution),
      ...joinedFields('deepseek_reasoning', reasoning, 'deepseek_solution', text(row.deepseek_solution) ?? ''),
      extra: restOf(row, consumed),
    })];
  },
};
