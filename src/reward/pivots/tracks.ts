// Token tracks derived from LM scores (one number per token, aligned with TokenScores: entry t
// describes token t given tokens < t; token 0 is NaN).
import type { TokenScores } from '../ports.ts';

export type TrackKind = 'reward' | 'implicit' | 'entropy' | 'surprisal' | 'kl' | 'imported';

/** Surprisal −log p(y_t) in nats. */
export function surprisalTrack(scores: Pick<TokenScores, 'logprob'>): Float32Array {
  return scores.logprob.map((lp) => -lp);
}

/** Predictive entropy H_t in nats (a copy, so callers may edit it). */
export function entropyTrack(scores: Pick<TokenScores, 'entropy'>): Float32Array {
  return scores.entropy.slice();
}

function checkAligned(policy: ArrayLike<number>, reference: ArrayLike<number>): void {
  if (policy.length !== reference.length) {
    throw new RangeError(`policy and reference tracks differ in length (${policy.length} vs ${reference.length} tokens): were they tokenized alike?`);
  }
}

/** Implicit process reward per token: β·(log π(y_t) − log π_ref(y_t)). */
export function implicitRewardTrack(policyLogprob: ArrayLike<number>, refLogprob: ArrayLike<number>, beta: number): Float32Array {
  checkAligned(policyLogprob, refLogprob);
  const out = new Float32Array(policyLogprob.length);
  for (let t = 0; t < out.length; t++) out[t] = beta * (policyLogprob[t] - refLogprob[t]);
  return out;
}

/**
 * Per-token estimate of KL(π ‖ π_ref) for tokens sampled from π. 'k1' is log π − log π_ref
 * (unbiased, can be negative); 'k3' is (ρ − 1) − log ρ with ρ = π_ref/π (unbiased, never negative).
 */
export function klEstimateTrack(policyLogprob: ArrayLike<number>, refLogprob: ArrayLike<number>, estimator: 'k1' | 'k3' = 'k3'): Float32Array {
  checkAligned(policyLogprob, refLogprob);
  const out = new Float32Array(policyLogprob.length);
  for (let t = 0; t < out.length; t++) {
    const logRatio = refLogprob[t] - policyLogprob[t];
    out[t] = estimator === 'k1' ? -logRatio : Math.expm1(logRatio) - logRatio;
  }
  return out;
}

export interface TokenSpan {
  tokenStart: number;
  tokenEnd: number;
}

/** Sum of the finite values of a track over each span (e.g. implicit reward per DLCoT step). */
export function sumPerSpan(values: ArrayLike<number>, spans: readonly TokenSpan[]): number[] {
  return spans.map((span) => {
    let sum = 0;
    for (let t = Math.max(0, span.tokenStart); t < Math.min(values.length, span.tokenEnd); t++) {
      if (Number.isFinite(values[t])) sum += values[t];
    }
    return sum;
  });
}
