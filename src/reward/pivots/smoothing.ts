// Centred moving average of a token track. Centred (not trailing) so smoothing does not shift
// pivots to the right; NaN entries (e.g. token 0 of an LM track) are skipped, not propagated.

export function movingAverage(values: ArrayLike<number>, window: number): Float64Array {
  const length = values.length;
  const out = new Float64Array(length);
  const width = Math.max(1, Math.floor(window));
  if (width === 1) {
    for (let t = 0; t < length; t++) out[t] = values[t];
    return out;
  }
  const sums = new Float64Array(length + 1);
  const counts = new Int32Array(length + 1);
  for (let t = 0; t < length; t++) {
    const v = values[t];
    const finite = Number.isFinite(v);
    sums[t + 1] = sums[t] + (finite ? v : 0);
    counts[t + 1] = counts[t] + (finite ? 1 : 0);
  }
  const before = Math.floor((width - 1) / 2);
  const after = width - 1 - before;
  for (let t = 0; t < length; t++) {
    const lo = Math.max(0, t - before);
    const hi = Math.min(length, t + after + 1);
    const n = counts[hi] - counts[lo];
    out[t] = n > 0 ? (sums[hi] - sums[lo]) / n : Number.NaN;
  }
  return out;
}

/** Mean of the finite entries of values[start, end); NaN when there are none. */
export function finiteMean(values: ArrayLike<number>, start: number, end: number): number {
  let sum = 0;
  let n = 0;
  for (let t = start; t < end; t++) {
    const v = values[t];
    if (Number.isFinite(v)) { sum += v; n++; }
  }
  return n > 0 ? sum / n : Number.NaN;
}
