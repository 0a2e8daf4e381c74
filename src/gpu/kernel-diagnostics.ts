// Kernel self-test against the CPU reference and the post-processing comparison used by the
// diagnostics page and the benchmark: WGSL reduction + 52 B/token read-back vs download + JS reduce.
import { reduceLogitsCpu } from '../reward/reduce-logits.ts';
import type { ReducedChunk } from '../reward/ports.ts';
import type { ReduceTiming, SelfTestCase, SelfTestResult } from './engine-types.ts';
import { randomLogits, spreadTargets } from './random-logits.ts';
import { LogitsReduceKernel } from './reduce-logits-kernel.ts';

const TOLERANCE = 1e-4;
const TOP_K = 5;

export function uploadLogits(device: GPUDevice, logits: Float32Array): GPUBuffer {
  const buffer = device.createBuffer({ size: logits.byteLength, usage: GPUBufferUsage.STORAGE | GPUBufferUsage.COPY_DST | GPUBufferUsage.COPY_SRC });
  device.queue.writeBuffer(buffer, 0, logits.buffer, logits.byteOffset, logits.byteLength);
  return buffer;
}

export async function kernelSelfTest(device: GPUDevice): Promise<SelfTestResult> {
  const kernel = await LogitsReduceKernel.create(device);
  const cases: SelfTestCase[] = [];
  for (const [positions, vocabSize] of [[8, 1037], [4, 151_936]]) {
    const logits = randomLogits(positions * vocabSize, positions + vocabSize, 16);
    // Ties at the top and masked (-inf-ish) entries, the awkward cases for top-k and softmax.
    logits[3] = logits[vocabSize - 1] = 9;
    for (let i = 5; i < logits.length; i += 7) logits[i] = -1e30;
    const targets = spreadTargets(positions, vocabSize);
    const buffer = uploadLogits(device, logits);
    try {
      const gpu = await kernel.reduce({ buffer, positions, vocabSize }, targets, TOP_K);
      cases.push(compare(gpu, reduceLogitsCpu(logits, positions, vocabSize, targets, TOP_K), positions, vocabSize));
    } finally {
      buffer.destroy();
    }
  }
  return { passed: cases.every((c) => c.passed), tolerance: TOLERANCE, cases };
}

function compare(gpu: ReducedChunk, cpu: ReducedChunk, positions: number, vocabSize: number): SelfTestCase {
  let maxLogprobError = 0;
  let maxEntropyError = 0;
  for (let p = 0; p < positions; p++) {
    const bothNaN = Number.isNaN(cpu.logprob[p]) && Number.isNaN(gpu.logprob[p]);
    if (!bothNaN) maxLogprobError = Math.max(maxLogprobError, absError(gpu.logprob[p], cpu.logprob[p]));
    maxEntropyError = Math.max(maxEntropyError, absError(gpu.entropy[p], cpu.entropy[p]));
  }
  for (let i = 0; i < cpu.topLogprobs.length; i++) {
    maxLogprobError = Math.max(maxLogprobError, absError(gpu.topLogprobs[i], cpu.topLogprobs[i]));
  }
  const ranksEqual = cpu.rank.every((r, i) => r === gpu.rank[i]);
  const topIdsEqual = cpu.topIds.every((id, i) => id === gpu.topIds[i]);
  const passed = ranksEqual && topIdsEqual && maxLogprobError < TOLERANCE && maxEntropyError < TOLERANCE;
  return { positions, vocabSize, maxLogprobError, maxEntropyError, ranksEqual, topIdsEqual, passed };
}

/** |a - b|, with NaN on either side counting as an infinite error. */
function absError(a: number, b: number): number {
  const error = Math.abs(a - b);
  return Number.isNaN(error) ? Infinity : error;
}

/** Times `reduce` `repeats` times on logits already resident on the GPU. */
async function timeRuns(repeats: number, reduce: () => Promise<{ reduced: ReducedChunk; byteLength: number }>) {
  const runsMs: number[] = [];
  let last: { reduced: ReducedChunk; byteLength: number } | undefined;
  for (let i = 0; i < repeats; i++) {
    const started = performance.now();
    last = await reduce();
    runsMs.push(performance.now() - started);
  }
  const sorted = [...runsMs].sort((a, b) => a - b);
  return { runsMs, medianMs: sorted[Math.floor(sorted.length / 2)], last: last! };
}

function timing(method: ReduceTiming['method'], positions: number, vocabSize: number, timed: Awaited<ReturnType<typeof timeRuns>>): ReduceTiming {
  const sample = Math.min(positions, 4);
  return {
    method, positions, vocabSize, medianMs: timed.medianMs, runsMs: timed.runsMs,
    byteLengthReadBack: timed.last.byteLength,
    bytesPerToken: timed.last.byteLength / positions,
    sampleLogprob: Array.from(timed.last.reduced.logprob.subarray(0, sample)),
    sampleEntropy: Array.from(timed.last.reduced.entropy.subarray(0, sample)),
  };
}

export async function benchKernelReduce(device: GPUDevice, logits: GPUBuffer, positions: number, vocabSize: number, repeats: number): Promise<ReduceTiming> {
  const kernel = await LogitsReduceKernel.create(device);
  const targets = spreadTargets(positions, vocabSize);
  const timed = await timeRuns(repeats, async () => {
    const reduced = await kernel.reduce({ buffer: logits, positions, vocabSize }, targets, TOP_K);
    return { reduced, byteLength: reduced.byteLengthReadBack };
  });
  return timing('wgsl-kernel', positions, vocabSize, timed);
}

/** What a transformers.js user does: copy all logits to the CPU, then softmax/top-k in JS. */
export async function benchDownloadReduce(device: GPUDevice, logits: GPUBuffer, positions: number, vocabSize: number, repeats: number): Promise<ReduceTiming> {
  const targets = spreadTargets(positions, vocabSize);
  const byteLength = positions * vocabSize * 4;
  const timed = await timeRuns(repeats, async () => {
    const staging = device.createBuffer({ size: byteLength, usage: GPUBufferUsage.MAP_READ | GPUBufferUsage.COPY_DST });
    try {
      const encoder = device.createCommandEncoder();
      encoder.copyBufferToBuffer(logits, 0, staging, 0, byteLength);
      device.queue.submit([encoder.finish()]);
      await staging.mapAsync(GPUMapMode.READ);
      const host = new Float32Array(staging.getMappedRange().slice(0));
      staging.unmap();
      return { reduced: reduceLogitsCpu(host, positions, vocabSize, targets, TOP_K), byteLength };
    } finally {
      staging.destroy();
    }
  });
  return timing('download-js', positions, vocabSize, timed);
}
