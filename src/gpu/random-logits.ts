// Deterministic pseudo-random logits (mulberry32) for self-tests and benchmarks.
export function randomLogits(count: number, seed: number, scale = 8): Float32Array {
  let state = seed >>> 0;
  const out = new Float32Array(count);
  for (let i = 0; i < count; i++) {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    out[i] = (((t ^ (t >>> 14)) >>> 0) / 4294967296 - 0.5) * scale;
  }
  return out;
}

/** Targets spread over the vocabulary; the last position has none (-1). */
export function spreadTargets(positions: number, vocabSize: number): Int32Array {
  const targets = new Int32Array(positions);
  for (let p = 0; p < positions; p++) targets[p] = (p * 7919 + 13) % vocabSize;
  if (positions > 0) targets[positions - 1] = -1;
  return targets;
}
