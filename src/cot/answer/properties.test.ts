// Property tests: the conformance cases are a sample; these laws must hold for any input.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findCandidateAnswers } from './candidates.ts';
import { isEquivalent } from './equivalence.ts';
import { extractFinalAnswer } from './extract.ts';

const RUNS = { numRuns: 150 };

/** Polynomials in x and y with small integer coefficients, written in LaTeX. */
const polynomial: fc.Arbitrary<string> = fc.letrec<{ expr: string }>((tie) => ({
  expr: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.integer({ min: -20, max: 20 }).map(String),
    fc.constantFrom('x', 'y'),
    fc.tuple(tie('expr'), tie('expr')).map(([a, b]) => `(${a}) + (${b})`),
    fc.tuple(tie('expr'), tie('expr')).map(([a, b]) => `(${a}) \\cdot (${b})`),
    fc.tuple(tie('expr'), fc.integer({ min: 0, max: 3 })).map(([a, k]) => `(${a})^{${k}}`),
  ),
})).expr;

/** Closed-form numbers: fractions, roots and pi. */
const closedForm = fc.oneof(
  fc.tuple(fc.integer({ min: -50, max: 50 }), fc.integer({ min: 1, max: 30 })).map(([p, q]) => `\\frac{${p}}{${q}}`),
  fc.integer({ min: 1, max: 200 }).map((n) => `\\sqrt{${n}}`),
  fc.integer({ min: 1, max: 9 }).map((n) => `${n}\\pi`),
  fc.integer({ min: -1000, max: 1000 }).map(String),
);

describe('equivalence laws', () => {
  it('a ≡ a', () => {
    fc.assert(fc.property(fc.oneof(polynomial, closedForm), (a) => isEquivalent(a, a) === true), RUNS);
  });

  it('is symmetric', () => {
    fc.assert(fc.property(fc.oneof(polynomial, closedForm), fc.oneof(polynomial, closedForm), (a, b) => {
      expect(isEquivalent(a, b)).toBe(isEquivalent(b, a));
    }), RUNS);
  });

  it('a + b ≡ b + a and a·b ≡ b·a', () => {
    fc.assert(fc.property(polynomial, polynomial, (a, b) =>
      isEquivalent(`(${a}) + (${b})`, `(${b}) + (${a})`) === true && isEquivalent(`(${a})(${b})`, `(${b}) \\cdot (${a})`) === true), RUNS);
  });

  it('p/q ≡ its decimal written to 6 places', () => {
    fc.assert(fc.property(fc.integer({ min: -10_000, max: 10_000 }), fc.integer({ min: 1, max: 997 }), (p, q) => {
      expect(isEquivalent(`\\frac{${p}}{${q}}`, (p / q).toFixed(6))).toBe(true);
    }), RUNS);
  });

  it('n ≢ n + 1 for integers, however n is written', () => {
    fc.assert(fc.property(fc.bigInt({ min: -(10n ** 30n), max: 10n ** 30n }), (n) => {
      const grouped = n.toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');
      expect(isEquivalent(grouped, (n + 1n).toString())).toBe(false);
      expect(isEquivalent(`\\boxed{${n}}`, `${n + 1n}`)).toBe(false);
    }), RUNS);
  });

  it('a polynomial never equals itself plus one', () => {
    fc.assert(fc.property(polynomial, (a) => isEquivalent(a, `${a} + 1`) === false), RUNS);
  });

  it('never throws and always answers true, false or null', () => {
    fc.assert(fc.property(fc.string({ maxLength: 60 }), fc.string({ maxLength: 60 }), (a, b) => {
      expect([true, false, null]).toContain(isEquivalent(a, b));
    }), { numRuns: 300 });
  });
});

describe('extraction laws', () => {
  it('the last boxed answer comes back verbatim', () => {
    fc.assert(fc.property(fc.oneof(polynomial, closedForm), fc.string({ maxLength: 40 }).filter((s) => !/[\\{}$]/.test(s)), (a, prose) => {
      expect(extractFinalAnswer(`${prose} \\boxed{0} then ${prose} \\boxed{${a}}.`)).toBe(a);
    }), RUNS);
  });

  it('candidate spans point at their text, in order, without overlaps', () => {
    const piece = fc.oneof(fc.string({ maxLength: 20 }), fc.constantFrom('so x = 5', 'which gives 12', ' \\boxed{3} ', '$y=2$', 'Therefore, the answer is ', '<answer>7</answer>', '.', '\n'));
    fc.assert(fc.property(fc.array(piece, { maxLength: 30 }), (parts) => {
      const text = parts.join(' ');
      const found = findCandidateAnswers(text);
      for (let i = 0; i < found.length; i++) {
        expect(text.slice(found[i].charStart, found[i].charEnd)).toBe(found[i].text);
        if (i > 0) expect(found[i].charStart).toBeGreaterThanOrEqual(found[i - 1].charEnd);
      }
    }), { numRuns: 300 });
  });
});
