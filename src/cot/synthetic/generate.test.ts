import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generateTrace, generateTraces, rewardTargetAt, TEMPLATE_FAMILIES, type SyntheticTrace } from './index';
import { HELDOUT_SCENARIO_WORDS } from './word-scenarios';

const NUMBER = /^-?\d+(\/\d+)?$/;

function checkInvariants({ record, labels }: SyntheticTrace): void {
  const { reasoning, completion } = record;
  expect(completion.slice(record.reasoningSpan.charStart, record.reasoningSpan.charEnd)).toBe(reasoning);
  expect(completion.slice(record.answerSpan.charStart, record.answerSpan.charEnd)).toBe(record.answer);
  expect(record.answer).toContain(`\\boxed{${labels.finalAnswer}}`);
  // Sections tile the reasoning in DLCoT order.
  expect(labels.sections[0]!.charStart).toBe(0);
  expect(labels.sections.at(-1)!.charEnd).toBe(reasoning.length);
  labels.sections.forEach((section, i) => {
    expect(section.charEnd).toBeGreaterThan(section.charStart);
    if (i > 0) expect(section.charStart).toBe(labels.sections[i - 1]!.charEnd);
  });
  // Approaches lie inside their section, in order, without overlap.
  labels.approaches.forEach((approach, i) => {
    const section = labels.sections.find((s) => s.label === approach.section)!;
    expect(approach.charStart).toBeGreaterThanOrEqual(section.charStart);
    expect(approach.charEnd).toBeLessThanOrEqual(section.charEnd);
    if (i > 0) expect(approach.charStart).toBeGreaterThanOrEqual(labels.approaches[i - 1]!.charEnd);
    if (approach.redundantOf !== null) expect(approach.redundantOf).toBeLessThan(i);
    expect(approach.label1 === 'Incomplete').toBe(approach.answer === null);
  });
  const main = labels.approaches.find((a) => a.method === 'main')!;
  expect(main.answer).toBe(labels.finalAnswer);
  expect(main.label1 === 'Correct').toBe(labels.finalCorrect);
  for (const error of labels.errors) {
    const approach = labels.approaches[error.approachIndex]!;
    expect(error.charStart).toBeGreaterThanOrEqual(approach.charStart);
    expect(error.charEnd).toBeLessThanOrEqual(approach.charEnd);
    expect(error.charEnd).toBeGreaterThan(error.charStart);
    if (error.kind === 'wrong-result') expect(reasoning.slice(error.charStart, error.charEnd)).toMatch(NUMBER);
    if (error.kind === 'wrong-sign') expect(['+', '-']).toContain(reasoning.slice(error.charStart, error.charEnd));
    if (error.kind === 'dropped-term') expect(reasoning.slice(error.charStart, error.charStart + 3)).toBe(' = ');
    expect(error.repaired).toBe(error.repairCharStart !== null);
    if (error.repaired) {
      expect(error.repairCharStart!).toBeGreaterThanOrEqual(error.charEnd);
      expect(reasoning.slice(error.repairCharStart!, error.repairCharEnd!)).toMatch(/^(Wait|Hold on|Hmm)/);
    } else {
      expect(labels.finalCorrect).toBe(false);
    }
  }
  if (labels.errors.every((e) => e.repaired)) expect(labels.finalCorrect).toBe(true);
}

describe('synthetic long-CoT generator', () => {
  it('gives the same trace for the same seed and different ones for different seeds', () => {
    expect(generateTrace({ seed: 42 })).toEqual(generateTrace({ seed: 42 }));
    expect(generateTrace({ seed: 42 }).record.reasoning).not.toBe(generateTrace({ seed: 43 }).record.reasoning);
  });

  it('keeps exact labels for any seed, family and error setting', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2 ** 31 - 1 }),
        fc.constantFrom('train' as const, 'heldout' as const),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (seed, family, errorRate) => checkInvariants(generateTrace({ seed, family, errorRate })),
      ),
      { numRuns: 300 },
    );
  });

  it('covers every problem kind and error kind, repaired and not', () => {
    const traces = generateTraces(400, { seed: 7, errorRate: 0.8 });
    const kinds = new Set(traces.map((t) => t.labels.problemKind));
    const errors = new Set(traces.flatMap((t) => t.labels.errors.map((e) => `${e.kind}:${e.repaired}`)));
    expect([...kinds].sort()).toEqual(['algebra', 'arithmetic', 'word']);
    expect(errors.size).toBe(6);
    expect(traces.some((t) => t.labels.approaches.some((a) => a.method === 'abandoned'))).toBe(true);
    expect(traces.some((t) => t.labels.approaches.some((a) => a.redundantOf !== null))).toBe(true);
  });

  it('marks reward targets negative exactly from an error until its repair', () => {
    const trace = generateTraces(200, { seed: 3, errorRate: 1, repairRate: 1 }).find((t) => t.labels.errors.length > 0)!;
    const error = trace.labels.errors[0]!;
    expect(rewardTargetAt(trace.labels, error.charStart - 1)).toBe(1);
    expect(rewardTargetAt(trace.labels, error.charStart)).toBe(-1);
    expect(rewardTargetAt(trace.labels, error.repairCharEnd! - 1)).toBe(-1);
    expect(rewardTargetAt(trace.labels, error.repairCharEnd!)).toBe(1);
  });

  it('composes training word problems without the held-out scenarios\' nouns and verbs', () => {
    const words = generateTraces(300, { seed: 11, family: 'train', kinds: ['word'] }).map((t) => t.record.problem);
    expect(new Set(words).size).toBeGreaterThan(250);
    for (const problem of words) {
      for (const word of HELDOUT_SCENARIO_WORDS) expect(problem.toLowerCase().split(/\W+/), problem).not.toContain(word);
    }
    const heldout = generateTraces(30, { seed: 11, family: 'heldout', kinds: ['word'] }).map((t) => t.record.problem);
    expect(heldout.every((p) => HELDOUT_SCENARIO_WORDS.some((w) => p.toLowerCase().includes(w)))).toBe(true);
  });

  it('uses disjoint phrasing in the training and held-out template families', () => {
    const train = TEMPLATE_FAMILIES.train as unknown as Record<string, unknown>;
    const heldout = TEMPLATE_FAMILIES.heldout as unknown as Record<string, unknown>;
    for (const [slot, phrases] of Object.entries(train)) {
      if (!Array.isArray(phrases)) continue;
      const other = heldout[slot] as string[];
      expect(phrases.filter((p: string) => other.includes(p)), slot).toEqual([]);
    }
  });
});
