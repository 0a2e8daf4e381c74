// SkyThought / Qwen2.5-Math evaluation logs: `idx`, `question`, `code: [completion, …]` with
// Stratos tags, `gt` (reference), `pred` / `score` per completion (a grader's verdict, kept aligned).
import type { TraceRecord } from '../trace.ts';
import type { LayoutAdapter, Row } from './types.ts';
import { NO_MATCH } from './types.ts';
import { isStringList, makeTrace, ownId, referenceText, restOf, tagged, text } from './build-trace.ts';

const ALIGNED = ['pred', 'score', 'report'];

export const skythoughtEvalAdapter: LayoutAdapter = {
  id: 'skythought-eval',
  title: 'SkyThought evaluation log',
  detect(keys, sample) {
    if (!keys.has('code') || !isStringList(sample.code) || !keys.has('question')) return NO_MATCH;
    const graded = keys.has('gt') || keys.has('pred') || keys.has('score');
    return { confidence: graded ? 0.96 : 0.6, reason: `'code' is a list of completions for 'question'${graded ? ', graded (gt/pred/score)' : ''}` };
  },
  toTraces(row, ctx) {
    const completions = row.code;
    if (!isStringList(completions)) {
      ctx.issue?.('code', 'not a non-empty list of strings');
      return [];
    }
    const reference = referenceText(row.gt) ?? referenceText(row.answer);
    const shared = restOf(row, ['code', 'question', 'gt', 'solution', ...ALIGNED]);
    const several = completions.length > 1;
    return completions.map((completion, index): TraceRecord => {
      const extra: Row = { ...shared };
      for (const key of ALIGNED) {
        const list = row[key];
        if (Array.isArray(list)) extra[key] = list.length === completions.length ? list[index] : list;
        else if (key in row) extra[key] = list;
      }
      return makeTrace('skythought-eval', ctx, {
        ownId: ownId(row),
        variant: several ? index : undefined,
        problem: text(row.question) ?? '',
        reference,
        referenceSolution: text(row.solution),
        ...tagged(completion),
        extra,
      });
    });
  },
};
