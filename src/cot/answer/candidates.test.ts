import { describe, expect, it } from 'vitest';
import { findCandidateAnswers } from './candidates.ts';

describe('findCandidateAnswers', () => {
  const text = 'Let us try: so x = 5. Then 3 + 9, which gives 12. Therefore, the area is 3\\sqrt{2}. ' +
    'Hence $y = 2 + 3 = 5$. The answer is \\boxed{\\frac{1}{2}}. <answer>42</answer>';

  it('finds the issue examples, in order, with kinds', () => {
    const found = findCandidateAnswers(text);
    expect(found.map((c) => [c.kind, c.text])).toEqual([
      ['inline', '5'], ['inline', '12'], ['inline', '3\\sqrt{2}'], ['inline', '5'],
      ['boxed', '\\frac{1}{2}'], ['answer-tag', '42'],
    ]);
  });

  it('gives spans that point at the answer text', () => {
    for (const c of findCandidateAnswers(text)) expect(text.slice(c.charStart, c.charEnd)).toBe(c.text);
  });

  it('reports a final-answer phrase, and a boxed one once', () => {
    const t = 'So the final answer is 33.\n\n**Final Answer**\n\\boxed{33}';
    const found = findCandidateAnswers(t);
    expect(found.map((c) => c.kind)).toEqual(['final-phrase', 'boxed']);
    expect(found.every((c) => c.text === '33')).toBe(true);
  });

  it('ignores cues not followed by math', () => {
    expect(findCandidateAnswers('So we should think about it again. Thus it is clear.')).toEqual([]);
  });

  it('returns spans in increasing, non-overlapping order on a long text', () => {
    const long = Array.from({ length: 200 }, (_, i) => `Step ${i}: so t = ${i}. which gives ${i * 2}.`).join('\n');
    const found = findCandidateAnswers(long);
    expect(found).toHaveLength(400);
    for (let i = 1; i < found.length; i++) expect(found[i].charStart).toBeGreaterThanOrEqual(found[i - 1].charEnd);
  });
});
