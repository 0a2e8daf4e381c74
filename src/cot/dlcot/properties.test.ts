// Property tests (fast-check): spans partition the text, simplifying twice changes nothing (every
// policy), every removal names its reason.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyzeTrace, POLICIES, RemovalReasonSchema, simplify, splitUnits, type SimplifyInput } from './index.ts';

// Paragraphs built from phrases real traces use, so cues, answers and negations all occur.
const PHRASES = [
  'Okay, so I need to find the value of x.',
  'Alternatively, I can use modular arithmetic here.',
  'Wait, maybe I should try a different approach.',
  'Let me check: 3 + 4 = 7, that checks out.',
  "Wait, that's wrong. I made a mistake above.",
  'So the answer is 7.',
  'Let me verify the result.',
  'Hmm, perhaps I should use coordinates instead.',
  'Therefore, x = 12.',
  '\\boxed{12}',
  'Another approach: use symmetry and casework.',
  '<CYCLE> Wait, let me double-check. </CYCLE>',
  'First, let me compute 2 * 6 = 12.',
  '**Final Answer**',
  'x',
  '',
  // Longer than a bare announcement, so repeats of it form redundant approaches.
  'Alternatively, I can use modular arithmetic here: reduce both sides mod 5, then mod 7, and combine the two residues into one answer.',
  'Another approach: use symmetry and casework on the parity of x, counting the even cases first and then the odd cases separately.',
];
const SEPARATORS = ['\n\n', '\n', ' ', '\n \n', '\n\n\n'];

const paragraph = fc.array(fc.constantFrom(...PHRASES), { minLength: 1, maxLength: 4 }).map((p) => p.join(' '));
const reasoning = fc.tuple(fc.array(paragraph, { maxLength: 14 }), fc.array(fc.constantFrom(...SEPARATORS), { minLength: 14, maxLength: 14 }), fc.boolean())
  .map(([paras, seps, leading]) => (leading ? '\n\n' : '') + paras.map((p, i) => p + seps[i]).join(''));
const trace = fc.record({ reasoning, reference: fc.constantFrom('12', '7', null) }).map(({ reasoning, reference }) => ({ id: 't', reasoning, problem: 'Find the value of x.', reference, answer: '' }));

function inputOf(a: ReturnType<typeof analyzeTrace>, text: string): SimplifyInput {
  return { text, macro: a.macro, approaches: a.approaches };
}

describe('DLCoT properties', () => {
  it('units tile any text', () => {
    fc.assert(fc.property(fc.string({ unit: fc.constantFrom('a', ' ', '\n', '\t', 'é', '<', '>') }), (text) => {
      let at = 0;
      for (const u of splitUnits(text)) {
        expect(u.charStart).toBe(at);
        expect(u.leadStart).toBeGreaterThanOrEqual(u.charStart);
        expect(u.leadStart).toBeLessThanOrEqual(u.charEnd);
        at = u.charEnd;
      }
      expect(at).toBe(text.length);
    }));
  });

  it('macro sections partition the reasoning; approaches and checks lie inside it without overlap', () => {
    fc.assert(fc.property(trace, (t) => {
      const a = analyzeTrace(t, { policies: [] });
      let at = 0;
      for (const m of a.macro) {
        expect(m.charStart).toBe(at);
        at = m.charEnd;
      }
      expect(at).toBe(t.reasoning.length);
      const spans = [...a.approaches, ...a.verification].sort((x, y) => x.charStart - y.charStart);
      for (let i = 1; i < spans.length; i++) expect(spans[i].charStart).toBeGreaterThanOrEqual(spans[i - 1].charEnd);
      for (const ap of a.approaches) {
        expect(ap.steps[0].charStart).toBe(ap.charStart);
        expect(ap.steps.at(-1)!.charEnd).toBe(ap.charEnd);
      }
    }), { numRuns: 200 });
  });

  it('every removal names its reason, lies in the text, and the stitched text is the text minus the removals', () => {
    const reasons = new Set<string>();
    fc.assert(fc.property(trace, (t) => {
      const a = analyzeTrace(t, { withText: true });
      for (const s of a.simplifications) {
        for (const r of s.removed) reasons.add(r.reason);
        let reach = 0;
        for (const r of s.removed) {
          expect(RemovalReasonSchema.options).toContain(r.reason);
          expect(r.detail.length).toBeGreaterThan(0);
          expect(r.charStart).toBeGreaterThanOrEqual(reach);
          expect(r.charEnd).toBeLessThanOrEqual(t.reasoning.length);
          reach = r.charEnd;
        }
        const removedChars = s.removed.reduce((n, r) => n + r.charEnd - r.charStart, 0);
        expect(s.text!.length).toBe(t.reasoning.length - removedChars);
        expect(s.tokensAfter).toBeLessThanOrEqual(s.tokensBefore);
        expect(s.byReason.reduce((n, r) => n + r.removed, 0)).toBe(s.tokensBefore - s.tokensAfter);
      }
    }), { numRuns: 150 });
    // The generator does reach the interesting cases.
    expect([...reasons].sort()).toEqual(expect.arrayContaining(['incomplete', 'redundant']));
  });

  it('simplifying twice changes nothing, under every policy', () => {
    const changedOnce = new Map<string, number>();
    fc.assert(fc.property(trace, fc.constantFrom(...POLICIES), (t, policy) => {
      const a = analyzeTrace(t, { policies: [] });
      const first = simplify(inputOf(a, t.reasoning), policy);
      if (first.simplification.removed.length > 0) changedOnce.set(policy, (changedOnce.get(policy) ?? 0) + 1);
      const once = first.result();
      const twice = simplify(once, policy);
      expect(twice.simplification.removed).toEqual([]);
      expect(twice.result().text).toBe(once.text);
      // And a third time (the kept marks survive re-anchoring).
      expect(simplify(twice.result(), policy).simplification.removed).toEqual([]);
    }), { numRuns: 1000 });
    // The generator reaches removals under every policy, so the property is not vacuous.
    for (const p of POLICIES) expect(changedOnce.get(p) ?? 0).toBeGreaterThan(0);
  });

  it('delete_multi_1/2 keep what they kept, while another policy may still remove it', () => {
    fc.assert(fc.property(trace, (t) => {
      const a = analyzeTrace(t, { policies: [] });
      const once = simplify(inputOf(a, t.reasoning), 'delete_multi_1').result();
      const stillRedundant = a.approaches.filter((x) => x.redundant).length - Math.min(1, a.approaches.filter((x) => x.redundant).length);
      expect(simplify(once, 'delete_multi_all').simplification.removed.length).toBe(stillRedundant);
    }), { numRuns: 100 });
  });

  it('delete_multi_1/2 remove at most 1/2 redundant approaches, all of them redundant', () => {
    fc.assert(fc.property(trace, (t) => {
      const a = analyzeTrace(t, { policies: ['delete_multi_1', 'delete_multi_2'] });
      const redundant = new Set(a.approaches.filter((x) => x.redundant).map((x) => x.id));
      const [one, two] = a.simplifications;
      expect(one.removed.length).toBe(Math.min(1, redundant.size));
      expect(two.removed.length).toBe(Math.min(2, redundant.size));
      for (const r of [...one.removed, ...two.removed]) expect(redundant.has(r.targetId)).toBe(true);
    }), { numRuns: 100 });
  });

  it('all five policies are available', () => {
    expect(POLICIES).toHaveLength(5);
  });
});
