// Assembles R1-style synthetic traces: restatement, optional abandoned attempt, the main approach
// (maybe with an injected error, repaired or not), verification, conclusion and a boxed answer.
import type { TraceRecord } from '../trace';
import { appendSentence, planError, renderApproach, type ApproachContext } from './approach';
import type { LabelledApproach, LabelledError, LabelledSection, MacroLabel, SyntheticLabels } from './labels';
import { makeProblem, type ProblemKind, type SyntheticProblem } from './problems';
import { createRng, fill } from './prng';
import { formatNumber, type ErrorKind } from './steps';
import { TEMPLATE_FAMILIES, type FamilyId } from './templates';

export interface SyntheticOptions {
  seed: number;
  family?: FamilyId;
  kinds?: readonly ProblemKind[];
  errorKinds?: readonly ErrorKind[];
  /** Probability that a trace gets an injected error (default 0.5). */
  errorRate?: number;
  /** Probability that an injected error is later repaired (default 0.5). */
  repairRate?: number;
  /** Probability of an abandoned first attempt (default 0.3). */
  abandonRate?: number;
  /** Probability of an affirming reflection after a correct step (default 0.15). */
  reflectRate?: number;
}

export interface SyntheticTrace {
  record: TraceRecord;
  labels: SyntheticLabels;
}

const ALL_KINDS: readonly ProblemKind[] = ['arithmetic', 'algebra', 'word'];
const ALL_ERRORS: readonly ErrorKind[] = ['wrong-result', 'wrong-sign', 'dropped-term'];

interface Assembly {
  ctx: ApproachContext;
  problem: SyntheticProblem;
  sections: LabelledSection[];
  approaches: LabelledApproach[];
  errors: LabelledError[];
}

function openSection(a: Assembly, label: MacroLabel): void {
  const section: LabelledSection = { label, charStart: -1, charEnd: -1 };
  a.sections.push(section);
  a.ctx.sink.onNextSentence = (charStart) => {
    section.charStart = charStart;
  };
}

function addApproach(a: Assembly, approach: Omit<LabelledApproach, 'charEnd'>): void {
  a.approaches.push({ ...approach, charEnd: a.ctx.sink.text.length });
}

function abandonedAttempt(a: Assembly): void {
  const { ctx, problem } = a;
  const charStart = appendSentence(ctx, fill(ctx.rng.pick(ctx.family.abandonOpener), { method: problem.abandonMethod }));
  const firstStep = problem.check(1).slice(0, 1);
  renderApproach(ctx, firstStep, null);
  appendSentence(ctx, ctx.rng.pick(ctx.family.abandon));
  addApproach(a, { charStart, label1: 'Incomplete', section: 'Solution_Explore', method: 'abandoned', redundantOf: null, answer: null });
}

function mainApproach(a: Assembly, options: Required<Omit<SyntheticOptions, 'family' | 'kinds' | 'seed'>>): number {
  const { ctx, problem } = a;
  const hasError = ctx.rng.chance(options.errorRate);
  const plan = hasError
    ? planError(problem.steps, ctx.rng.pick(options.errorKinds), ctx.rng.chance(options.repairRate), ctx.rng)
    : null;
  const charStart = appendSentence(ctx, ctx.rng.pick(ctx.family.opener));
  const result = renderApproach(ctx, problem.steps, plan);
  const answer = formatNumber(result.finalValue);
  appendSentence(ctx, fill(ctx.rng.pick(ctx.family.firstAnswer), { answer }));
  const label1 = result.finalValue === problem.answer ? 'Correct' : 'Incorrect';
  const index = a.approaches.length;
  addApproach(a, { charStart, label1, section: 'Solution_Explore', method: 'main', redundantOf: null, answer });
  if (result.error) a.errors.push({ ...result.error, approachIndex: index });
  return result.finalValue;
}

function verification(a: Assembly, found: number, mainIndex: number): void {
  const { ctx, problem } = a;
  const trusted = a.errors.every((error) => error.repaired);
  // Clean traces also end with a brief check sometimes, so the style of the verification never
  // gives away whether an error went unnoticed.
  if (!trusted || ctx.rng.chance(0.3)) {
    appendSentence(ctx, ctx.rng.pick(ctx.family.shallowVerify));
    return;
  }
  const redo = ctx.rng.chance(0.5);
  const check = !redo || ctx.rng.chance(0.5);
  if (redo) {
    const charStart = appendSentence(ctx, ctx.rng.pick(ctx.family.redoOpener));
    const result = renderApproach(ctx, problem.steps, null);
    const answer = formatNumber(result.finalValue);
    addApproach(a, { charStart, label1: 'Correct', section: 'Verify', method: 'main', redundantOf: mainIndex, answer });
  }
  if (check) {
    const charStart = appendSentence(ctx, ctx.rng.pick(ctx.family.checkOpener));
    renderApproach(ctx, problem.check(found), null);
    appendSentence(ctx, fill(ctx.rng.pick(ctx.family.agree), { answer: formatNumber(found) }));
    addApproach(a, { charStart, label1: 'Correct', section: 'Verify', method: 'check', redundantOf: null, answer: formatNumber(found) });
  }
}

function closeSections(sections: LabelledSection[], charLength: number): void {
  sections.forEach((section, index) => {
    section.charEnd = sections[index + 1]?.charStart ?? charLength;
  });
  if (sections[0]) sections[0].charStart = 0;
}

/** One trace; the same options always give the same trace. */
export function generateTrace(options: SyntheticOptions): SyntheticTrace {
  const family = TEMPLATE_FAMILIES[options.family ?? 'train'];
  const rng = createRng(options.seed);
  const settings = {
    errorKinds: options.errorKinds ?? ALL_ERRORS,
    errorRate: options.errorRate ?? 0.5,
    repairRate: options.repairRate ?? 0.5,
    abandonRate: options.abandonRate ?? 0.3,
    reflectRate: options.reflectRate ?? 0.15,
  };
  const problem = makeProblem(rng.pick(options.kinds ?? ALL_KINDS), rng, family.id);
  const ctx: ApproachContext = { sink: { text: '', onNextSentence: null }, rng, family, reflectRate: settings.reflectRate };
  const a: Assembly = { ctx, problem, sections: [], approaches: [], errors: [] };
  openSection(a, 'Question_Repeat');
  appendSentence(ctx, fill(rng.pick(family.restate), { task: problem.task }));
  if (rng.chance(0.4)) {
    openSection(a, 'Problem_Understand');
    appendSentence(ctx, rng.pick(family.understand));
  }
  openSection(a, 'Solution_Explore');
  if (rng.chance(settings.abandonRate)) abandonedAttempt(a);
  const found = mainApproach(a, settings);
  openSection(a, 'Verify');
  verification(a, found, a.approaches.length - 1);
  openSection(a, 'Conclusion');
  appendSentence(ctx, fill(rng.pick(family.conclusion), { answer: formatNumber(found) }));
  const reasoning = ctx.sink.text;
  closeSections(a.sections, reasoning.length);
  return buildTrace(options.seed, a, reasoning, found);
}

function buildTrace(seed: number, a: Assembly, reasoning: string, found: number): SyntheticTrace {
  const finalAnswer = formatNumber(found);
  const answer = fill(a.ctx.rng.pick(a.ctx.family.answer), { answer: finalAnswer });
  const completion = `${reasoning}\n</think>\n\n${answer}`;
  const answerStart = completion.length - answer.length;
  const record: TraceRecord = {
    id: `synthetic-${a.ctx.family.id}-${seed}`,
    layout: 'trellis-synthetic',
    source: { file: 'synthetic', row: seed },
    problem: a.problem.text,
    reference: formatNumber(a.problem.answer),
    referenceSolution: null,
    completion,
    reasoningSpan: { charStart: 0, charEnd: reasoning.length },
    answerSpan: { charStart: answerStart, charEnd: completion.length },
    reasoning,
    answer,
    flags: { truncated: false, missingOpenTag: true, multipleThinkBlocks: false },
    extra: {},
  };
  const labels: SyntheticLabels = {
    seed,
    family: a.ctx.family.id,
    problemKind: a.problem.kind,
    reference: formatNumber(a.problem.answer),
    finalAnswer,
    finalCorrect: found === a.problem.answer,
    sections: a.sections,
    approaches: a.approaches,
    errors: a.errors,
  };
  return { record, labels };
}

/** `count` traces with seeds `seed`, `seed + 1`, … */
export function generateTraces(count: number, options: SyntheticOptions): SyntheticTrace[] {
  return Array.from({ length: count }, (_, index) => generateTrace({ ...options, seed: options.seed + index }));
}
