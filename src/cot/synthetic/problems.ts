// Problem generators: arithmetic, linear algebra and word problems, each as a chain of steps plus
// a second, different method used when the trace verifies its answer.
import { fill, type Rng } from './prng';
import { combineStep, constant, fromStep, productStep, quotientStep, type Step } from './steps';
import type { FamilyId } from './templates';
import { pickScenario } from './word-scenarios';

export type ProblemKind = 'arithmetic' | 'algebra' | 'word';

export interface SyntheticProblem {
  kind: ProblemKind;
  /** The problem statement (TraceRecord.problem). */
  text: string;
  /** Fills "I need to {task}" in the restatement. */
  task: string;
  /** Method named when an abandoned first attempt starts ("guess values of x"). */
  abandonMethod: string;
  steps: readonly Step[];
  /** Steps of a different method that re-derives or checks `answer`. */
  check(answer: number): readonly Step[];
  /** The reference answer. */
  answer: number;
}

const plus = (operand: ReturnType<typeof constant>) => ({ sign: 1 as const, operand });
const minus = (operand: ReturnType<typeof constant>) => ({ sign: -1 as const, operand });

function arithmetic(rng: Rng): SyntheticProblem {
  const [a, b, c, d] = [rng.int(2, 9), rng.int(2, 9), rng.int(2, 9), rng.int(2, 9)];
  const e = rng.int(1, a * b + c * d - 1);
  const text = `Compute $${a} \\times ${b} + ${c} \\times ${d} - ${e}$.`;
  return {
    kind: 'arithmetic',
    text,
    task: `compute ${a} × ${b} + ${c} × ${d} - ${e}`,
    abandonMethod: 'group the numbers in a clever way first',
    steps: [
      productStep(constant(a), constant(b)),
      productStep(constant(c), constant(d)),
      combineStep([plus(fromStep(0)), plus(fromStep(1)), minus(constant(e))]),
    ],
    check: () => [
      productStep(constant(d), constant(c)),
      productStep(constant(b), constant(a)),
      combineStep([plus(fromStep(0)), minus(constant(e)), plus(fromStep(1))]),
    ],
    answer: a * b + c * d - e,
  };
}

function algebra(rng: Rng): SyntheticProblem {
  const a = rng.int(3, 9);
  const c = rng.int(1, a - 1);
  const x = rng.int(1, 12);
  const b = rng.int(1, 20);
  const d = (a - c) * x + b;
  return {
    kind: 'algebra',
    text: `Solve for $x$: $${a}x + ${b} = ${c}x + ${d}$.`,
    task: `solve ${a}x + ${b} = ${c}x + ${d} for x`,
    abandonMethod: 'guess values of x and see which one works',
    steps: [
      combineStep([plus(constant(a)), minus(constant(c))]),
      combineStep([plus(constant(d)), minus(constant(b))]),
      quotientStep(fromStep(1), fromStep(0)),
    ],
    // Substitution: both sides must agree at the found x.
    check: (found) => [
      productStep(constant(a), constant(found)),
      combineStep([plus(fromStep(0)), plus(constant(b))]),
      productStep(constant(c), constant(found)),
      combineStep([plus(fromStep(2)), plus(constant(d))]),
    ],
    answer: x,
  };
}

function word(rng: Rng, family: FamilyId): SyntheticProblem {
  const scenario = pickScenario(rng, family);
  const [a, b, d] = [rng.int(2, 9), rng.int(2, 9), rng.int(2, 9)];
  const c = scenario.shape === 'product-minus' ? rng.int(1, a * b - 1) : rng.int(2, 9);
  const vars = { a, b, c, d };
  const sign = scenario.shape === 'product-minus' ? minus : plus;
  const twoProducts = scenario.shape === 'two-products';
  const steps = twoProducts
    ? [productStep(constant(a), constant(b)), productStep(constant(c), constant(d)), combineStep([plus(fromStep(0)), plus(fromStep(1))])]
    : [productStep(constant(a), constant(b)), combineStep([plus(fromStep(0)), sign(constant(c))])];
  const check = (): Step[] =>
    twoProducts
      ? [productStep(constant(d), constant(c)), productStep(constant(b), constant(a)), combineStep([plus(fromStep(0)), plus(fromStep(1))])]
      : [productStep(constant(b), constant(a)), combineStep([plus(fromStep(0)), sign(constant(c))])];
  const answer = twoProducts ? a * b + c * d : a * b + (scenario.shape === 'product-minus' ? -c : c);
  return {
    kind: 'word',
    text: fill(scenario.text, vars),
    task: fill(scenario.task, vars),
    abandonMethod: 'count everything one by one',
    steps,
    check,
    answer,
  };
}

export function makeProblem(kind: ProblemKind, rng: Rng, family: FamilyId): SyntheticProblem {
  if (kind === 'arithmetic') return arithmetic(rng);
  if (kind === 'algebra') return algebra(rng);
  return word(rng, family);
}
