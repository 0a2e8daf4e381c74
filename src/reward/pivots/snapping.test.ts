import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { boundaryFlags, snapRuns } from './snapping.ts';
import { detectRuns } from './detect.ts';

// Tokens of "The cat sat. It ran away." split inside words on purpose.
const text = 'The cat sat. It ran away.';
const pieces = ['The', ' c', 'at', ' sat', '.', ' It', ' r', 'an', ' away', '.'];
const charStart: number[] = [];
const charEnd: number[] = [];
pieces.reduce((at, piece) => { charStart.push(at); charEnd.push(at + piece.length); return at + piece.length; }, 0);
const offsets = { charStart, charEnd };

describe('snapping', () => {
  it('flags word and sentence starts', () => {
    expect([...boundaryFlags(text, offsets, 'word')]).toEqual([1, 1, 0, 1, 1, 1, 1, 0, 1, 1]);
    expect([...boundaryFlags(text, offsets, 'sentence')]).toEqual([1, 0, 0, 0, 0, 1, 0, 0, 0, 0]);
  });

  it('moves a pivot inside a word to the word start', () => {
    const runs = [{ tokenStart: 0, tokenEnd: 2, sign: 1 as const }, { tokenStart: 2, tokenEnd: 10, sign: -1 as const }];
    expect(snapRuns(runs, boundaryFlags(text, offsets, 'word'), 3)).toEqual([
      { tokenStart: 0, tokenEnd: 1, sign: 1 },
      { tokenStart: 1, tokenEnd: 10, sign: -1 },
    ]);
  });

  it('moves pivots to the sentence start and drops runs that vanish', () => {
    const runs = [
      { tokenStart: 0, tokenEnd: 3, sign: 1 as const },
      { tokenStart: 3, tokenEnd: 4, sign: -1 as const },
      { tokenStart: 4, tokenEnd: 10, sign: 1 as const },
    ];
    expect(snapRuns(runs, boundaryFlags(text, offsets, 'sentence'), 4)).toEqual([{ tokenStart: 0, tokenEnd: 10, sign: 1 }]);
  });

  it('leaves a pivot with no boundary in reach where it is', () => {
    const runs = [{ tokenStart: 0, tokenEnd: 7, sign: 1 as const }, { tokenStart: 7, tokenEnd: 10, sign: -1 as const }];
    expect(snapRuns(runs, new Uint8Array(10), 3)).toEqual(runs);
  });

  it('never adds pivots and keeps the tiling', () => {
    fc.assert(fc.property(fc.array(fc.double({ min: -1, max: 1, noNaN: true }), { minLength: 1, maxLength: 120 }), fc.uint8Array({ min: 0, max: 1, minLength: 120, maxLength: 120 }), fc.integer({ min: 0, max: 6 }), (values, flags, shift) => {
      const runs = detectRuns(values);
      const snapped = snapRuns(runs, flags.subarray(0, values.length), shift);
      expect(snapped.length).toBeLessThanOrEqual(runs.length);
      expect(snapped[0].tokenStart).toBe(0);
      expect(snapped[snapped.length - 1].tokenEnd).toBe(values.length);
      for (let i = 1; i < snapped.length; i++) {
        expect(snapped[i].tokenStart).toBe(snapped[i - 1].tokenEnd);
        expect(snapped[i].sign).toBe(-snapped[i - 1].sign);
      }
    }));
  });
});
