// Exact labels of a synthetic trace. All offsets are UTF-16 code units into the reasoning text.
import type { ProblemKind } from './problems';
import type { ErrorKind } from './steps';
import type { FamilyId } from './templates';

export type MacroLabel = 'Question_Repeat' | 'Problem_Understand' | 'Solution_Explore' | 'Verify' | 'Conclusion';
export type Label1 = 'Correct' | 'Incorrect' | 'Incomplete';

export interface LabelledSection {
  label: MacroLabel;
  charStart: number;
  charEnd: number;
}

export interface LabelledApproach {
  charStart: number;
  charEnd: number;
  label1: Label1;
  section: 'Solution_Explore' | 'Verify';
  /** 'main' (the solving method), 'check' (a different method), 'abandoned' (a dropped attempt). */
  method: 'main' | 'check' | 'abandoned';
  /** Index of an earlier approach this one re-derives with the same method, else null. */
  redundantOf: number | null;
  /** The answer this approach reaches, null when it stops early. */
  answer: string | null;
}

export interface LabelledError {
  kind: ErrorKind;
  /** The wrong text: the wrong result, the flipped sign, or where the dropped term belonged. */
  charStart: number;
  charEnd: number;
  approachIndex: number;
  repaired: boolean;
  /** Where the reflection that notices the error starts, and where its correction ends. */
  repairCharStart: number | null;
  repairCharEnd: number | null;
}

export interface SyntheticLabels {
  seed: number;
  family: FamilyId;
  problemKind: ProblemKind;
  reference: string;
  finalAnswer: string;
  finalCorrect: boolean;
  sections: LabelledSection[];
  approaches: LabelledApproach[];
  errors: LabelledError[];
}

/**
 * Reward-model target at a character: -1 from an error's start until its repair is complete
 * (to the end when never repaired), +1 elsewhere.
 */
export function rewardTargetAt(labels: SyntheticLabels, charIndex: number): 1 | -1 {
  for (const error of labels.errors) {
    const charEnd = error.repairCharEnd ?? Number.POSITIVE_INFINITY;
    if (charIndex >= error.charStart && charIndex < charEnd) return -1;
  }
  return 1;
}
