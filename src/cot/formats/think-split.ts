// Splits a raw completion into reasoning and answer spans by its think markup, without copying or
// normalising the text: `<think>…</think>`, a bare `</think>` (R1-distill templates open `<think>` in
// the prompt) and the Stratos `<|begin_of_thought|>…<|end_of_solution|>` tags.
import type { CharSpan, TraceFlags } from '../trace.ts';

export type TagStyle = 'think' | 'stratos' | 'none';

export interface ThinkSplit {
  reasoningSpan: CharSpan;
  answerSpan: CharSpan;
  flags: TraceFlags;
  tagStyle: TagStyle;
}

export interface SplitOptions {
  /** Where untagged text goes: all reasoning (default) or all answer. */
  untagged?: 'reasoning' | 'answer';
  /** The prompt already opened `<think>`: untagged text is reasoning that was cut off. */
  openInPrompt?: boolean;
}

const THINK_OPEN = '<think>';
const THINK_CLOSE = '</think>';
const THOUGHT_OPEN = '<|begin_of_thought|>';
const THOUGHT_CLOSE = '<|end_of_thought|>';
const SOLUTION_OPEN = '<|begin_of_solution|>';
const SOLUTION_CLOSE = '<|end_of_solution|>';

function isSpace(code: number): boolean {
  return code === 32 || (code >= 9 && code <= 13) || code === 0xa0;
}

/** Narrows a span to exclude surrounding whitespace (an empty span stays where it starts). */
export function trimSpan(text: string, charStart: number, charEnd: number): CharSpan {
  let start = charStart;
  let end = charEnd;
  while (start < end && isSpace(text.charCodeAt(start))) start++;
  while (end > start && isSpace(text.charCodeAt(end - 1))) end--;
  return { charStart: start, charEnd: end };
}

function countOf(text: string, needle: string): number {
  let count = 0;
  for (let at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + needle.length)) count++;
  return count;
}

function flags(truncated: boolean, missingOpenTag: boolean, multipleThinkBlocks: boolean): TraceFlags {
  return { truncated, missingOpenTag, multipleThinkBlocks };
}

function splitTagged(text: string, open: string, close: string, style: TagStyle): ThinkSplit {
  const openAt = text.indexOf(open);
  const closeAt = text.lastIndexOf(close);
  const multiple = countOf(text, open) > 1 || countOf(text, close) > 1;
  const end = text.length;
  if (openAt >= 0 && closeAt > openAt) {
    return {
      reasoningSpan: trimSpan(text, openAt + open.length, closeAt),
      answerSpan: answerAfter(text, closeAt + close.length, style),
      flags: flags(false, false, multiple),
      tagStyle: style,
    };
  }
  if (openAt >= 0) {
    return { reasoningSpan: trimSpan(text, openAt + open.length, end), answerSpan: { charStart: end, charEnd: end }, flags: flags(true, false, multiple), tagStyle: style };
  }
  return {
    reasoningSpan: trimSpan(text, 0, closeAt),
    answerSpan: answerAfter(text, closeAt + close.length, style),
    flags: flags(false, true, multiple),
    tagStyle: style,
  };
}

/** The answer after the reasoning; for Stratos, the inside of the solution block when there is one. */
function answerAfter(text: string, from: number, style: TagStyle): CharSpan {
  if (style === 'stratos') {
    const solutionAt = text.indexOf(SOLUTION_OPEN, from);
    if (solutionAt >= 0) {
      const innerStart = solutionAt + SOLUTION_OPEN.length;
      const closeAt = text.indexOf(SOLUTION_CLOSE, innerStart);
      return trimSpan(text, innerStart, closeAt >= 0 ? closeAt : text.length);
    }
  }
  return trimSpan(text, from, text.length);
}

export function splitThink(text: string, options: SplitOptions = {}): ThinkSplit {
  if (text.includes(THINK_OPEN) || text.includes(THINK_CLOSE)) return splitTagged(text, THINK_OPEN, THINK_CLOSE, 'think');
  if (text.includes(THOUGHT_OPEN) || text.includes(THOUGHT_CLOSE)) return splitTagged(text, THOUGHT_OPEN, THOUGHT_CLOSE, 'stratos');
  const end = text.length;
  const whole = trimSpan(text, 0, end);
  const empty = { charStart: end, charEnd: end };
  if (options.openInPrompt) return { reasoningSpan: whole, answerSpan: empty, flags: flags(true, true, false), tagStyle: 'none' };
  if (options.untagged === 'answer') return { reasoningSpan: { charStart: 0, charEnd: 0 }, answerSpan: whole, flags: flags(false, false, false), tagStyle: 'none' };
  return { reasoningSpan: whole, answerSpan: empty, flags: flags(false, false, false), tagStyle: 'none' };
}

/** For layouts that store reasoning and answer in separate fields: spans over `reasoning + joiner + answer`. */
export function splitJoined(reasoning: string, joiner: string, answer: string): ThinkSplit {
  const answerStart = reasoning.length + joiner.length;
  return {
    reasoningSpan: { charStart: 0, charEnd: reasoning.length },
    answerSpan: { charStart: answerStart, charEnd: answerStart + answer.length },
    flags: flags(answer.length === 0 && reasoning.length > 0, false, false),
    tagStyle: 'none',
  };
}
