import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { splitMath, splitParagraphs } from './split-math.ts';

const joined = (text: string) => splitMath(text).map((p) => (p.kind === 'text' ? p.text : p.raw)).join('');
const maths = (text: string) => splitMath(text).filter((p) => p.kind === 'math');

describe('splitMath', () => {
  it('finds $…$ and \\(…\\) inline math', () => {
    const pieces = splitMath('Let $x^2$ and \\(y_1\\) be.');
    expect(pieces).toEqual([
      { kind: 'text', text: 'Let ' },
      { kind: 'math', tex: 'x^2', display: false, raw: '$x^2$' },
      { kind: 'text', text: ' and ' },
      { kind: 'math', tex: 'y_1', display: false, raw: '\\(y_1\\)' },
      { kind: 'text', text: ' be.' },
    ]);
  });

  it('finds display math with $$ and \\[ \\]', () => {
    expect(maths('a $$\\frac12$$ b \\[\\sqrt{2}\\] c').map((m) => [m.kind === 'math' && m.tex, m.kind === 'math' && m.display]))
      .toEqual([['\\frac12', true], ['\\sqrt{2}', true]]);
  });

  it('leaves prices and escaped dollars literal', () => {
    expect(maths('It costs $5 and then $10 more.')).toEqual([]);
    expect(maths('Pay \\$3 or \\$4 now')).toEqual([]);
    expect(maths('a $ b $ c')).toEqual([]);
  });

  it('keeps an unclosed delimiter as text', () => {
    expect(splitMath('value \\(x + 1')).toEqual([{ kind: 'text', text: 'value \\(x + 1' }]);
  });

  it('partitions any text: pieces join back to the input', () => {
    fc.assert(fc.property(fc.string({ unit: fc.constantFrom('$', '\\', '(', ')', '[', ']', 'a', ' ', '1', '\n') }), (text) => {
      expect(joined(text)).toBe(text);
    }));
  });
});

describe('splitParagraphs', () => {
  it('splits on blank lines but keeps display blocks whole', () => {
    expect(splitParagraphs('one\n\ntwo\n \n$$a\n\nb$$\n\nthree')).toEqual(['one', 'two', '$$a\n\nb$$', 'three']);
  });
});
