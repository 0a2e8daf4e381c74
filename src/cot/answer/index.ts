// Public API of the answer checker (extraction, normalisation, equivalence). Pure.
// NOTE: placeholder signatures; the implementation lands with the answer-checker issue.

/** true = equivalent, false = different, null = could not decide (never a confident wrong verdict). */
export type Verdict = boolean | null;

export interface AnswerCandidate {
  /** The answer text as written (inside the box, after "=", …). */
  text: string;
  charStart: number;
  charEnd: number;
  /** How it was found: boxed, final-answer phrase, answer tag, inline conclusion ("so x = 5"). */
  kind: 'boxed' | 'final-phrase' | 'answer-tag' | 'inline';
}

/** The final answer of a response (last boxed, "the answer is", <answer>, text after </think>), or null. */
export function extractFinalAnswer(_text: string): string | null {
  return null;
}

/** Every candidate answer inside a text, in order, with spans. */
export function findCandidateAnswers(_text: string): AnswerCandidate[] {
  return [];
}

/** Whether `pred` is mathematically equivalent to `gold`. */
export function isEquivalent(_gold: string, _pred: string): Verdict {
  return null;
}
