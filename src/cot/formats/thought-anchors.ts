// Thought Anchors records (problem.json + base_solution.json + chunks_labeled.json joined): the
// prompt ends with `<think>`, so the completion only closes it. Sentence chunks are carried along.
import type { LayoutAdapter, Row } from './types.ts';
import { NO_MATCH } from './types.ts';
import { isRecord, makeTrace, restOf, tagged, text } from './build-trace.ts';

function recordId(row: Row): string | null {
  const parts = [text(row.model_dir), text(row.base_solution_split), text(row.problem_id)].filter((p): p is string => p !== null);
  return parts.length > 0 ? parts.join('/') : null;
}

export const thoughtAnchorsAdapter: LayoutAdapter = {
  id: 'thought-anchors',
  title: 'Thought Anchors (base solution + labelled chunks)',
  detect(keys, sample) {
    if (!keys.has('base_solution') || !isRecord(sample.base_solution)) return NO_MATCH;
    const chunks = keys.has('chunks_labeled');
    return { confidence: chunks ? 0.98 : 0.8, reason: `'base_solution' object${chunks ? " + 'chunks_labeled'" : ''}` };
  },
  toTraces(row, ctx) {
    const base = row.base_solution;
    const solution = isRecord(base) ? text(base.solution) : null;
    if (!isRecord(base) || solution === null) {
      ctx.issue?.('base_solution.solution', 'missing or empty');
      return [];
    }
    const problem = isRecord(row.problem) ? row.problem : {};
    const prompt = text(base.prompt) ?? '';
    const extra = restOf(row, ['problem', 'base_solution']);
    extra.problem = restOf(problem, ['problem', 'gt_answer', 'gt_solution']);
    extra.base_solution = restOf(base, ['solution']);
    return [makeTrace('thought-anchors', ctx, {
      ownId: recordId(row),
      problem: text(problem.problem) ?? (typeof row.problem === 'string' ? row.problem : ''),
      reference: text(problem.gt_answer),
      referenceSolution: text(problem.gt_solution),
      ...tagged(solution, { openInPrompt: prompt.trimEnd().endsWith('<think>') }),
      extra,
    })];
  },
};
