import { describe, expect, it } from 'vitest';
import { findBoxes, lastBoxCluster } from './boxed.ts';
import { answerCandidates, extractFinalAnswer, isProse } from './extract.ts';
import { findMathSegments } from './math-segments.ts';

describe('boxed answers', () => {
  it('takes the last \\boxed with nested braces', () => {
    expect(extractFinalAnswer('First \\boxed{1}, then \\boxed{\\frac{\\sqrt{2}}{2}} done.')).toBe('\\frac{\\sqrt{2}}{2}');
  });
  it('reads \\fbox and skips an unclosed box', () => {
    expect(extractFinalAnswer('so \\fbox{12} and \\boxed{5', { mode: 'boxed' })).toBe('12');
    expect(extractFinalAnswer('\\boxed{5', { mode: 'boxed' })).toBeNull();
  });
  it('returns the wrapper when asked', () => {
    expect(extractFinalAnswer('x \\boxed{\\frac{3}{4}} y', { mode: 'boxed', boxedWrapper: true })).toBe('\\boxed{\\frac{3}{4}}');
  });
  it('joins boxes separated only by connectors', () => {
    const text = 'Answers: \\boxed{(1, 2)}, \\boxed{(2, 1)} \\quad \\text{and} \\quad \\boxed{(3, 3)}';
    const cluster = lastBoxCluster(text, findBoxes(text));
    expect(cluster).toHaveLength(3);
    expect([...answerCandidates(text)][0].text).toBe('(1, 2), (2, 1), (3, 3)');
  });
  it('does not join a box from an earlier sentence', () => {
    const text = 'Maybe \\boxed{4}. Then we recheck everything carefully.\n\n**Final Answer**\n\\boxed{5}';
    expect(lastBoxCluster(text, findBoxes(text))).toHaveLength(1);
    expect(extractFinalAnswer(text)).toBe('5');
  });
});

describe('final answer phrases and tags', () => {
  it('uses the text after </think>', () => {
    expect(extractFinalAnswer('<think>maybe \\boxed{3}</think>\nThe answer is \\boxed{4}.')).toBe('4');
  });
  it('falls back to the reasoning when nothing usable follows </think>', () => {
    expect(extractFinalAnswer('<think>so **Final Answer** \\boxed{16}</think>\n```')).toBe('16');
  });
  it('repairs escapes lost in non-raw strings (\\b -> backspace)', () => {
    expect(extractFinalAnswer('The total is \x08oxed{204}.')).toBe('204');
  });
  it('reads <answer> tags', () => {
    expect(extractFinalAnswer('reasoning... <answer> 17 </answer>')).toBe('17');
  });
  it('reads "Final Answer: The final answer is …"', () => {
    expect(extractFinalAnswer('Work. Final Answer: The final answer is $28 \\%$. I hope it is correct.')).toBe('28 \\%');
    expect(extractFinalAnswer('So the final answer is 12,000,023. I hope it is correct.')).toBe('12,000,023');
  });
  it('skips an unparseable span and keeps a later independent answer', () => {
    expect(extractFinalAnswer('$\\sum_{k=0}^n k$ and $42$')).toBe('42');
    expect(extractFinalAnswer('Final answer is $\\sum_{k=0}^n k$. I hope. 42')).toBe('42');
  });
  it('returns null when there is nothing to extract', () => {
    expect(extractFinalAnswer('no answer in this sentence at all')).toBeNull();
    expect(extractFinalAnswer('The answer is 7', { mode: 'boxed' })).toBeNull();
  });
});

describe('plain numbers and letters', () => {
  it('keeps mixed numbers and signs as written, without a percent sign', () => {
    expect(extractFinalAnswer('+11 5/6', { mode: 'expr' })).toBe('+11 5/6');
    expect(extractFinalAnswer('The answer is 4 4/9 %', { mode: 'expr' })).toBe('4 4/9');
    expect(extractFinalAnswer('-1 000 0/0', { mode: 'expr' })).toBe('-1 000 0/0');
  });
  it('finds multiple-choice letters', () => {
    expect(extractFinalAnswer('The answer is (C).', { mode: 'choice' })).toBe('C');
    expect(extractFinalAnswer('Because B is valid', { mode: 'choice' })).toBe('B');
    expect(extractFinalAnswer('No valid answer here', { mode: 'choice' })).toBeNull();
  });
});

describe('math segments', () => {
  it('finds $…$, $$…$$, \\(…\\) and \\[…\\] but not inline ones across lines', () => {
    const text = 'a $x$ b $$y$$ c \\(z\\) d \\[w\\] e $ \n 9 \n $';
    const inner = findMathSegments(text).map((s) => text.slice(s.contentStart, s.contentEnd));
    expect(inner).toEqual(['x', 'y', 'z', 'w']);
  });
  it('treats an escaped dollar as currency', () => {
    const text = '$ \\frac12 \\$ = 3 $';
    expect(findMathSegments(text)).toHaveLength(1);
  });
  it('tells prose from a bare answer', () => {
    expect(isProse('Therefore the answer is five')).toBe(true);
    expect(isProse('$1$ and $2$ and $3$')).toBe(false);
    expect(isProse('28 percent')).toBe(false);
  });
});
