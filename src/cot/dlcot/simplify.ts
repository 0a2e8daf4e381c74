// Simplification policies (SPEC §1.4) as removals with reasons, the stitched text, and token
// counts. Works on a small structural input so it can be re-applied to its own result, and every
// policy is idempotent there (simplifying twice removes nothing more). `delete_multi_all` and both
// `keep_one_global` policies are fixpoints by construction. `delete_multi_1/2` remove "the last k
// redundant members" of the *original* analysis: the redundant members they keep are marked
// `keptBy` the policy in the re-anchored result, so re-applying the policy keeps them again.
import type { Label1, MacroLabel, Policy, Removal, RemovalReason, Simplification, TokenTally } from './schema.ts';
import { countWords, type RangeCounter, type TokenCounter } from './token-count.ts';

export interface SimplifyApproach {
  id: string;
  charStart: number;
  charEnd: number;
  label1: Label1;
  redundant: boolean;
  onTrunk: boolean;
  errors: Array<{ id: string; charStart: number; charEnd: number }>;
  /** Policies that already simplified this text and chose to keep this approach. */
  keptBy?: readonly Policy[];
}

export interface SimplifyInput {
  text: string;
  macro: Array<{ label: MacroLabel; charStart: number; charEnd: number }>;
  approaches: SimplifyApproach[];
}

export interface SimplifyOptions {
  count?: TokenCounter;
  /** Faster counting of ranges of `input.text` (e.g. unit prefix sums); overrides `count`. */
  countRange?: RangeCounter;
  /** Include the stitched text in the output (it can be as large as the trace). */
  withText?: boolean;
}

type Cut = Omit<Removal, 'id' | 'provenance'>;

function offTrunkReason(a: SimplifyApproach): RemovalReason | null {
  if (a.redundant) return 'redundant';
  if (a.label1 === 'Correct') return null;
  if (a.label1 === 'Incomplete') return 'incomplete';
  return a.label1 === 'Incorrect' ? 'incorrect' : 'unverified';
}

function cutOf(a: SimplifyApproach, reason: RemovalReason): Cut {
  return { charStart: a.charStart, charEnd: a.charEnd, reason, targetId: a.id, detail: `${a.id} (${a.label1}${a.redundant ? ', redundant' : ''}${a.onTrunk ? ', on trunk' : ''})` };
}

/** The removals a policy makes, before merging. */
export function policyCuts(input: SimplifyInput, policy: Policy): Cut[] {
  // A redundant member this policy kept before stays kept: "last k" counts the original members.
  const redundant = input.approaches.filter((a) => a.redundant && !a.keptBy?.includes(policy));
  if (policy === 'delete_multi_all') return redundant.map((a) => cutOf(a, 'redundant'));
  if (policy === 'delete_multi_1') return redundant.slice(-1).map((a) => cutOf(a, 'redundant'));
  if (policy === 'delete_multi_2') return redundant.slice(-2).map((a) => cutOf(a, 'redundant'));
  const cuts: Cut[] = [];
  for (const a of input.approaches) {
    if (a.onTrunk) {
      if (a.redundant && a.label1 !== 'Correct') cuts.push(cutOf(a, 'redundant'));
      continue;
    }
    const reason = offTrunkReason(a);
    if (reason) cuts.push(cutOf(a, reason));
    else if (policy === 'keep_one_global+delete_all') {
      for (const e of a.errors) cuts.push({ charStart: e.charStart, charEnd: e.charEnd, reason: 'error-span', targetId: e.id, detail: `error span in kept ${a.id}` });
    }
  }
  return cuts;
}

/** Sorted, non-overlapping, non-empty removals (an earlier or wider cut wins an overlap). */
function normaliseCuts(cuts: Cut[], policy: Policy): Removal[] {
  // Cuts come in text order except error spans; sort only when needed.
  let ordered = true;
  for (let i = 1; i < cuts.length && ordered; i++) ordered = cuts[i].charStart >= cuts[i - 1].charStart;
  const sorted = ordered ? cuts : [...cuts].sort((a, b) => a.charStart - b.charStart || b.charEnd - a.charEnd);
  const out: Removal[] = [];
  let reach = 0;
  for (const c of sorted) {
    const charStart = Math.max(c.charStart, reach);
    if (c.charEnd <= charStart) continue;
    out.push({ id: `removal:${policy}:${charStart}`, provenance: 'engine', charStart, charEnd: c.charEnd, reason: c.reason, targetId: c.targetId, detail: c.detail });
    reach = c.charEnd;
  }
  return out;
}

function stitch(text: string, removals: Removal[]): string {
  const parts: string[] = [];
  let at = 0;
  for (const r of removals) {
    parts.push(text.slice(at, r.charStart));
    at = r.charEnd;
  }
  parts.push(text.slice(at));
  return parts.join('');
}

/** Maps an offset in the original text to the stitched text. */
function shifter(removals: Removal[]): (offset: number) => number {
  return (offset) => {
    let shift = 0;
    for (const r of removals) {
      if (r.charStart >= offset) break;
      shift += Math.min(offset, r.charEnd) - r.charStart;
    }
    return offset - shift;
  };
}

function tally(input: SimplifyInput, removals: Removal[], count: RangeCounter) {
  const byReason = new Map<string, number>();
  const macroRemoved = new Map<string, number>();
  for (const r of removals) {
    byReason.set(r.reason, (byReason.get(r.reason) ?? 0) + count(r.charStart, r.charEnd));
    for (const m of input.macro) {
      const s = Math.max(m.charStart, r.charStart);
      const e = Math.min(m.charEnd, r.charEnd);
      if (e > s) macroRemoved.set(m.label, (macroRemoved.get(m.label) ?? 0) + count(s, e));
    }
  }
  const byMacro: TokenTally[] = input.macro.map((m) => {
    const before = count(m.charStart, m.charEnd);
    const removed = macroRemoved.get(m.label) ?? 0;
    return { key: m.label, before, removed, after: before - removed };
  });
  const reasons: TokenTally[] = [...byReason].map(([key, removed]) => ({ key, before: removed, removed, after: 0 }));
  return { byMacro, byReason: reasons };
}

const KEEPS_REDUNDANT: readonly Policy[] = ['delete_multi_1', 'delete_multi_2'];

function reanchor(input: SimplifyInput, removals: Removal[], text: string, policy: Policy): SimplifyInput {
  const shift = shifter(removals);
  const marksKept = KEEPS_REDUNDANT.includes(policy);
  const gone = (s: number, e: number) => removals.some((r) => r.charStart <= s && r.charEnd >= e);
  const approaches = input.approaches
    .filter((a) => !gone(a.charStart, a.charEnd))
    .map((a) => ({
      ...a,
      ...(marksKept && a.redundant && !a.keptBy?.includes(policy) ? { keptBy: [...(a.keptBy ?? []), policy] } : {}),
      charStart: shift(a.charStart),
      charEnd: shift(a.charEnd),
      errors: a.errors.filter((e) => !gone(e.charStart, e.charEnd)).map((e) => ({ ...e, charStart: shift(e.charStart), charEnd: shift(e.charEnd) })),
    }));
  const macro = input.macro.map((m) => ({ ...m, charStart: shift(m.charStart), charEnd: shift(m.charEnd) })).filter((m) => m.charEnd > m.charStart);
  return { text, macro, approaches };
}

/** Applies `policy`: removals with reasons, stitched text, token counts, and (lazily) the re-anchored input. */
export function simplify(input: SimplifyInput, policy: Policy, options: SimplifyOptions = {}): { simplification: Simplification; result: () => SimplifyInput } {
  const count = options.count ?? countWords;
  const countRange = options.countRange ?? ((s: number, e: number) => count(input.text.slice(s, e)));
  const removed = normaliseCuts(policyCuts(input, policy), policy);
  const { byMacro, byReason } = tally(input, removed, countRange);
  const tokensBefore = byMacro.reduce((sum, m) => sum + m.before, 0);
  const tokensRemoved = byReason.reduce((sum, r) => sum + r.removed, 0);
  const simplification: Simplification = {
    policy,
    removed,
    text: options.withText ? stitch(input.text, removed) : null,
    tokensBefore,
    tokensAfter: tokensBefore - tokensRemoved,
    byMacro,
    byReason,
  };
  // The re-anchored input is built on demand: the engine itself only needs the figures.
  return { simplification, result: () => reanchor(input, removed, simplification.text ?? stitch(input.text, removed), policy) };
}
