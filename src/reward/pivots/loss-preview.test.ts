import { describe, expect, it } from 'vitest';
import { dpoLossPreview, dpoPreviewFromImplicit, logRatioSum, negLogSigmoid } from './loss-preview.ts';
import { aggregateSteps } from './step-aggregation.ts';

describe('DPO loss preview', () => {
  const chosen = { policy: [Number.NaN, -1, -1, -1], reference: [Number.NaN, -2, -0.5, -1.5], mask: [0, 1, 0, 1] };
  const rejected = { policy: [Number.NaN, -3, -1], reference: [Number.NaN, -1, -1.5], mask: [0, 1, 0] };

  it('sums the log ratio over kept tokens only when masked', () => {
    expect(logRatioSum(chosen, false)).toBeCloseTo(1);
    expect(logRatioSum(chosen, true)).toBeCloseTo(1.5);
    expect(logRatioSum(rejected, true)).toBeCloseTo(-2);
  });

  it('gives the masked and unmasked margins of chosen minus rejected', () => {
    const preview = dpoLossPreview(chosen, rejected, 0.1);
    expect(preview.unmasked.margin).toBeCloseTo(0.1 * (1 - -1.5));
    expect(preview.masked.margin).toBeCloseTo(0.1 * (1.5 - -2));
    expect(preview.masked.loss).toBeCloseTo(Math.log(1 + Math.exp(-0.35)));
    expect(preview.keptTokens).toEqual({ chosen: 2, rejected: 1 });
  });

  it('computes −log σ stably at the extremes', () => {
    expect(negLogSigmoid(0)).toBeCloseTo(Math.LN2);
    expect(negLogSigmoid(-1000)).toBeCloseTo(1000);
    expect(negLogSigmoid(1000)).toBe(0);
  });

  it('rejects misaligned inputs', () => {
    expect(() => logRatioSum({ policy: [1], reference: [1, 2], mask: [1] }, true)).toThrow(/lengths differ/);
  });
});

describe('step aggregation', () => {
  const values = [Number.NaN, 2, -1, 0, 3, -2];
  const spans = [{ tokenStart: 0, tokenEnd: 3 }, { tokenStart: 3, tokenEnd: 6 }];

  it('gives mean, min, last and the PRM product of step probabilities', () => {
    const summary = aggregateSteps(values, spans);
    expect(summary.steps[0]).toMatchObject({ sum: 1, mean: 0.5, min: -1, last: -1 });
    expect(summary.steps[1]).toMatchObject({ sum: 1, mean: 1 / 3, min: -2, last: -2 });
    const p = (x: number) => 1 / (1 + Math.exp(-x));
    expect(summary.steps[0].probability).toBeCloseTo(p(-1));
    expect(summary.product).toBeCloseTo(p(-1) * p(-2));
    expect(summary.logProduct).toBeCloseTo(Math.log(p(-1)) + Math.log(p(-2)));
  });

  it('can use mean or min, and values that are already probabilities', () => {
    expect(aggregateSteps(values, spans, { probabilityFrom: 'mean' }).steps[0].probability).toBeCloseTo(1 / (1 + Math.exp(-0.5)));
    const probs = aggregateSteps([0.9, 0.5, 0.8], [{ tokenStart: 0, tokenEnd: 2 }, { tokenStart: 2, tokenEnd: 3 }], { valuesAre: 'probabilities', probabilityFrom: 'min' });
    expect(probs.product).toBeCloseTo(0.5 * 0.8);
  });

  it('reads tanh(logit/2) outputs as 2p − 1', () => {
    const summary = aggregateSteps([0.5, -0.5], [{ tokenStart: 0, tokenEnd: 1 }, { tokenStart: 1, tokenEnd: 2 }], { valuesAre: 'tanh-half' });
    expect(summary.steps.map((s) => s.probability)).toEqual([0.75, 0.25]);
    const logit = 1.3;
    expect(aggregateSteps([Math.tanh(logit / 2)], [{ tokenStart: 0, tokenEnd: 1 }], { valuesAre: 'tanh-half' }).product).toBeCloseTo(1 / (1 + Math.exp(-logit)));
  });

  it('leaves an empty step out of the product', () => {
    const summary = aggregateSteps(values, [{ tokenStart: 2, tokenEnd: 2 }]);
    expect(Number.isNaN(summary.steps[0].mean)).toBe(true);
    expect(summary.product).toBe(1);
  });
});

describe('DPO preview from implicit tracks', () => {
  it('matches the preview from log-probs', () => {
    const beta = 0.2;
    const chosen = { policy: [Number.NaN, -1, -2, -0.5], reference: [Number.NaN, -1.5, -1, -0.5], mask: [0, 1, 0, 1] };
    const rejected = { policy: [Number.NaN, -3, -1], reference: [Number.NaN, -1, -1.25], mask: [0, 1, 1] };
    const implicit = (s: typeof chosen) => ({ track: s.policy.map((p, t) => beta * (p - s.reference[t])), mask: s.mask });
    const direct = dpoLossPreview(chosen, rejected, beta);
    const viaTracks = dpoPreviewFromImplicit(implicit(chosen), implicit(rejected), beta);
    expect(viaTracks.masked.margin).toBeCloseTo(direct.masked.margin);
    expect(viaTracks.unmasked.loss).toBeCloseTo(direct.unmasked.loss);
    expect(() => dpoPreviewFromImplicit(implicit(chosen), implicit(rejected), 0)).toThrow(/beta/);
  });
});
