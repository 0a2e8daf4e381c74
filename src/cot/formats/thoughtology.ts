// Thoughtology (DeepSeek-R1 chains annotated by an LLM): the `answer` field is the whole `<think>`
// completion with inline tags (<DEFINE>, <BLOOM>, <CYCLE>, <FINAL>, <r>, <v>). The raw text is the
// canonical reasoning, byte for byte; the tag spans are exposed in extra.annotationTags.
import type { LayoutAdapter } from './types.ts';
import { NO_MATCH } from './types.ts';
import { makeTrace, ownId, referenceText, restOf, tagged, text } from './build-trace.ts';

const TAG_RE = /<(\/?)(DEFINE|BLOOM|CYCLE|FINAL|r|v)>/g;
const TAG_PROBE = /<(DEFINE|BLOOM|CYCLE|FINAL)>/;

export interface AnnotationTag {
  tag: string;
  /** Offsets into the reasoning, from the opening tag to the end of the closing tag. */
  charStart: number;
  charEnd: number;
  closed: boolean;
}

/** Tag spans in `reasoning`; an unclosed tag runs to the end. */
export function annotationTags(reasoning: string): AnnotationTag[] {
  const open: AnnotationTag[] = [];
  const done: AnnotationTag[] = [];
  for (const match of reasoning.matchAll(TAG_RE)) {
    const at = match.index ?? 0;
    if (match[1] === '') {
      open.push({ tag: match[2], charStart: at, charEnd: reasoning.length, closed: false });
      continue;
    }
    const openAt = open.findLastIndex((t) => t.tag === match[2]);
    if (openAt < 0) continue;
    const [tag] = open.splice(openAt, 1);
    done.push({ ...tag, charEnd: at + match[0].length, closed: true });
  }
  return [...done, ...open].sort((a, b) => a.charStart - b.charStart);
}

export const thoughtologyAdapter: LayoutAdapter = {
  id: 'thoughtology',
  title: 'Thoughtology (tagged R1 reasoning chains)',
  detect(keys, sample) {
    if (!keys.has('question') || typeof sample.answer !== 'string') return NO_MATCH;
    const answer = sample.answer;
    if (TAG_PROBE.test(answer)) return { confidence: 0.97, reason: "'answer' holds a <think> chain with <DEFINE>/<BLOOM>/<CYCLE> tags" };
    if (answer.trimStart().startsWith('<think>') && keys.has('time')) return { confidence: 0.7, reason: "'answer' holds a <think> chain, with 'time'" };
    return NO_MATCH;
  },
  toTraces(row, ctx) {
    const completion = text(row.answer);
    if (completion === null) {
      ctx.issue?.('answer', 'missing or empty');
      return [];
    }
    const trace = makeTrace('thoughtology', ctx, {
      ownId: ownId(row),
      problem: text(row.question) ?? '',
      reference: referenceText(row.gt_answer),
      referenceSolution: null,
      ...tagged(completion),
      extra: restOf(row, ['answer', 'question', 'gt_answer']),
    });
    trace.extra.annotationTags = annotationTags(trace.reasoning);
    return [trace];
  },
};
