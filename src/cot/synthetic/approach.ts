// Renders one approach (a chain of steps) into a growing text, optionally with one injected error
// that is repaired right away, one step later, or never.
import { fill, type Rng } from './prng';
import type { LabelledError } from './labels';
import { formatNumber, type ErrorKind, type Step } from './steps';
import type { TemplateFamily } from './templates';

export interface TextSink {
  text: string;
  /** Called with the charStart of the next sentence appended (used to open sections). */
  onNextSentence: ((charStart: number) => void) | null;
}

export interface ErrorPlan {
  kind: ErrorKind;
  stepIndex: number;
  repaired: boolean;
  /** Steps rendered on top of the wrong value before the repair (0 or 1). */
  repairDelaySteps: number;
}

export interface ApproachContext {
  sink: TextSink;
  rng: Rng;
  family: TemplateFamily;
  /** Probability of an affirming "Wait, …" reflection after a correct step. */
  reflectRate: number;
}

export interface ApproachResult {
  values: number[];
  finalValue: number;
  error: Omit<LabelledError, 'approachIndex'> | null;
}

/** Appends a sentence after a space or a paragraph break and returns its charStart. */
export function appendSentence(ctx: ApproachContext, sentence: string): number {
  const sink = ctx.sink;
  if (sink.text.length > 0) sink.text += ctx.rng.chance(0.5) ? '\n\n' : ' ';
  const charStart = sink.text.length;
  sink.text += sentence;
  sink.onNextSentence?.(charStart);
  sink.onNextSentence = null;
  return charStart;
}

function leadFor(ctx: ApproachContext, index: number, count: number): string {
  const f = ctx.family;
  if (index === 0) return ctx.rng.pick(f.leadFirst);
  return ctx.rng.pick(index === count - 1 ? f.leadLast : f.leadNext);
}

/** Picks an error for these steps: the kind if some step allows it, else a wrong result. */
export function planError(steps: readonly Step[], kind: ErrorKind, repaired: boolean, rng: Rng): ErrorPlan {
  let candidates = steps.map((step, index) => (step.errorModes.includes(kind) ? index : -1)).filter((i) => i >= 0);
  let chosenKind = kind;
  if (candidates.length === 0) {
    chosenKind = 'wrong-result';
    candidates = steps.map((_, index) => index);
  }
  const stepIndex = rng.pick(candidates);
  const repairDelaySteps = repaired && stepIndex < steps.length - 1 && rng.chance(0.4) ? 1 : 0;
  return { kind: chosenKind, stepIndex, repaired, repairDelaySteps };
}

function renderStep(ctx: ApproachContext, steps: readonly Step[], index: number, values: number[], mode: ErrorKind | 'ok') {
  const step = steps[index] as Step;
  const render = step.render(values, mode, leadFor(ctx, index, steps.length), ctx.rng);
  const charStart = appendSentence(ctx, render.text);
  values[index] = render.value;
  return { render, charStart };
}

function maybeReflect(ctx: ApproachContext, step: Step, values: number[], index: number): void {
  if (ctx.rng.chance(0.1)) appendSentence(ctx, ctx.rng.pick(ctx.family.interject));
  if (!ctx.rng.chance(ctx.reflectRate)) return;
  const vars = { expression: step.expression(values), value: formatNumber(values[index] as number) };
  appendSentence(ctx, fill(ctx.rng.pick(ctx.family.reflectOk), vars));
}

export function renderApproach(ctx: ApproachContext, steps: readonly Step[], plan: ErrorPlan | null): ApproachResult {
  const values: number[] = [];
  let error: ApproachResult['error'] = null;
  for (let index = 0; index < steps.length; index++) {
    const step = steps[index] as Step;
    if (!plan || plan.stepIndex !== index) {
      renderStep(ctx, steps, index, values, 'ok');
      maybeReflect(ctx, step, values, index);
      continue;
    }
    const correct = step.compute(values);
    const { render, charStart } = renderStep(ctx, steps, index, values, plan.kind);
    const wrong = render.value;
    error = {
      kind: plan.kind,
      charStart: charStart + render.errorCharStart,
      charEnd: charStart + render.errorCharEnd,
      repaired: plan.repaired,
      repairCharStart: null,
      repairCharEnd: null,
    };
    if (!plan.repaired) continue;
    if (plan.repairDelaySteps > 0) renderStep(ctx, steps, index + 1, values, 'ok');
    const vars = { expression: step.expression(values), correct: formatNumber(correct), wrong: formatNumber(wrong) };
    error.repairCharStart = appendSentence(ctx, fill(ctx.rng.pick(ctx.family.repair), vars));
    error.repairCharEnd = ctx.sink.text.length;
    values[index] = correct;
  }
  return { values, finalValue: values[steps.length - 1] as number, error };
}
