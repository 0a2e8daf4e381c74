import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { splitJoined, splitThink, trimSpan } from './think-split.ts';

const slice = (text: string, span: { charStart: number; charEnd: number }) => text.slice(span.charStart, span.charEnd);

describe('splitThink', () => {
  it('splits <think>…</think> answer', () => {
    const text = '<think>\nstep one\n</think>\n\nThe answer is 4.';
    const split = splitThink(text);
    expect(slice(text, split.reasoningSpan)).toBe('step one');
    expect(slice(text, split.answerSpan)).toBe('The answer is 4.');
    expect(split.flags).toEqual({ truncated: false, missingOpenTag: false, multipleThinkBlocks: false });
    expect(split.tagStyle).toBe('think');
  });

  it('flags a cut-off think block as truncated with an empty answer', () => {
    const text = '<think>\nWait, maybe the cycle';
    const split = splitThink(text);
    expect(split.flags.truncated).toBe(true);
    expect(slice(text, split.reasoningSpan)).toBe('Wait, maybe the cycle');
    expect(split.answerSpan).toEqual({ charStart: text.length, charEnd: text.length });
  });

  it('flags a bare </think> (open tag in the prompt) as missingOpenTag', () => {
    const text = 'Okay, so x = 5.\n</think>\n\n\\boxed{5}';
    const split = splitThink(text);
    expect(split.flags).toEqual({ truncated: false, missingOpenTag: true, multipleThinkBlocks: false });
    expect(slice(text, split.reasoningSpan)).toBe('Okay, so x = 5.');
    expect(slice(text, split.answerSpan)).toBe('\\boxed{5}');
  });

  it('spans several think blocks and flags them', () => {
    const text = '<think>a</think>\nmid\n<think>b</think>\nend';
    const split = splitThink(text);
    expect(split.flags.multipleThinkBlocks).toBe(true);
    expect(slice(text, split.reasoningSpan)).toBe('a</think>\nmid\n<think>b');
    expect(slice(text, split.answerSpan)).toBe('end');
  });

  it('reads Stratos tags and takes the solution block as the answer', () => {
    const text = '<|begin_of_thought|>\n\nthink hard\n\n<|end_of_thought|>\n\n<|begin_of_solution|>\n\nx = 2\n\n<|end_of_solution|>';
    const split = splitThink(text);
    expect(split.tagStyle).toBe('stratos');
    expect(slice(text, split.reasoningSpan)).toBe('think hard');
    expect(slice(text, split.answerSpan)).toBe('x = 2');
  });

  it('treats untagged text as reasoning, answer, or cut-off reasoning as asked', () => {
    expect(slice('plain', splitThink('plain').reasoningSpan)).toBe('plain');
    expect(slice('plain', splitThink('plain', { untagged: 'answer' }).answerSpan)).toBe('plain');
    expect(splitThink('plain', { openInPrompt: true }).flags).toEqual({ truncated: true, missingOpenTag: true, multipleThinkBlocks: false });
  });

  it('keeps spans inside the text, ordered, for any text (property)', () => {
    const piece = fc.constantFrom('<think>', '</think>', '<|begin_of_thought|>', '<|end_of_thought|>', '<|begin_of_solution|>', '<|end_of_solution|>', ' ', '\n', 'x', 'é', '𝔸');
    fc.assert(fc.property(fc.array(fc.oneof(piece, fc.string()), { maxLength: 12 }), (parts) => {
      const text = parts.join('');
      const { reasoningSpan: r, answerSpan: a } = splitThink(text);
      expect(0 <= r.charStart && r.charStart <= r.charEnd && r.charEnd <= text.length).toBe(true);
      expect(0 <= a.charStart && a.charStart <= a.charEnd && a.charEnd <= text.length).toBe(true);
      expect(a.charStart).toBeGreaterThanOrEqual(r.charEnd);
      expect(slice(text, r)).toBe(slice(text, r).trim());
    }));
  });
});

describe('splitJoined and trimSpan', () => {
  it('points into reasoning + joiner + answer', () => {
    const split = splitJoined('think', '\n\n', 'answer');
    const text = 'think\n\nanswer';
    expect(slice(text, split.reasoningSpan)).toBe('think');
    expect(slice(text, split.answerSpan)).toBe('answer');
  });

  it('trims whitespace at both ends only', () => {
    expect(trimSpan('  a b \n', 0, 7)).toEqual({ charStart: 2, charEnd: 5 });
    expect(trimSpan('   ', 0, 3)).toEqual({ charStart: 3, charEnd: 3 });
  });
});
