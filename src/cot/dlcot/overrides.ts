// Human overrides of engine decisions, as the studio's append-only annotation log will record them
// (what, where, old value, new value, time). Applying them re-derives what depends on the changed
// decisions: the trunk, the flags and every policy's simplification. Boundary edits are not
// covered here yet (they change the units the engine works on).
import { z } from 'zod';
import { simplify } from './simplify.ts';
import { Label1Schema, StanceSchema, type DlcotAnalysis, type Trunk } from './schema.ts';
import type { TokenCounter } from './token-count.ts';

export const DlcotOverrideSchema = z.discriminatedUnion('field', [
  z.object({ decisionId: z.string(), field: z.literal('label1'), oldValue: Label1Schema, newValue: Label1Schema, timeMs: z.number() }),
  z.object({ decisionId: z.string(), field: z.literal('redundant'), oldValue: z.boolean(), newValue: z.boolean(), timeMs: z.number() }),
  z.object({ decisionId: z.string(), field: z.literal('stance'), oldValue: StanceSchema, newValue: StanceSchema, timeMs: z.number() }),
]);
export type DlcotOverride = z.infer<typeof DlcotOverrideSchema>;

function trunkOf(analysis: DlcotAnalysis): Trunk {
  const end = analysis.approaches.findIndex((a) => a.label1 === 'Correct');
  if (end < 0) return analysis.trunk.basis === 'final-answer' ? analysis.trunk : { approachIds: analysis.approaches.map((a) => a.id), endId: null, basis: 'none' };
  return { approachIds: analysis.approaches.slice(0, end + 1).map((a) => a.id), endId: analysis.approaches[end].id, basis: 'reference' };
}

/**
 * Applies overrides in log order to a copy of `analysis`; changed decisions get provenance `human`.
 * Overrides naming unknown decisions are returned in `unapplied` (the text may have changed).
 */
export function applyOverrides(analysis: DlcotAnalysis, reasoning: string, overrides: DlcotOverride[], count?: TokenCounter): { analysis: DlcotAnalysis; unapplied: DlcotOverride[] } {
  // The analysis is plain JSON by design, so a JSON round trip is a faithful deep copy.
  const next = JSON.parse(JSON.stringify(analysis)) as DlcotAnalysis;
  const approaches = new Map(next.approaches.map((a) => [a.id, a]));
  const checks = new Map(next.verification.map((v) => [v.id, v]));
  const unapplied: DlcotOverride[] = [];
  for (const o of overrides) {
    if (o.field === 'stance') {
      const v = checks.get(o.decisionId);
      if (v) Object.assign(v, { stance: o.newValue, provenance: 'human' });
      else unapplied.push(o);
      continue;
    }
    const a = approaches.get(o.decisionId);
    if (!a) unapplied.push(o);
    else if (o.field === 'label1') Object.assign(a, { label1: o.newValue, label1Reason: 'set by a person', provenance: 'human' });
    else Object.assign(a, { redundant: o.newValue, provenance: 'human' });
  }
  next.trunk = trunkOf(next);
  const onTrunk = new Set(next.trunk.approachIds);
  for (const a of next.approaches) a.onTrunk = onTrunk.has(a.id);
  next.flags.noCorrect = !next.approaches.some((a) => a.label1 === 'Correct');
  const input = { text: reasoning, macro: next.macro, approaches: next.approaches };
  next.simplifications = next.simplifications.map((s) => simplify(input, s.policy, { count, withText: s.text !== null }).simplification);
  return { analysis: next, unapplied };
}
