// Macro sections (SPEC §1.1) over whole units: Question_Repeat, Problem_Understand,
// Solution_Explore up to the unit holding the first answer, Verify, and a closing Conclusion.
// Sections are contiguous unit ranges, so together they partition the reasoning exactly.
import { isConclusionLead, isRestatement, matchApproachCue } from './cues.ts';
import type { Candidate } from './answers.ts';
import type { MacroLabel } from './schema.ts';
import { leadText, unitIndexAt, type Unit } from './units.ts';

export interface UnitRange {
  label: MacroLabel;
  /** First unit index (inclusive) and last (exclusive). */
  unitStart: number;
  unitEnd: number;
}

export interface MacroLayout {
  ranges: UnitRange[];
  firstAnswer: Candidate | null;
}

const CALCULATION = /=|\d\s*[-+*/×^]\s*\d|\\frac|\\cdot|\\times|\\sqrt|\\sum/g;
const MAX_UNDERSTAND_UNITS = 6;
const CONCLUSION_TAIL_UNITS = 4;

function wordSet(text: string): Set<string> {
  return new Set(text.toLowerCase().match(/[a-z]{3,}|\d+/g) ?? []);
}

function overlapWithProblem(unitText: string, problemWords: Set<string>): number {
  const words = wordSet(unitText);
  if (words.size === 0 || problemWords.size === 0) return 0;
  let shared = 0;
  for (const w of words) if (problemWords.has(w)) shared++;
  return shared / words.size;
}

function questionRepeatEnd(text: string, units: Unit[], problem: string): number {
  if (units.length < 2) return 0;
  const problemWords = wordSet(problem);
  const first = text.slice(units[0].leadStart, units[0].charEnd);
  if (!isRestatement(leadText(text, units[0])) && overlapWithProblem(first, problemWords) < 0.5) return 0;
  let end = 1;
  while (end < Math.min(units.length - 1, 4)) {
    const body = text.slice(units[end].leadStart, units[end].charEnd);
    if (overlapWithProblem(body, problemWords) < 0.6) break;
    end++;
  }
  return end;
}

// A stated strategy ("one approach could be…", "let me think differently") starts exploration.
const STRATEGY_CUE_WEIGHT = 0.7;

function understandEnd(text: string, units: Unit[], from: number, limit: number): number {
  let end = from;
  while (end < limit && end - from < MAX_UNDERSTAND_UNITS) {
    const u = units[end];
    if ((matchApproachCue(text, u.leadStart, u.charEnd)?.weight ?? 0) >= STRATEGY_CUE_WEIGHT) break;
    CALCULATION.lastIndex = u.leadStart;
    const calc = CALCULATION.exec(text);
    if (calc && calc.index < u.charEnd) break;
    end++;
  }
  // Analysis that runs straight into the end is exploration, not understanding.
  return end >= limit ? from : end;
}

function conclusionStart(text: string, units: Unit[], after: number, boxedUnits: Set<number>): number {
  const floor = Math.max(after, units.length - CONCLUSION_TAIL_UNITS);
  for (let i = floor; i < units.length; i++) {
    if (isConclusionLead(leadText(text, units[i])) || boxedUnits.has(i)) return i;
  }
  return units.length;
}

/** Lays the five macro sections over `units` (empty sections are left out). */
export function layoutMacro(text: string, units: Unit[], problem: string, candidates: Candidate[]): MacroLayout {
  if (units.length === 0) return { ranges: [], firstAnswer: null };
  const qEnd = questionRepeatEnd(text, units, problem);
  const boxedUnits = new Set(candidates.filter((c) => c.kind === 'boxed').map((c) => unitIndexAt(units, c.charStart)));
  const firstAnswer = candidates.find((c) => c.charStart >= units[qEnd].charStart) ?? null;
  const answerUnitEnd = firstAnswer ? unitIndexAt(units, Math.max(firstAnswer.charStart, firstAnswer.charEnd - 1)) + 1 : units.length;
  const pEnd = understandEnd(text, units, qEnd, answerUnitEnd - 1);
  let cStart = conclusionStart(text, units, pEnd + 1, boxedUnits);
  if (cStart <= pEnd) cStart = units.length;
  const exploreEnd = Math.min(answerUnitEnd, cStart);
  const ranges: UnitRange[] = [
    { label: 'Question_Repeat', unitStart: 0, unitEnd: qEnd },
    { label: 'Problem_Understand', unitStart: qEnd, unitEnd: pEnd },
    { label: 'Solution_Explore', unitStart: pEnd, unitEnd: exploreEnd },
    { label: 'Verify', unitStart: exploreEnd, unitEnd: cStart },
    { label: 'Conclusion', unitStart: cStart, unitEnd: units.length },
  ];
  return { ranges: ranges.filter((r) => r.unitEnd > r.unitStart), firstAnswer };
}
