// DeltaBench: an untagged `long_cot` (all reasoning) with human-labelled sections; `answer` and
// `solution` are the references. Section labels are carried along in `extra`.
import type { LayoutAdapter } from './types.ts';
import { NO_MATCH } from './types.ts';
import { makeTrace, ownId, referenceText, restOf, tagged, text } from './build-trace.ts';

export const deltabenchAdapter: LayoutAdapter = {
  id: 'deltabench',
  title: 'DeltaBench (long_cot + labelled sections)',
  detect(keys, sample) {
    if (typeof sample.long_cot !== 'string') return NO_MATCH;
    const labelled = keys.has('sections_labeled_info') || keys.has('sections');
    return { confidence: labelled ? 0.98 : 0.7, reason: `'long_cot'${labelled ? ' with labelled sections' : ''}` };
  },
  toTraces(row, ctx) {
    const longCot = text(row.long_cot);
    if (longCot === null) {
      ctx.issue?.('long_cot', 'missing or empty');
      return [];
    }
    return [makeTrace('deltabench', ctx, {
      ownId: ownId(row),
      problem: text(row.question) ?? '',
      reference: referenceText(row.answer),
      referenceSolution: text(row.solution),
      ...tagged(longCot),
      extra: restOf(row, ['long_cot', 'question', 'answer', 'solution']),
    })];
  },
};
