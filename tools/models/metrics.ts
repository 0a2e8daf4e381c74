// Evaluation metrics for the bundled models: perplexity, pivots of a reward track, error
// localisation, false pivots and a rank-based AUROC.

/** exp(mean negative log-likelihood) over the finite log-probs. */
export function perplexity(logprobs: ArrayLike<number>): number {
  let sum = 0;
  let count = 0;
  for (let i = 0; i < logprobs.length; i++) {
    const value = logprobs[i] as number;
    if (Number.isFinite(value)) {
      sum -= value;
      count++;
    }
  }
  return count === 0 ? Number.NaN : Math.exp(sum / count);
}

/** Token indices t >= 1 where the reward crosses the baseline downwards (r[t-1] >= b > r[t]). */
export function negativePivots(rewards: ArrayLike<number>, baseline = 0): number[] {
  const pivots: number[] = [];
  for (let t = 1; t < rewards.length; t++) {
    if ((rewards[t - 1] as number) >= baseline && (rewards[t] as number) < baseline) pivots.push(t);
  }
  return pivots;
}

/** Whether the first downward pivot lies in [errorToken, errorToken + windowTokens]. */
export function pivotLocalised(rewards: ArrayLike<number>, errorToken: number, windowTokens = 8): boolean {
  const first = negativePivots(rewards)[0];
  return first !== undefined && first >= errorToken && first <= errorToken + windowTokens;
}

/** Area under the ROC curve of `scores` for `positives` (ties count one half). */
export function auroc(scores: ArrayLike<number>, positives: ArrayLike<boolean>): number {
  const order = Array.from({ length: scores.length }, (_, i) => i).sort((a, b) => (scores[a] as number) - (scores[b] as number));
  let positiveCount = 0;
  let rankSum = 0;
  for (let i = 0; i < order.length; ) {
    let j = i;
    while (j + 1 < order.length && scores[order[j + 1] as number] === scores[order[i] as number]) j++;
    const averageRank = (i + j) / 2 + 1;
    for (let k = i; k <= j; k++) {
      if (positives[order[k] as number]) {
        positiveCount++;
        rankSum += averageRank;
      }
    }
    i = j + 1;
  }
  const negativeCount = order.length - positiveCount;
  if (positiveCount === 0 || negativeCount === 0) return Number.NaN;
  return (rankSum - (positiveCount * (positiveCount + 1)) / 2) / (positiveCount * negativeCount);
}

export function mean(values: readonly number[]): number {
  const finite = values.filter(Number.isFinite);
  return finite.length === 0 ? Number.NaN : finite.reduce((a, b) => a + b, 0) / finite.length;
}

/** Index of the token whose [charStart, charEnd) holds `charIndex` (the last token if past the end). */
export function tokenAtChar(charStart: ArrayLike<number>, charEnd: ArrayLike<number>, charIndex: number): number {
  for (let t = 0; t < charStart.length; t++) {
    if ((charEnd[t] as number) > charIndex) return t;
  }
  return charStart.length - 1;
}
