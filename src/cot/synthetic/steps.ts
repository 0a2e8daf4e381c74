// One computation step of a synthetic solution ("7 × 8 = 56"), renderable correctly or with an
// injected error whose exact character span is known. Steps refer to earlier steps' values, so a
// wrong intermediate result propagates through the rest of an approach.
import type { Rng } from './prng';

export type ErrorKind = 'wrong-result' | 'wrong-sign' | 'dropped-term';
export type StepMode = 'ok' | ErrorKind;
export type Operand = { value: number } | { step: number };

export interface Term {
  sign: 1 | -1;
  operand: Operand;
}

export interface StepRender {
  text: string;
  value: number;
  /** Error span relative to `text`; -1 when the step is rendered correctly. */
  errorCharStart: number;
  errorCharEnd: number;
}

export interface Step {
  errorModes: readonly ErrorKind[];
  /** Correct value given the (possibly wrong) values of earlier steps. */
  compute(values: readonly number[]): number;
  /** Just the expression, as written when the step is redone ("7 × 8"). */
  expression(values: readonly number[]): string;
  render(values: readonly number[], mode: StepMode, lead: string, rng: Rng): StepRender;
}

export function formatNumber(value: number): string {
  if (Number.isInteger(value)) return String(value);
  for (let denominator = 2; denominator <= 1000; denominator++) {
    const numerator = Math.round(value * denominator);
    if (Math.abs(numerator / denominator - value) < 1e-9) return `${numerator}/${denominator}`;
  }
  return value.toFixed(3);
}

function operandValue(operand: Operand, values: readonly number[]): number {
  return 'value' in operand ? operand.value : (values[operand.step] ?? Number.NaN);
}

/** A plausible slip: off by one or two, off by ten, or neighbouring digits swapped. */
export function wrongValue(correct: number, rng: Rng): number {
  const options = [correct + 1, correct - 1, correct + 2, correct - 2, correct + 10, correct - 10];
  const digits = String(Math.abs(correct));
  if (Number.isInteger(correct) && digits.length >= 2 && digits[0] !== digits[1]) {
    options.push(Number(`${digits[1]}${digits[0]}${digits.slice(2)}`) * Math.sign(correct));
  }
  const valid = options.filter((option) => option !== correct && option > 0);
  return valid.length > 0 ? rng.pick(valid) : correct + 1;
}

function joinTerms(terms: readonly Term[], values: readonly number[]): string {
  return terms
    .map((term, index) => {
      const text = formatNumber(operandValue(term.operand, values));
      if (index === 0) return term.sign < 0 ? `-${text}` : text;
      return `${term.sign < 0 ? ' - ' : ' + '}${text}`;
    })
    .join('');
}

function sumTerms(terms: readonly Term[], values: readonly number[]): number {
  return terms.reduce((total, term) => total + term.sign * operandValue(term.operand, values), 0);
}

function finish(lead: string, expression: string, resultText: string, value: number): StepRender {
  return { text: `${lead}${expression} = ${resultText}.`, value, errorCharStart: -1, errorCharEnd: -1 };
}

/** Renders `lead expression = result.` with a wrong result; the span is the result number. */
function withWrongResult(lead: string, expression: string, correct: number, rng: Rng): StepRender {
  const value = wrongValue(correct, rng);
  const render = finish(lead, expression, formatNumber(value), value);
  const charStart = lead.length + expression.length + 3;
  return { ...render, errorCharStart: charStart, errorCharEnd: charStart + formatNumber(value).length };
}

/** a ± b ± c …: may get a wrong result, a flipped sign, or a dropped last term. */
export function combineStep(terms: readonly Term[]): Step {
  const modes: ErrorKind[] = ['wrong-result', 'wrong-sign'];
  if (terms.length >= 3) modes.push('dropped-term');
  return {
    errorModes: modes,
    compute: (values) => sumTerms(terms, values),
    expression: (values) => joinTerms(terms, values),
    render(values, mode, lead, rng) {
      const expression = joinTerms(terms, values);
      if (mode === 'wrong-result') return withWrongResult(lead, expression, sumTerms(terms, values), rng);
      if (mode === 'wrong-sign') return renderFlippedSign(terms, values, lead, rng);
      if (mode === 'dropped-term') return renderDroppedTerm(terms, values, lead);
      const value = sumTerms(terms, values);
      return finish(lead, expression, formatNumber(value), value);
    },
  };
}

function renderFlippedSign(terms: readonly Term[], values: readonly number[], lead: string, rng: Rng): StepRender {
  const flipIndex = rng.int(1, terms.length - 1);
  const flipped = terms.map((term, index) => (index === flipIndex ? { ...term, sign: (-term.sign) as 1 | -1 } : term));
  const value = sumTerms(flipped, values);
  const expression = joinTerms(flipped, values);
  const prefix = joinTerms(flipped.slice(0, flipIndex), values);
  const charStart = lead.length + prefix.length + 1;
  return { ...finish(lead, expression, formatNumber(value), value), errorCharStart: charStart, errorCharEnd: charStart + 1 };
}

function renderDroppedTerm(terms: readonly Term[], values: readonly number[], lead: string): StepRender {
  const kept = terms.slice(0, -1);
  const value = sumTerms(kept, values);
  const expression = joinTerms(kept, values);
  // The error starts where the missing term should have been written.
  const charStart = lead.length + expression.length;
  const render = finish(lead, expression, formatNumber(value), value);
  return { ...render, errorCharStart: charStart, errorCharEnd: render.text.length - 1 };
}

function binaryStep(symbol: string, apply: (a: number, b: number) => number, a: Operand, b: Operand): Step {
  const expression = (values: readonly number[]): string =>
    `${formatNumber(operandValue(a, values))} ${symbol} ${formatNumber(operandValue(b, values))}`;
  const compute = (values: readonly number[]): number => apply(operandValue(a, values), operandValue(b, values));
  return {
    errorModes: ['wrong-result'],
    compute,
    expression,
    render(values, mode, lead, rng) {
      if (mode === 'wrong-result') return withWrongResult(lead, expression(values), compute(values), rng);
      return finish(lead, expression(values), formatNumber(compute(values)), compute(values));
    },
  };
}

export const productStep = (a: Operand, b: Operand): Step => binaryStep('×', (x, y) => x * y, a, b);
export const quotientStep = (a: Operand, b: Operand): Step => binaryStep('/', (x, y) => x / y, a, b);
export const constant = (value: number): Operand => ({ value });
export const fromStep = (step: number): Operand => ({ step });
