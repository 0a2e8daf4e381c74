import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseTraces } from '../../../test/fixtures/dlcot/layouts.ts';
import { answerCandidates, answerCandidatesNear, hasFreeVariable, mayEqualConstant } from './answers.ts';
import { splitUnits } from './units.ts';

const FIXTURES = new URL('../../../test/fixtures/dlcot/', import.meta.url);
const traces = ['skythought-amc23-sample.jsonl', 'thought-anchors-sample.jsonl', 'thoughtology-sample.jsonl'].flatMap((f) => parseTraces(f, readFileSync(new URL(f, FIXTURES), 'utf8')));

describe('answer candidates near answers', () => {
  it('finds the explicit candidates, and the inline ones that can equal the target, of a whole-text scan', () => {
    for (const t of traces) {
      const whole = answerCandidates(t.reasoning);
      const near = answerCandidatesNear(t.reasoning, splitUnits(t.reasoning), t.reference);
      expect(near.strong).toEqual(whole.strong);
      // The fallback for inline results runs when the checker finds none in the paragraphs read,
      // so the near scan can hold more of them, never fewer.
      const digits = t.reference!.replace(/^-/, '');
      const key = (c: { charStart: number; text: string }) => `${c.charStart}:${c.text}`;
      const nearKeys = new Set(near.inline.map(key));
      for (const c of whole.inline.filter((x) => x.text.includes(digits))) expect(nearKeys.has(key(c))).toBe(true);
    }
  });

  it('reads a paragraph whose \\boxed lost its backslash to a JSON escape', () => {
    const text = 'First we count.\n\nSo we get \x08oxed{12} in the end.\n\nDone.';
    const near = answerCandidatesNear(text, splitUnits(text), null);
    expect(near.strong.map((c) => c.text)).toEqual(whole(text));
    expect(near.strong.length).toBeGreaterThan(0);
  });

  it('knows an expression in a free variable cannot equal a constant', () => {
    expect(hasFreeVariable('1/(24r)')).toBe(true);
    expect(hasFreeVariable('x = 5')).toBe(false);
    expect(hasFreeVariable('2\\pi + e')).toBe(false);
    expect(mayEqualConstant('-\\frac{5}{12}', '1/(24r)')).toBe(false);
    expect(mayEqualConstant('-\\frac{5}{12}', '-5/12')).toBe(true);
    expect(mayEqualConstant('2p + 1', '3')).toBeNull();
  });
});

function whole(text: string): string[] {
  return answerCandidates(text).strong.map((c) => c.text);
}
