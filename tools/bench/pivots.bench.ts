// Pivot detection throughput on long synthetic reward tracks (tokens/s), with smoothing,
// hysteresis and minLen merging, against a baseline in the same run: the bare sign-change scan.
import { detectPivots } from '../../src/reward/pivots/detect.ts';
import { snapRuns } from '../../src/reward/pivots/snapping.ts';
import { detectRuns } from '../../src/reward/pivots/detect.ts';
import { createRng } from '../../src/cot/synthetic/prng.ts';

const TOKENS = 32_768;
const TRACES = 16;

/** A random walk with noise: long runs plus many short excursions, like real per-token rewards. */
function makeTrack(seed: number): Float32Array {
  const rng = createRng(seed);
  const track = new Float32Array(TOKENS);
  let level = 0;
  for (let t = 0; t < TOKENS; t++) {
    level = 0.98 * level + 0.2 * (rng.next() - 0.5);
    track[t] = level + 0.3 * (rng.next() - 0.5);
  }
  return track;
}

function baselineScan(values: Float32Array): number {
  let pivots = 0;
  for (let t = 1; t < values.length; t++) if ((values[t] > 0) !== (values[t - 1] > 0)) pivots++;
  return pivots;
}

function time(label: string, run: () => number): number {
  run(); // warm-up
  const started = performance.now();
  let sink = 0;
  for (let i = 0; i < 3; i++) sink += run();
  const durationMs = (performance.now() - started) / 3;
  const tokensPerSecond = (TOKENS * TRACES) / (durationMs / 1000);
  console.log(`${label.padEnd(50)} ${durationMs.toFixed(1).padStart(8)} ms  ${(tokensPerSecond / 1e6).toFixed(2).padStart(7)} M tokens/s  (pivots ${Math.round(sink / 3)})`);
  return durationMs;
}

const tracks = Array.from({ length: TRACES }, (_, i) => makeTrack(i + 1));
const flags = new Uint8Array(TOKENS).map((_, t) => (t % 4 === 0 ? 1 : 0));
console.log(`${TRACES} tracks × ${TOKENS} tokens`);
const base = time('baseline: bare sign-change scan', () => tracks.reduce((n, tr) => n + baselineScan(tr), 0));
const defaults = time('detectPivots, defaults (b=0, w=1, h=0, minLen=1)', () => tracks.reduce((n, tr) => n + detectPivots(tr, 1).pivots.length, 0));
const tuned = time('detectPivots, w=9, h=0.05, minLen=8', () => tracks.reduce((n, tr) => n + detectPivots(tr, 1, { window: 9, hysteresis: 0.05, minLen: 8 }).pivots.length, 0));
const merge = time('detectRuns, minLen=64 (heavy merging)', () => tracks.reduce((n, tr) => n + detectRuns(tr, { minLen: 64 }).length - 1, 0));
const snapped = time('detectRuns + snapRuns(word, 4)', () => tracks.reduce((n, tr) => n + snapRuns(detectRuns(tr), flags, 4).length - 1, 0));
console.log(`ratio vs baseline: defaults ${(defaults / base).toFixed(1)}×, tuned ${(tuned / base).toFixed(1)}×, heavy merge ${(merge / base).toFixed(1)}×, snapped ${(snapped / base).toFixed(1)}× the time`);
