// `messages: [{role, content}]` (TRL SFT, OpenR1's messages column, most chat exports). The final
// assistant turn is the completion; a `reasoning_content` field on it is the reasoning.
import type { LayoutAdapter } from './types.ts';
import { NO_MATCH } from './types.ts';
import { chatToTraces, turnListKey } from './chat-turns.ts';

const LIST_KEYS = ['messages', 'conversations', 'conversation', 'chat'];
const KEYS = { speaker: 'role', text: 'content' };

export const messagesAdapter: LayoutAdapter = {
  id: 'messages',
  title: 'Chat messages (role/content)',
  detect(_keys, sample) {
    const listKey = turnListKey(sample, LIST_KEYS, KEYS);
    if (!listKey) return NO_MATCH;
    return { confidence: 0.85, reason: `'${listKey}' is a list of {role, content} turns` };
  },
  toTraces(row, ctx) {
    const listKey = turnListKey(row, LIST_KEYS, KEYS);
    if (!listKey) {
      ctx.issue?.('messages', 'not a list of {role, content} turns');
      return [];
    }
    return chatToTraces('messages', row, ctx, listKey, KEYS);
  },
};
