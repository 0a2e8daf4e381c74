// Separate reasoning field at the top level: `reasoning_content` (DeepSeek API dumps and the many
// distill sets built from them) with the answer in `content` / `response` / `answer` / `output`.
import type { LayoutAdapter } from './types.ts';
import { NO_MATCH } from './types.ts';
import { findReference, firstText, joinedFields, makeTrace, ownId, restOf, text } from './build-trace.ts';

const REASONING_KEYS = ['reasoning_content', 'reasoning', 'thinking'];
const ANSWER_KEYS = ['content', 'response', 'output', 'completion', 'answer'];
const PROMPT_KEYS = ['input', 'prompt', 'question', 'problem', 'instruction', 'query'];

export const reasoningContentAdapter: LayoutAdapter = {
  id: 'reasoning-content',
  title: 'Separate reasoning_content field',
  detect(keys, sample) {
    const reasoningKey = REASONING_KEYS.find((key) => keys.has(key) && typeof sample[key] === 'string');
    if (!reasoningKey) return NO_MATCH;
    const answerKey = ANSWER_KEYS.find((key) => keys.has(key));
    const confidence = reasoningKey === 'reasoning_content' ? 0.9 : 0.6;
    return { confidence: answerKey ? confidence : confidence - 0.2, reason: `'${reasoningKey}' holds the reasoning${answerKey ? `, '${answerKey}' the answer` : ''}` };
  },
  toTraces(row, ctx) {
    const reasoning = firstText(row, REASONING_KEYS);
    if (!reasoning) {
      ctx.issue?.('reasoning_content', 'missing or empty');
      return [];
    }
    const answerKey = ANSWER_KEYS.find((key) => typeof row[key] === 'string') ?? 'content';
    const prompt = firstText(row, PROMPT_KEYS);
    // `answer` is the model's answer here, so the reference comes from the other reference fields.
    const reference = findReference(row, [answerKey]);
    const consumed = [reasoning.key, answerKey, ...(prompt ? [prompt.key] : []), ...(reference ? [reference.key] : [])];
    return [makeTrace('reasoning-content', ctx, {
      ownId: ownId(row),
      problem: prompt?.value ?? '',
      reference: reference?.value ?? null,
      referenceSolution: null,
      ...joinedFields(reasoning.key, reasoning.value, answerKey, text(row[answerKey]) ?? ''),
      extra: restOf(row, consumed),
    })];
  },
};
