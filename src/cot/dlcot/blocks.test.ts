import { describe, expect, it } from 'vitest';
import { analyzeTrace } from './analyze.ts';
import { DEFAULT_BLOCK_OPTIONS, exploreBlocks } from './blocks.ts';
import { splitUnits } from './units.ts';

const filler = (n: number) => Array.from({ length: n }, (_, i) => `We compute the term t_${i} from the previous one and keep it.`).join(' ');

function starts(paragraphs: string[], options = DEFAULT_BLOCK_OPTIONS) {
  const text = paragraphs.join('\n\n');
  const units = splitUnits(text);
  return exploreBlocks(text, units, 0, units.length, options).map((b) => ({ unit: b.unitStart, cue: b.cue?.kind ?? null }));
}

describe('approach blocks', () => {
  it('opens approaches on restart phrasing and on "alternatively, I can…"', () => {
    const blocks = starts([
      `First, set up the recursion. ${filler(8)}`,
      `Let me try a different approach: count the complement. ${filler(8)}`,
      `Alternatively, I can use generating functions here. ${filler(8)}`,
    ]);
    expect(blocks).toEqual([{ unit: 0, cue: null }, { unit: 1, cue: 'try-different' }, { unit: 2, cue: 'alternatively' }]);
  });

  it('keeps a musing cue inside the current approach until enough working has passed', () => {
    const short = starts([`First, set up the recursion. ${filler(3)}`, `Maybe I should use the recursion again for n = 5. ${filler(3)}`]);
    expect(short).toHaveLength(1);
    const long = starts([`First, set up the recursion. ${filler(30)}`, `Maybe I should use the recursion again for n = 5. ${filler(3)}`]);
    expect(long.map((b) => b.cue)).toEqual([null, 'maybe-should']);
    expect(DEFAULT_BLOCK_OPTIONS.minCharsForWeakCue).toBeGreaterThan(filler(3).length);
  });

  it('can ask "alternatively" for a technique the current approach has not named yet', () => {
    const strict = { ...DEFAULT_BLOCK_OPTIONS, minCharsForAlternative: 100_000 };
    const opening = `First, set up the recursion and count the cases. ${filler(8)}`;
    expect(starts([opening, `Alternatively, I can use the recursion on the cases again. ${filler(8)}`], strict)).toHaveLength(1);
    expect(starts([opening, `Alternatively, I can use generating functions here. ${filler(8)}`], strict)).toHaveLength(2);
  });

  it('joins a bare announcement to the approach it announces', () => {
    const blocks = starts([`First, set up the recursion. ${filler(8)}`, 'Let me think of another approach.', `Alternatively, I can use coordinates. ${filler(8)}`]);
    expect(blocks).toEqual([{ unit: 0, cue: null }, { unit: 1, cue: 'try-different' }]);
  });
});

describe('approach boundaries in a whole trace', () => {
  const problem = 'Find the probability that a random n has a large prime factor.';
  const trace = (second: string) => ({
    id: 't',
    problem,
    reference: '0.7',
    answer: '',
    reasoning: [
      'Okay, so I need to find the probability that n has a large prime factor.',
      `Let me think about how to approach this. ${filler(8)}`,
      'The condition says that n has a prime factor larger than the square root of n.',
      `One approach is to estimate the probability for each prime p separately: for p = 2 it is 1/2. ${filler(10)}`,
      `${second} ${filler(10)}`,
      'So the answer is 0.7.',
    ].join('\n\n'),
  });

  const startsAt = (reasoning: string, charStart: number) => reasoning.slice(charStart, charStart + 14);

  it('merges an answerless approach with the next one when it goes on with the same techniques', () => {
    const t = trace('Alternatively, perhaps I can consider the probability for each prime p again.');
    const a = analyzeTrace(t, { policies: [] });
    expect(a.approaches.map((x) => startsAt(t.reasoning, x.charStart))).toEqual(['Let me think a', 'One approach i']);
  });

  it('keeps them apart when the next one names a different technique', () => {
    const t = trace('Alternatively, I can use generating functions and induction instead.');
    const a = analyzeTrace(t, { policies: [] });
    expect(a.approaches.map((x) => startsAt(t.reasoning, x.charStart))).toEqual(['Let me think a', 'One approach i', 'Alternatively,']);
    expect(a.approaches[2].cue?.kind).toBe('alternatively');
  });

  it('ends Problem_Understand where a strategy is stated', () => {
    const t = trace('Alternatively, I can use generating functions and induction instead.');
    const a = analyzeTrace(t, { policies: [] });
    const explore = a.macro.find((m) => m.label === 'Solution_Explore')!;
    expect(t.reasoning.slice(explore.charStart)).toMatch(/^Let me think about how to approach this/);
  });
});
