// Shared by the chat layouts (messages role/content, ShareGPT from/value): pick the prompt and the
// final assistant turn, and split that turn's reasoning from its answer.
import type { TraceRecord } from '../trace.ts';
import type { AdapterContext, Row } from './types.ts';
import { findReference, isRecord, joinedFields, makeTrace, ownId, restOf, tagged, text } from './build-trace.ts';

const ASSISTANT = new Set(['assistant', 'gpt', 'model', 'bot', 'chatgpt']);
const USER = new Set(['user', 'human', 'prompter']);
const REASONING_KEYS = ['reasoning_content', 'reasoning', 'thinking', 'think_content'];

export interface TurnKeys {
  speaker: string;
  text: string;
}

/** The key holding a list of turns shaped like `keys`, if any. */
export function turnListKey(row: Row, candidates: readonly string[], keys: TurnKeys): string | null {
  for (const key of candidates) {
    const list = row[key];
    if (Array.isArray(list) && list.length > 0 && list.every((t) => isRecord(t) && keys.speaker in t && keys.text in t)) return key;
  }
  return null;
}

function lastIndexWhere(list: Row[], before: number, roles: Set<string>, keys: TurnKeys): number {
  for (let i = before - 1; i >= 0; i--) if (roles.has(String(list[i][keys.speaker]).toLowerCase())) return i;
  return -1;
}

function assistantParts(turn: Row, keys: TurnKeys) {
  const content = typeof turn[keys.text] === 'string' ? (turn[keys.text] as string) : '';
  for (const key of REASONING_KEYS) {
    const reasoning = text(turn[key]);
    if (reasoning !== null) return joinedFields(key, reasoning, keys.text, content);
  }
  return tagged(content);
}

export function chatToTraces(layout: string, row: Row, ctx: AdapterContext, listKey: string, keys: TurnKeys): TraceRecord[] {
  const turns = (row[listKey] as unknown[]).filter(isRecord);
  const answerAt = lastIndexWhere(turns, turns.length, ASSISTANT, keys);
  if (answerAt < 0) {
    ctx.issue?.(listKey, 'no assistant turn');
    return [];
  }
  const userAt = lastIndexWhere(turns, answerAt, USER, keys);
  const problem = userAt >= 0 ? (text(turns[userAt][keys.text]) ?? '') : '';
  const reference = findReference(row);
  const extra = restOf(row, [listKey, ...(reference ? [reference.key] : [])]);
  if (turns.length > 2) extra[listKey] = turns;
  return [makeTrace(layout, ctx, {
    ownId: ownId(row),
    problem,
    reference: reference?.value ?? null,
    referenceSolution: text(row.solution),
    ...assistantParts(turns[answerAt], keys),
    extra,
  })];
}
