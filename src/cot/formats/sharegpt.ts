// ShareGPT `conversations: [{from, value}]`: Bespoke-Stratos and OpenThoughts (Stratos
// `<|begin_of_thought|>` tags, a `system` column) and many others (`<think>` tags).
import type { LayoutAdapter } from './types.ts';
import { NO_MATCH } from './types.ts';
import { chatToTraces, turnListKey } from './chat-turns.ts';

const LIST_KEYS = ['conversations', 'conversation', 'messages'];
const KEYS = { speaker: 'from', text: 'value' };

export const sharegptAdapter: LayoutAdapter = {
  id: 'sharegpt',
  title: 'ShareGPT conversations (from/value)',
  detect(_keys, sample) {
    const listKey = turnListKey(sample, LIST_KEYS, KEYS);
    if (!listKey) return NO_MATCH;
    return { confidence: 0.85, reason: `'${listKey}' is a list of {from, value} turns` };
  },
  toTraces(row, ctx) {
    const listKey = turnListKey(row, LIST_KEYS, KEYS);
    if (!listKey) {
      ctx.issue?.('conversations', 'not a list of {from, value} turns');
      return [];
    }
    return chatToTraces('sharegpt', row, ctx, listKey, KEYS);
  },
};
