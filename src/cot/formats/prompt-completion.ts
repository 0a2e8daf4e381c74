// TRL's standard `prompt` / `completion` pair (plain strings) with the think markup in the completion.
import type { LayoutAdapter } from './types.ts';
import { NO_MATCH } from './types.ts';
import { findReference, makeTrace, ownId, restOf, tagged, text } from './build-trace.ts';

export const promptCompletionAdapter: LayoutAdapter = {
  id: 'prompt-completion',
  title: 'prompt / completion',
  detect(keys, sample) {
    if (!keys.has('prompt') || typeof sample.completion !== 'string') return NO_MATCH;
    return { confidence: 0.75, reason: "'prompt' + 'completion' strings (TRL)" };
  },
  toTraces(row, ctx) {
    const completion = text(row.completion);
    if (completion === null) {
      ctx.issue?.('completion', 'missing or empty');
      return [];
    }
    const prompt = text(row.prompt) ?? '';
    const reference = findReference(row);
    return [makeTrace('prompt-completion', ctx, {
      ownId: ownId(row),
      problem: prompt,
      reference: reference?.value ?? null,
      referenceSolution: text(row.solution),
      ...tagged(completion, { openInPrompt: prompt.trimEnd().endsWith('<think>') }),
      extra: restOf(row, ['prompt', 'completion', 'solution', ...(reference ? [reference.key] : [])]),
    })];
  },
};
