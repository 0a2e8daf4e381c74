// DPO loss preview for one preference pair: the margin Σ m_t (log π − log π_ref) of the chosen
// minus the rejected response, with the pivot mask (masked) and without it (unmasked).

export interface ResponseLogprobs {
  policy: ArrayLike<number>;
  reference: ArrayLike<number>;
  /** m_t from pivot detection; 1 = kept. */
  mask: ArrayLike<number>;
}

export interface DpoSide {
  chosen: number;
  rejected: number;
  /** β·(chosen − rejected). */
  margin: number;
  /** −log σ(margin). */
  loss: number;
}

export interface DpoPreview {
  beta: number;
  unmasked: DpoSide;
  masked: DpoSide;
  keptTokens: { chosen: number; rejected: number };
}

/** Σ_t m_t (log π − log π_ref), skipping NaN (token 0 has no log-prob). */
export function logRatioSum(response: ResponseLogprobs, useMask: boolean): number {
  const { policy, reference, mask } = response;
  if (policy.length !== reference.length || policy.length !== mask.length) {
    throw new RangeError(`policy, reference and mask lengths differ (${policy.length}, ${reference.length}, ${mask.length})`);
  }
  let sum = 0;
  for (let t = 0; t < policy.length; t++) {
    const ratio = policy[t] - reference[t];
    if ((!useMask || mask[t]) && Number.isFinite(ratio)) sum += ratio;
  }
  return sum;
}

/** −log σ(x), computed without overflow. */
export function negLogSigmoid(x: number): number {
  return x >= 0 ? Math.log1p(Math.exp(-x)) : -x + Math.log1p(Math.exp(x));
}

function side(chosen: number, rejected: number, beta: number): DpoSide {
  const margin = beta * (chosen - rejected);
  return { chosen, rejected, margin, loss: negLogSigmoid(margin) };
}

function keptCount(mask: ArrayLike<number>): number {
  let n = 0;
  for (let t = 0; t < mask.length; t++) if (mask[t]) n++;
  return n;
}

export function dpoLossPreview(chosen: ResponseLogprobs, rejected: ResponseLogprobs, beta = 0.1): DpoPreview {
  return {
    beta,
    unmasked: side(logRatioSum(chosen, false), logRatioSum(rejected, false), beta),
    masked: side(logRatioSum(chosen, true), logRatioSum(rejected, true), beta),
    keptTokens: { chosen: keptCount(chosen.mask), rejected: keptCount(rejected.mask) },
  };
}

/**
 * The same preview from implicit-reward tracks r_t = β·(log π − log π_ref) (what `--track implicit`
 * computes), so no log-probs need to be kept: Σ m (log π − log π_ref) = Σ m r_t / β.
 */
export function dpoPreviewFromImplicit(
  chosen: { track: ArrayLike<number>; mask: ArrayLike<number> },
  rejected: { track: ArrayLike<number>; mask: ArrayLike<number> },
  beta: number,
): DpoPreview {
  if (!(beta > 0)) throw new RangeError(`beta must be > 0, got ${beta}`);
  const asLogprobs = (side: { track: ArrayLike<number>; mask: ArrayLike<number> }): ResponseLogprobs => ({
    policy: Float64Array.from(side.track, (r) => r / beta),
    reference: new Float64Array(side.track.length),
    mask: side.mask,
  });
  return dpoLossPreview(asLogprobs(chosen), asLogprobs(rejected), beta);
}
