// Public API of the answer checker (extraction, normalisation, equivalence). Pure: no DOM, no Node.
//
//   findCandidateAnswers(reasoning)   every candidate answer with its span (boxed, <answer>, "final
//                                     answer is …", inline "so x = 5" / "which gives 12")
//   extractFinalAnswer(text, opts?)   the final answer as written, or null
//   isEquivalent(gold, pred, opts?)   true / false / null (undecided: never a confident guess)
//
// Pipeline: extract.ts (which text is the answer) -> clean.ts + tokenize.ts + parse*.ts (tree) ->
// normalize-node.ts ("x = 3" -> 3, a ± b, matrix products) -> compare*.ts (exact rationals,
// sample-point evaluation, tuples/sets/intervals/matrices/relations). Conformance with the peer
// checkers' own tests: conformance.test.ts.
export type { Verdict } from './compare-scalar.ts';
export type { AnswerCandidate } from './candidates.ts';
export { findCandidateAnswers } from './candidates.ts';
export { extractFinalAnswer, type ExtractOptions, type ExtractMode, type MatchType } from './extract.ts';
export { isEquivalent, isEquivalentToAny, type EquivalenceOptions } from './equivalence.ts';
export { normalizeAnswerString } from './normalize-string.ts';
export { runAnswerCase, type AnswerCase, type CaseResult } from './cases.ts';
