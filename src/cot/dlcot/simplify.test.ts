import { describe, expect, it } from 'vitest';
import { simplify, type SimplifyApproach, type SimplifyInput } from './simplify.ts';

// Six paragraphs of 10 characters each ("P0 ......\n" …): approach i covers paragraph i+1.
const text = Array.from({ length: 6 }, (_, i) => `P${i} word w\n`).join('');
const span = (i: number) => ({ charStart: i * 10, charEnd: (i + 1) * 10 });

function approach(i: number, label1: SimplifyApproach['label1'], redundant: boolean, onTrunk: boolean, errors: SimplifyApproach['errors'] = []): SimplifyApproach {
  return { id: `a${i}`, ...span(i), label1, redundant, onTrunk, errors };
}

// a1 Incorrect (trunk), a2 redundant Correct (trunk end), a3 redundant Incorrect, a4 Correct with an
// error span, a5 Incomplete. a0 is Question_Repeat text, not an approach.
const input: SimplifyInput = {
  text,
  macro: [
    { label: 'Question_Repeat', ...span(0) },
    { label: 'Solution_Explore', charStart: 10, charEnd: 30 },
    { label: 'Verify', charStart: 30, charEnd: 60 },
  ],
  approaches: [
    approach(1, 'Incorrect', false, true),
    approach(2, 'Correct', true, true),
    approach(3, 'Incorrect', true, false),
    approach(4, 'Correct', false, false, [{ id: 'e4', charStart: 43, charEnd: 48 }]),
    approach(5, 'Incomplete', false, false),
  ],
};

const removed = (policy: Parameters<typeof simplify>[1]) => simplify(input, policy, { withText: true }).simplification;

describe('simplification policies (SPEC §1.4)', () => {
  it('delete_multi_all removes every redundant member', () => {
    expect(removed('delete_multi_all').removed.map((r) => [r.targetId, r.reason])).toEqual([['a2', 'redundant'], ['a3', 'redundant']]);
  });

  it('delete_multi_1 / delete_multi_2 remove only the last 1 / 2 redundant members', () => {
    expect(removed('delete_multi_1').removed.map((r) => r.targetId)).toEqual(['a3']);
    expect(removed('delete_multi_2').removed.map((r) => r.targetId)).toEqual(['a2', 'a3']);
  });

  it('delete_multi_1 / delete_multi_2 are idempotent: the redundant members they kept stay kept', () => {
    for (const policy of ['delete_multi_1', 'delete_multi_2'] as const) {
      const once = simplify(input, policy).result();
      expect(once.approaches.filter((a) => a.keptBy?.includes(policy)).map((a) => a.id)).toEqual(policy === 'delete_multi_1' ? ['a2'] : []);
      const twice = simplify(once, policy);
      expect(twice.simplification.removed).toEqual([]);
      expect(twice.result().text).toBe(once.text);
    }
    // Another policy still sees the kept member as redundant.
    const afterOne = simplify(input, 'delete_multi_1').result();
    expect(simplify(afterOne, 'delete_multi_all').simplification.removed.map((r) => r.targetId)).toEqual(['a2']);
  });

  it('keep_one_global+delete_solution keeps Correct trunk members and cuts non-Correct approaches off the trunk', () => {
    const s = removed('keep_one_global+delete_solution');
    expect(s.removed.map((r) => [r.targetId, r.reason])).toEqual([['a3', 'redundant'], ['a5', 'incomplete']]);
    expect(s.text).toBe('P0 word w\nP1 word w\nP2 word w\nP4 word w\n');
  });

  it('keep_one_global+delete_all also cuts error spans out of kept off-trunk approaches', () => {
    const s = removed('keep_one_global+delete_all');
    expect(s.removed.map((r) => [r.targetId, r.reason])).toEqual([['a3', 'redundant'], ['e4', 'error-span'], ['a5', 'incomplete']]);
    expect(s.text).toBe('P0 word w\nP1 word w\nP2 word w\nP4 w\n');
  });

  it('tallies tokens per macro section and per reason', () => {
    const s = removed('keep_one_global+delete_solution');
    expect(s.tokensBefore).toBe(18);
    expect(s.tokensAfter).toBe(12);
    expect(s.byReason).toEqual([
      { key: 'redundant', before: 3, removed: 3, after: 0 },
      { key: 'incomplete', before: 3, removed: 3, after: 0 },
    ]);
    expect(s.byMacro.find((m) => m.key === 'Verify')).toEqual({ key: 'Verify', before: 9, removed: 6, after: 3 });
  });

  it('re-anchors the kept approaches onto the stitched text', () => {
    const { result } = simplify(input, 'keep_one_global+delete_solution');
    const r = result();
    expect(r.approaches.map((a) => [a.id, a.charStart, a.charEnd])).toEqual([['a1', 10, 20], ['a2', 20, 30], ['a4', 30, 40]]);
    expect(r.text.slice(30, 40)).toBe('P4 word w\n');
    expect(r.macro.at(-1)).toEqual({ label: 'Verify', charStart: 30, charEnd: 40 });
  });
});
