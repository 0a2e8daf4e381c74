import { describe, expect, it } from 'vitest';
import { findNegations, isConclusionLead, isRestatement, matchApproachCue, matchCheckOpen, stanceOf } from './cues.ts';

// Paragraph openings copied from the shared traces (Sky-T1, R1 distills, DeltaBench).
const NEW_APPROACH: Array<[string, string]> = [
  ['Alternatively, I can use the natural logarithm and exponentiation.', 'alternatively'],
  ['alternatively, perhaps there is a theorem or result that can help here.', 'alternatively'],
  ['Another approach could be to express x in terms of y from equation one.', 'another-way'],
  ['Wait, another idea: since "13" is a two-digit number, perhaps a is such that', 'another-way'],
  ['Let me think differently. Maybe I can look for known sequences of primes.', 'think-again'],
  ['Let me think of another approach.', 'try-different'],
  ['Maybe I need to consider a different approach.', 'try-different'],
  ["Let's start over and set up coordinates.", 'start-over'],
  ['There must be a better mathematical approach.', 'better-way'],
  ['but maybe there\u2019s a better way.', 'better-way'],
  ['wait, maybe i should look for sequences where the common difference is a multiple', 'wait-maybe'],
  ['Hmm, perhaps I should use coordinates instead.', 'wait-maybe'],
  ['maybe i should look for a specific a and see what n would satisfy the conditions.', 'maybe-should'],
  ['one approach could be to use generating functions.', 'one-approach'],
  ['wait, perhaps i need to think differently.', 'think-again'],
  ['maybe i need to think differently. perhaps consider the positions where "13" can appear.', 'think-again'],
  ['let me try to think differently.', 'think-again'],
  ['Hmmm, there\u2019s a smarter way to count these.', 'another-way'],
];

const NOT_NEW: string[] = [
  'So, the probability is 1/2.',
  'First, I need to visualize this setup.',
  'Let me compute 2 + 2.',
  'Therefore, x = 12.',
];

describe('approach cues', () => {
  it.each(NEW_APPROACH)('%s → %s', (lead, kind) => {
    expect(matchApproachCue(lead)?.kind).toBe(kind);
  });

  it('a musing "alternatively" is weaker than a change of method', () => {
    expect(matchApproachCue('alternatively, maybe 10 is the maximum.')).toMatchObject({ kind: 'alternatively-weak', weight: 0.6 });
    expect(matchApproachCue('Alternatively, I can try to construct such a sequence myself.')!.weight).toBe(1);
  });

  it.each(NOT_NEW)('no cue: %s', (lead) => {
    expect(matchApproachCue(lead)).toBeNull();
  });

  it('matches in place inside a larger text, within the given range only', () => {
    const text = 'So x = 3.\n\nAlternatively, I can use coordinates.';
    const at = text.indexOf('Alternatively');
    expect(matchApproachCue(text, at, text.length)?.kind).toBe('alternatively');
    expect(matchApproachCue(text, 0, at)).toBeNull();
    expect(matchApproachCue(text, at, at + 10)).toBeNull();
  });
});

describe('verification cues and stance', () => {
  it('opens checks', () => {
    expect(matchCheckOpen('Wait, but let me check if this satisfies both equations.')).not.toBeNull();
    expect(matchCheckOpen('Let me double-check the adjacent calculation.')).not.toBeNull();
    expect(matchCheckOpen('So x = 3.')).toBeNull();
  });

  it('gives negation priority over affirmation', () => {
    expect(stanceOf("Wait, that's not right. The sum is 12, not 14.")).toBe('negate');
    expect(stanceOf('Yes, that checks out.')).toBe('affirm');
    expect(stanceOf('Plugging x = 3 into the second equation.')).toBe('check');
    expect(stanceOf('Both equations are consistent with x = 3.')).toBe('affirm');
    expect(stanceOf('This is inconsistent with the first equation.')).toBe('negate');
  });

  it('finds negations that point back at earlier working', () => {
    const text = "So 7 * 8 = 54. Wait, that's wrong. 7 * 8 = 56. Hmm, I made a mistake earlier.";
    expect(findNegations(text).map((n) => text.slice(n.index, n.index + 4))).toEqual(['Wait', 'Hmm,']);
  });
});

describe('macro cues', () => {
  it('recognises restatements and conclusions', () => {
    expect(isRestatement("Okay, so I have this problem about Dr. Fu Manchu's bank account.")).toBe(true);
    expect(isRestatement("So I've got this problem here.")).toBe(true);
    expect(isRestatement('First, compute 2 + 2.')).toBe(false);
    expect(isConclusionLead('**Final Answer**')).toBe(true);
    expect(isConclusionLead('Therefore, the final answer is 33.')).toBe(true);
    expect(isConclusionLead('So, x = 3.')).toBe(false);
  });
});
