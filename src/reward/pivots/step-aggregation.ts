// Step-level aggregation of a token track: per DLCoT step or per pivot subsequence, the mean and
// min reward, and a PRM-style solution score as the product of step probabilities.
import type { TokenSpan } from './tracks.ts';
import { finiteMean } from './smoothing.ts';

export interface StepAggregateOptions {
  /** Which value stands for the step when turned into a probability (PRMs read the step's end). */
  probabilityFrom: 'last' | 'mean' | 'min';
  /**
   * 'logits' → σ(value); 'probabilities' → used as is (clamped to [0, 1]); 'tanh-half' → values are
   * tanh(logit / 2) = 2σ(logit) − 1 (the bundled reward model's output), so p = (value + 1) / 2.
   */
  valuesAre: 'logits' | 'probabilities' | 'tanh-half';
}

export interface StepAggregate extends TokenSpan {
  /** Sum of the finite values (the implicit process reward of the step for an implicit track). */
  sum: number;
  mean: number;
  min: number;
  /** Last finite value of the step (NaN when none). */
  last: number;
  probability: number;
}

export interface StepSummary {
  steps: StepAggregate[];
  /** Π probability over steps with a finite probability (1 for no steps). */
  product: number;
  /** Σ log probability: the same, safe from underflow on long traces. */
  logProduct: number;
}

const DEFAULTS: StepAggregateOptions = { probabilityFrom: 'last', valuesAre: 'logits' };

function sigmoid(x: number): number {
  return x >= 0 ? 1 / (1 + Math.exp(-x)) : Math.exp(x) / (1 + Math.exp(x));
}

function toProbability(value: number, valuesAre: StepAggregateOptions['valuesAre']): number {
  if (valuesAre === 'logits') return sigmoid(value);
  const p = valuesAre === 'tanh-half' ? (value + 1) / 2 : value;
  return Math.min(1, Math.max(0, p));
}

function aggregateOne(values: ArrayLike<number>, span: TokenSpan, o: StepAggregateOptions): StepAggregate {
  let min = Number.POSITIVE_INFINITY;
  let last = Number.NaN;
  let sum = 0;
  const end = Math.min(values.length, span.tokenEnd);
  for (let t = Math.max(0, span.tokenStart); t < end; t++) {
    if (!Number.isFinite(values[t])) continue;
    min = Math.min(min, values[t]);
    last = values[t];
    sum += values[t];
  }
  const mean = finiteMean(values, Math.max(0, span.tokenStart), end);
  if (!Number.isFinite(min)) min = Number.NaN;
  const source = o.probabilityFrom === 'last' ? last : o.probabilityFrom === 'mean' ? mean : min;
  const probability = toProbability(source, o.valuesAre);
  return { tokenStart: span.tokenStart, tokenEnd: span.tokenEnd, sum, mean, min, last, probability };
}

export function aggregateSteps(values: ArrayLike<number>, spans: readonly TokenSpan[], options: Partial<StepAggregateOptions> = {}): StepSummary {
  const o = { ...DEFAULTS, ...options };
  const steps = spans.map((span) => aggregateOne(values, span, o));
  let logProduct = 0;
  for (const step of steps) if (Number.isFinite(step.probability)) logProduct += Math.log(step.probability);
  return { steps, product: Math.exp(logProduct), logProduct };
}
