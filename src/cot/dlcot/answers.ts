// Candidate answers inside reasoning and their judgement against a reference. The answer checker
// (../answer) finds the candidates and decides equivalence; this file only windows and labels.
import { findCandidateAnswers, isEquivalent } from '../answer/index.ts';
import type { Label1 } from './schema.ts';
import { unitIndexAt, type Unit } from './units.ts';

export interface Candidate {
  text: string;
  charStart: number;
  charEnd: number;
  kind: string;
}

export interface CandidateSets {
  /** Explicit statements (boxed, "the answer is", answer tags), in text order. */
  strong: Candidate[];
  /** Inline results ("so x = 5") from the checker, in text order. */
  inline: Candidate[];
}

/** Answer candidates in reasoning, as the answer checker finds them. */
export function answerCandidates(reasoning: string): CandidateSets {
  return candidatesInWindows(reasoning, [[0, reasoning.length]]);
}

/** Checker candidates in each window, shifted to offsets in the whole text. */
function candidatesInWindows(text: string, windows: Array<[number, number]>): CandidateSets {
  const strong: Candidate[] = [];
  const inline: Candidate[] = [];
  const shifted = (found: Candidate[], charStart: number, into: Candidate[]) => {
    for (const c of found) into.push({ text: c.text, charStart: c.charStart + charStart, charEnd: c.charEnd + charStart, kind: c.kind });
  };
  for (const [charStart, charEnd] of windows) {
    const piece = charStart === 0 && charEnd === text.length ? text : text.slice(charStart, charEnd);
    for (const c of findCandidateAnswers(piece)) shifted([c], charStart, c.kind === 'inline' ? inline : strong);
  }
  return { strong, inline };
}

// Where an explicit answer can be: every pattern of the checker names one of these
// ("\x08oxed" is "\boxed" whose "\b" a JSON writer turned into a backspace).
const ANSWER_WORDS = /box|answer|\x08oxed/gi;

/**
 * Answer candidates, looking only at paragraphs that can hold one that matters: those naming an
 * explicit answer (boxed, "answer"), and, for an integer or decimal target, those writing its
 * digits (inline results only count when they equal the target). Each such paragraph is read with
 * the one after it, since a value can follow its phrase across a line break. Without a numeric
 * target every paragraph is read; without any target, inline results are not needed.
 */
export function answerCandidatesNear(text: string, units: Unit[], target: string | null): CandidateSets {
  if (units.length === 0) return { strong: [], inline: [] };
  const literal = target?.trim().replace(/^-/, '') ?? '';
  if (target !== null && !/^\d+(?:\.\d+)?$/.test(literal)) return answerCandidates(text);
  const wanted = new Uint8Array(units.length + 1);
  const mark = (charIndex: number) => {
    const u = unitIndexAt(units, charIndex);
    wanted[u] = 1;
    wanted[u + 1] = 1;
  };
  ANSWER_WORDS.lastIndex = 0;
  for (let m = ANSWER_WORDS.exec(text); m; m = ANSWER_WORDS.exec(text)) mark(m.index);
  if (literal) for (let at = text.indexOf(literal); at >= 0; at = text.indexOf(literal, at + literal.length)) mark(at);
  const windows: Array<[number, number]> = [];
  for (let u = 0; u < units.length; u++) {
    if (!wanted[u]) continue;
    const last = windows.at(-1);
    if (last && last[1] === units[u].charStart) last[1] = units[u].charEnd;
    else windows.push([units[u].charStart, units[u].charEnd]);
  }
  return candidatesInWindows(text, windows);
}

// What precedes a value the working states as a result: "= 588", "is 6.17", "\approx 6.17".
const STATED_BEFORE = /(?:=|≈|\\approx|\bis|\bbe|'s|\bget|\bgives?|\bequals?|\bapproximately)\s*\$?(?:\\[([]\s*)?$/;

/**
 * Every place the working states `value` as a result ("= 588", "is 6.17"), in text order. Lets an
 * approach count as reaching the reference when it never boxes it.
 */
export function valueStatements(text: string, value: string | null): Candidate[] {
  const v = value?.trim() ?? '';
  if (!/^-?\d+(?:\.\d+)?$/.test(v)) return [];
  const found: Candidate[] = [];
  // Find the literal first (fast), then check what precedes and follows it.
  for (let at = text.indexOf(v); at >= 0; at = text.indexOf(v, at + v.length)) {
    const next = text.charCodeAt(at + v.length);
    const prev = text.charCodeAt(at - 1);
    if ((next >= 48 && next <= 57) || (next === 46 && /\d/.test(text[at + v.length + 1] ?? '')) || (prev >= 48 && prev <= 57) || prev === 46) continue;
    if (STATED_BEFORE.test(text.slice(Math.max(0, at - 24), at))) found.push({ text: v, charStart: at, charEnd: at + v.length, kind: 'inline' });
  }
  return found;
}

function normalise(answer: string): string {
  return answer
    .replace(/\\boxed\s*\{([^}]*)\}/g, '$1')
    .replace(/\\(?:text|mathrm|textbf)\s*\{([^}]*)\}/g, '$1')
    .replace(/[$\s{}]|\\[,;!]|\\left|\\right|\.$/g, '')
    .replace(/^[a-z]\s*=/i, '')
    .replace(/^(-?\d+)\.0+$/, '$1')
    .toLowerCase();
}

/** Whether `pred` matches `gold`: the checker's verdict, else a strict textual comparison. */
const PLAIN_NUMBER = /^-?\d+(?:\.\d+)?$/;

/** sameAnswer with its verdicts remembered (one per trace: the checker can be slow on some pairs). */
export function memoSameAnswer(): typeof sameAnswer {
  const verdicts = new Map<string, boolean | null>();
  return (gold, pred) => {
    const key = `${gold}\u0000${pred}`;
    let v = verdicts.get(key);
    if (v === undefined) verdicts.set(key, (v = sameAnswer(gold, pred)));
    return v;
  };
}

export function sameAnswer(gold: string, pred: string): boolean | null {
  // Plain numerals (most inline results) are compared directly; the checker agrees on them.
  const g = gold.trim();
  const p = pred.trim();
  if (PLAIN_NUMBER.test(g) && PLAIN_NUMBER.test(p)) return Number(g) === Number(p);
  const verdict = isEquivalent(gold, pred);
  if (verdict !== null) return verdict;
  const a = normalise(gold);
  const b = normalise(pred);
  if (a === b && a.length > 0) return true;
  const numeric = /^-?\d+(?:\.\d+)?$/;
  if (numeric.test(a) && numeric.test(b)) return Number(a) === Number(b);
  return null;
}

// A lone letter that is not a LaTeX command, not e/i, and not the left side of "x = …".
const FREE_VARIABLE = /(?<![A-Za-z\\])(?![ei](?![A-Za-z]))[A-Za-z](?![A-Za-z])(?!\s*=)/;
const COMMAND = /\\[A-Za-z]+/g;

/** Whether `answer` names a free variable (after dropping LaTeX commands). */
export function hasFreeVariable(answer: string): boolean {
  return FREE_VARIABLE.test(answer.replace(COMMAND, ' '));
}

/**
 * Whether `pred` can equal the constant `gold` at all: an expression in a free variable ("1/(24r)")
 * cannot, so the checker (slow on such pairs) need not be asked. Null when gold is not a constant.
 */
export function mayEqualConstant(gold: string, pred: string): boolean | null {
  if (hasFreeVariable(gold)) return null;
  return !hasFreeVariable(pred);
}

/** label1 of an approach given the answer it reached (SPEC §1.2); never `Correct` without a reference. */
export function judge(answer: Candidate | null, reference: string | null, same: typeof sameAnswer = sameAnswer): { label1: Label1; reason: string } {
  if (!answer) return { label1: 'Incomplete', reason: 'no answer reached in this approach' };
  if (reference === null) return { label1: 'Unknown', reason: 'no reference answer to compare with' };
  const verdict = same(reference, answer.text);
  if (verdict === true) return { label1: 'Correct', reason: `answer ${answer.text} matches the reference` };
  if (verdict === false) return { label1: 'Incorrect', reason: `answer ${answer.text} differs from the reference ${reference}` };
  return { label1: 'Unknown', reason: `could not decide whether ${answer.text} equals ${reference}` };
}
