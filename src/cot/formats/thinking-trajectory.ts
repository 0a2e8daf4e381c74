// s1K layouts: `thinking_trajectories: [str]` + `attempt` (s1K) and `<model>_thinking_trajectory` +
// `<model>_attempt` (s1K-1.1: gemini_, deepseek_). One trace per model that has a trajectory.
import type { TraceRecord } from '../trace.ts';
import type { LayoutAdapter, Row } from './types.ts';
import { NO_MATCH } from './types.ts';
import { findReference, firstText, isStringList, joinedFields, makeTrace, ownId, restOf, text } from './build-trace.ts';

const SUFFIX = '_thinking_trajectory';
const PROMPT_KEYS = ['question', 'problem', 'prompt'];

interface Trajectory {
  variant: string | undefined;
  reasoningField: string;
  reasoning: string;
  answerField: string;
}

function trajectories(row: Row): Trajectory[] {
  const found: Trajectory[] = [];
  const list = row.thinking_trajectories;
  if (isStringList(list)) {
    list.forEach((reasoning, index) => found.push({ variant: list.length > 1 ? String(index) : undefined, reasoningField: 'thinking_trajectories', reasoning, answerField: 'attempt' }));
  }
  for (const key of Object.keys(row)) {
    const reasoning = key.endsWith(SUFFIX) ? text(row[key]) : null;
    if (reasoning === null) continue;
    const prefix = key.slice(0, -SUFFIX.length);
    found.push({ variant: prefix, reasoningField: key, reasoning, answerField: `${prefix}_attempt` });
  }
  return found;
}

export const thinkingTrajectoryAdapter: LayoutAdapter = {
  id: 'thinking-trajectory',
  title: 's1K thinking trajectories + attempts',
  detect(keys) {
    const named = [...keys].filter((key) => key.endsWith(SUFFIX));
    if (keys.has('thinking_trajectories')) return { confidence: keys.has('attempt') ? 0.95 : 0.8, reason: "'thinking_trajectories' + 'attempt' (s1K)" };
    if (named.length > 0) return { confidence: 0.93, reason: `${named.map((k) => `'${k}'`).join(', ')} with matching *_attempt (s1K-1.1)` };
    return NO_MATCH;
  },
  toTraces(row, ctx) {
    const found = trajectories(row);
    if (found.length === 0) {
      ctx.issue?.('thinking_trajectories', 'no non-empty thinking trajectory');
      return [];
    }
    const prompt = firstText(row, PROMPT_KEYS);
    const reference = findReference(row);
    const consumed = found.flatMap((t) => [t.reasoningField, t.answerField]);
    const extra = restOf(row, [...consumed, 'solution', ...(prompt ? [prompt.key] : []), ...(reference ? [reference.key] : [])]);
    return found.map((t): TraceRecord => makeTrace('thinking-trajectory', ctx, {
      ownId: ownId(row),
      variant: t.variant,
      problem: prompt?.value ?? '',
      reference: reference?.value ?? null,
      referenceSolution: text(row.solution),
      ...joinedFields(t.reasoningField, t.reasoning, t.answerField, text(row[t.answerField]) ?? ''),
      extra,
    }));
  },
};
