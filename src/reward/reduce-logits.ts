// CPU reference for the per-position logits reduction: the Node path uses it directly and the WGSL
// kernel in src/gpu is checked against it. Works in float64 internally so it is the accurate side.
import type { ReducedChunk } from './ports.ts';

/** Allocates an empty reduction for `positions` rows of top-k. */
export function emptyReducedChunk(positions: number, topK: number): ReducedChunk {
  return {
    logprob: new Float32Array(positions),
    entropy: new Float32Array(positions),
    rank: new Int32Array(positions),
    topIds: new Int32Array(positions * topK),
    topLogprobs: new Float32Array(positions * topK),
  };
}

/**
 * Reduces row-major logits [positions, vocabSize] to log p(target), entropy (nats), the target's rank
 * (count of logits strictly greater) and the top-k (log-prob descending, ties by lower id).
 * A target of -1 gives logprob NaN and rank -1; entropy and top-k are still computed.
 */
export function reduceLogitsCpu(
  logits: Float32Array, positions: number, vocabSize: number, targets: Int32Array, topK: number,
): ReducedChunk {
  if (logits.length < positions * vocabSize) {
    throw new Error(`reduceLogitsCpu: logits has ${logits.length} values, expected ${positions} × ${vocabSize}`);
  }
  if (targets.length < positions) throw new Error(`reduceLogitsCpu: ${targets.length} targets for ${positions} positions`);
  const k = Math.min(topK, vocabSize);
  const out = emptyReducedChunk(positions, topK);
  const topIds = new Int32Array(k);
  const topValues = new Float32Array(k);
  for (let p = 0; p < positions; p++) {
    const offset = p * vocabSize;
    const row = logits.subarray(offset, offset + vocabSize);
    const { lse, entropy } = logSumExpAndEntropy(row);
    out.entropy[p] = entropy;
    const target = targets[p];
    const hasTarget = target >= 0 && target < vocabSize;
    out.logprob[p] = hasTarget ? row[target] - lse : Number.NaN;
    out.rank[p] = selectTopK(row, topIds, topValues, hasTarget ? row[target] : Number.NaN);
    for (let j = 0; j < topK; j++) {
      out.topIds[p * topK + j] = j < k ? topIds[j] : -1;
      out.topLogprobs[p * topK + j] = j < k ? topValues[j] - lse : Number.NEGATIVE_INFINITY;
    }
  }
  return out;
}

/**
 * logsumexp and entropy in two passes: H = lse - Σ p·x with p = exp(x - lse), from the sums
 * S0 = Σ exp(x - max) and S1 = Σ exp(x - max)·x. Entries at -Infinity have p = 0 and are skipped.
 */
function logSumExpAndEntropy(row: Float32Array): { lse: number; entropy: number } {
  let max = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < row.length; i++) if (row[i] > max) max = row[i];
  if (max === Number.NEGATIVE_INFINITY) return { lse: max, entropy: Number.NaN };
  let s0 = 0;
  let s1 = 0;
  for (let i = 0; i < row.length; i++) {
    const x = row[i];
    if (x === Number.NEGATIVE_INFINITY) continue;
    const e = Math.exp(x - max);
    s0 += e;
    s1 += e * x;
  }
  const lse = max + Math.log(s0);
  return { lse, entropy: lse - s1 / s0 };
}

/**
 * Keeps the k best (value desc, id asc) in sorted order with an insertion pass (k is small), and in
 * the same pass counts the entries strictly greater than `targetValue` (its rank; -1 for NaN).
 */
function selectTopK(row: Float32Array, ids: Int32Array, values: Float32Array, targetValue: number): number {
  const k = ids.length;
  let filled = 0;
  let greater = 0;
  for (let i = 0; i < row.length; i++) {
    const x = row[i];
    if (x > targetValue) greater++;
    if (filled === k && !(x > values[k - 1])) continue; // equal value loses to the lower id already held
    let slot = filled < k ? filled++ : k - 1;
    while (slot > 0 && x > values[slot - 1]) {
      values[slot] = values[slot - 1];
      ids[slot] = ids[slot - 1];
      slot--;
    }
    values[slot] = x;
    ids[slot] = i;
  }
  return Number.isNaN(targetValue) ? -1 : greater;
}
