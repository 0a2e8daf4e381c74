// High-entropy "forking" tokens (SPEC.md §2): the top ρ of a trace's tokens by entropy, or every
// token whose entropy exceeds τ nats.

export type ForkingRule = { kind: 'top'; rho: number } | { kind: 'threshold'; tau: number };

export const DEFAULT_FORKING_RHO = 0.2;
export const DEFAULT_FORKING_TAU = 0.672;
export const DEFAULT_FORKING_RULE: ForkingRule = { kind: 'top', rho: DEFAULT_FORKING_RHO };

/** Sorted token indices of forking tokens. NaN entries (token 0) are never forking tokens. */
export function forkingTokens(entropy: ArrayLike<number>, rule: ForkingRule = DEFAULT_FORKING_RULE): number[] {
  const finite: number[] = [];
  for (let t = 0; t < entropy.length; t++) if (Number.isFinite(entropy[t])) finite.push(t);
  if (rule.kind === 'threshold') return finite.filter((t) => entropy[t] > rule.tau);
  if (!(rule.rho >= 0 && rule.rho <= 1)) throw new RangeError(`rho must lie in [0, 1], got ${rule.rho}`);
  // Round to the nearest count; ties in entropy go to the earlier token so the result is stable.
  const count = Math.round(rule.rho * finite.length);
  const ranked = finite.slice().sort((a, b) => entropy[b] - entropy[a] || a - b);
  return ranked.slice(0, count).sort((a, b) => a - b);
}
