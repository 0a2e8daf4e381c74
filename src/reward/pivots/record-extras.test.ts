import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { generateTrace } from '../../cot/synthetic/index.ts';
import { createTokenizer } from '../tokenizer/hf-tokenizer.ts';
import { analyzeStructure, approachStartTokens, stepTokenSpans } from './dlcot-links.ts';
import { recordExtras } from './record-extras.ts';
import { resultFromRuns } from './detect.ts';
import type { SignedRun } from './types.ts';

const dir = new URL('../../../test/fixtures/models/tiny-random/', import.meta.url);
const tokenizer = createTokenizer({ name: 'tiny-random', tokenizerJson: readFileSync(new URL('tokenizer.json', dir), 'utf8') });
const { record } = generateTrace({ seed: 7, errorRate: 1, abandonRate: 1 });
const tokens = tokenizer.encode(record.reasoning);
const analysis = analyzeStructure(record);

/** Runs that switch sign exactly at the given token indices. */
function runsAt(pivots: number[], tokenCount: number): SignedRun[] {
  const bounds = [0, ...pivots, tokenCount];
  return bounds.slice(0, -1).map((start, i) => ({ tokenStart: start, tokenEnd: bounds[i + 1], sign: i % 2 ? -1 : 1 }));
}

describe('DLCoT links', () => {
  it('maps approach starts onto the tokens holding their first character', () => {
    const starts = approachStartTokens(analysis, tokens);
    expect(starts.length).toBe(new Set(analysis.approaches.map((a) => a.charStart)).size);
    starts.forEach((t, i) => {
      expect(tokens.charStart[t]).toBeLessThanOrEqual(analysis.approaches[i].charStart);
      expect(tokens.charEnd[t]).toBeGreaterThan(analysis.approaches[i].charStart);
    });
  });

  it('gives non-empty, ordered step spans inside the trace', () => {
    const spans = stepTokenSpans(analysis, tokens);
    expect(spans.length).toBeGreaterThan(0);
    spans.forEach((s, i) => {
      expect(s.tokenEnd).toBeGreaterThan(s.tokenStart);
      expect(s.tokenEnd).toBeLessThanOrEqual(tokens.ids.length);
      if (i > 0) expect(s.tokenStart).toBeGreaterThanOrEqual(spans[i - 1].tokenStart);
    });
  });
});

describe('recordExtras', () => {
  const n = tokens.ids.length;
  const track = Float64Array.from({ length: n }, (_, t) => (t % 50 < 25 ? 0.5 : -0.5));
  const scored = { tokens, track };

  it('scores pivots placed on the approach starts as full overlap', () => {
    const starts = approachStartTokens(analysis, tokens).filter((t) => t > 0);
    const result = resultFromRuns(runsAt(starts, n), track, 1, tokens);
    const entropy = Float64Array.from({ length: n }, (_, t) => (starts.includes(t) ? 5 : 0.1));
    const extras = recordExtras(record, scored, result, entropy, { overlap: { toleranceTokens: 0, forking: { kind: 'threshold', tau: 1 } }, steps: null });
    expect(extras.overlap?.approach.precision).toBe(1);
    expect(extras.overlap?.forking).toMatchObject({ precision: 1, recall: 1 });
    expect(extras.overlap?.forkingTokens).toEqual(starts);
    expect(extras.steps).toBeUndefined();
  });

  it('aggregates per subsequence and per DLCoT step', () => {
    const result = resultFromRuns(runsAt([25, 50], n), track, 1, tokens);
    const bySegment = recordExtras(record, scored, result, null, { overlap: null, steps: 'segments', valuesAre: 'tanh-half' });
    expect(bySegment.steps?.steps.map((s) => s.mean)).toEqual(result.segments.map((s) => s.mean));
    expect(bySegment.steps?.steps[0].probability).toBeCloseTo(0.75);
    const byStep = recordExtras(record, scored, result, null, { overlap: null, steps: 'dlcot' });
    expect(byStep.steps?.source).toBe('dlcot');
    expect(byStep.steps?.steps.length).toBe(stepTokenSpans(analysis, tokens).length);
  });
});
