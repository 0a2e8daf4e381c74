import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseTraces } from '../../../test/fixtures/dlcot/layouts.ts';
import { analyzeTrace, applyOverrides, DlcotAnalysisSchema, DlcotOverrideSchema } from './index.ts';

const trace = parseTraces('sky', readFileSync(new URL('../../../test/fixtures/dlcot/skythought-amc23-sample.jsonl', import.meta.url), 'utf8'))[0];

describe('human overrides', () => {
  const analysis = analyzeTrace(trace);
  const [first, second] = analysis.approaches;

  it('re-derives trunk and simplifications from overridden labels', () => {
    const overrides = [DlcotOverrideSchema.parse({ decisionId: first.id, field: 'label1', oldValue: first.label1, newValue: 'Incorrect', timeMs: 1 })];
    const { analysis: next, unapplied } = applyOverrides(analysis, trace.reasoning, overrides);
    expect(unapplied).toEqual([]);
    expect(next.approaches[0]).toMatchObject({ label1: 'Incorrect', provenance: 'human' });
    // The trunk now runs to the next Correct approach, so the first one is on it and kept.
    expect(next.trunk.endId).toBe(second.id);
    expect(next.approaches.slice(0, 2).every((a) => a.onTrunk)).toBe(true);
    expect(() => DlcotAnalysisSchema.parse(next)).not.toThrow();
    expect(analysis.approaches[0].label1).toBe('Correct');
  });

  it('un-marks a redundant approach so no policy removes it, and reports unknown ids', () => {
    const redundant = analysis.approaches.find((a) => a.redundant)!;
    const { analysis: next, unapplied } = applyOverrides(analysis, trace.reasoning, [
      { decisionId: redundant.id, field: 'redundant', oldValue: true, newValue: false, timeMs: 2 },
      { decisionId: 'approach:999999', field: 'label1', oldValue: 'Correct', newValue: 'Incorrect', timeMs: 3 },
    ]);
    const all = next.simplifications.find((s) => s.policy === 'delete_multi_all')!;
    expect(all.removed.some((r) => r.targetId === redundant.id)).toBe(false);
    expect(unapplied.map((o) => o.decisionId)).toEqual(['approach:999999']);
  });

  it('overrides a verification stance', () => {
    const check = analysis.verification[0];
    const { analysis: next } = applyOverrides(analysis, trace.reasoning, [{ decisionId: check.id, field: 'stance', oldValue: check.stance, newValue: 'negate', timeMs: 4 }]);
    expect(next.verification[0]).toMatchObject({ stance: 'negate', provenance: 'human' });
  });
});
