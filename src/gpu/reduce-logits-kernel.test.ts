// The WGSL reduction on a real WebGPU device (Dawn + SwiftShader) against the CPU reference.
import { existsSync } from 'node:fs';
import { constants } from 'node:os';
import { create, globals } from 'webgpu';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reduceLogitsCpu } from '../reward/reduce-logits.ts';
import type { ReducedChunk } from '../reward/ports.ts';
import { LogitsReduceKernel, KERNEL_BYTES_PER_POSITION } from './reduce-logits-kernel.ts';
import { randomLogits } from './random-logits.ts';

const SWIFTSHADER_ICD = '/usr/lib/chromium/vk_swiftshader_icd.json';
// Debian has no system libvulkan; Chromium ships one. Loaded with RTLD_NODELETE (0x1000) it stays
// mapped after Node rejects it as an addon, so Dawn's dlopen('libvulkan.so.1') finds it by soname.
const CHROMIUM_VULKAN_LOADER = '/usr/lib/chromium/libvulkan.so.1';
const RTLD_NODELETE = 0x1000;

function preloadVulkanLoader(): void {
  if (!existsSync(CHROMIUM_VULKAN_LOADER)) return;
  try {
    process.dlopen({ exports: {} }, CHROMIUM_VULKAN_LOADER, constants.dlopen.RTLD_NOW | constants.dlopen.RTLD_GLOBAL | RTLD_NODELETE);
  } catch {
    // Expected: "Module did not self-register" — the library is loaded all the same.
  }
}
// Held at module level: Dawn's GPU object is garbage-collected mid-run if nothing references it.
let gpu: GPU | undefined;

async function dawnDevice(): Promise<GPUDevice> {
  if (!process.env.VK_ICD_FILENAMES && existsSync(SWIFTSHADER_ICD)) process.env.VK_ICD_FILENAMES = SWIFTSHADER_ICD;
  preloadVulkanLoader();
  Object.assign(globalThis, globals);
  gpu ??= create([]) as GPU;
  const adapter = await gpu.requestAdapter();
  if (!adapter) throw new Error('no WebGPU adapter from Dawn (is SwiftShader installed?)');
  return adapter.requestDevice({
    requiredLimits: {
      maxStorageBufferBindingSize: adapter.limits.maxStorageBufferBindingSize,
      maxBufferSize: adapter.limits.maxBufferSize,
    },
  });
}

/** Copies f32 values into a new STORAGE buffer. */
function storageBuffer(device: GPUDevice, values: Float32Array): GPUBuffer {
  const buffer = device.createBuffer({ size: Math.max(16, values.byteLength), usage: GPUBufferUsage.STORAGE | GPUBufferUsage.COPY_DST });
  device.queue.writeBuffer(buffer, 0, values.buffer, values.byteOffset, values.byteLength);
  return buffer;
}

const TOLERANCE = 1e-4;
let device: GPUDevice;
let kernel: LogitsReduceKernel;

beforeAll(async () => {
  device = await dawnDevice();
  kernel = await LogitsReduceKernel.create(device);
}, 60_000);
afterAll(() => device?.destroy());


function randomTargets(positions: number, vocab: number): Int32Array {
  const targets = new Int32Array(positions);
  for (let p = 0; p < positions; p++) targets[p] = (p * 7919 + 13) % vocab;
  targets[positions - 1] = -1; // the last position has no next token
  return targets;
}

async function runBoth(logits: Float32Array, positions: number, vocab: number, targets: Int32Array, topK = 5) {
  const buffer = storageBuffer(device, logits);
  try {
    const gpu = await kernel.reduce({ buffer, positions, vocabSize: vocab }, targets, topK);
    return { gpu, cpu: reduceLogitsCpu(logits, positions, vocab, targets, topK) };
  } finally {
    buffer.destroy();
  }
}

function expectClose(gpu: ReducedChunk, cpu: ReducedChunk): void {
  for (let p = 0; p < cpu.logprob.length; p++) {
    if (Number.isNaN(cpu.logprob[p])) expect(gpu.logprob[p]).toBeNaN();
    else expect(Math.abs(gpu.logprob[p] - cpu.logprob[p]), `logprob at ${p}`).toBeLessThan(TOLERANCE);
    expect(Math.abs(gpu.entropy[p] - cpu.entropy[p]), `entropy at ${p}`).toBeLessThan(TOLERANCE);
  }
  expect(Array.from(gpu.rank)).toEqual(Array.from(cpu.rank));
  expect(Array.from(gpu.topIds)).toEqual(Array.from(cpu.topIds));
  for (let i = 0; i < cpu.topLogprobs.length; i++) {
    expect(Math.abs(gpu.topLogprobs[i] - cpu.topLogprobs[i]), `top logprob ${i}`).toBeLessThan(TOLERANCE);
  }
}

describe('reduce-logits WGSL kernel', () => {
  it('matches the CPU reference on random logits with V not a multiple of the workgroup', async () => {
    const positions = 6;
    const vocab = 1000 + 37;
    const { gpu, cpu } = await runBoth(randomLogits(positions * vocab, 1), positions, vocab, randomTargets(positions, vocab));
    expectClose(gpu, cpu);
    expect(gpu.rank[positions - 1]).toBe(-1);
  });

  it('breaks ties by lower id in top-k and counts only strictly greater logits for rank', async () => {
    const positions = 2;
    const vocab = 300;
    const logits = new Float32Array(positions * vocab).fill(0.5);
    // Row 0: three-way tie at the top, spread over different threads' slices.
    for (const id of [299, 7, 263]) logits[id] = 3;
    logits[42] = 2;
    const targets = Int32Array.from([263, 100]);
    const { gpu, cpu } = await runBoth(logits, positions, vocab, targets);
    expectClose(gpu, cpu);
    expect(Array.from(gpu.topIds.subarray(0, 5))).toEqual([7, 263, 299, 42, 0]);
    expect(gpu.rank[0]).toBe(0);
    expect(gpu.rank[1]).toBe(0); // row 1 is flat: nothing is strictly greater
  });

  it('handles -inf and -inf-ish (masked) logits', async () => {
    const positions = 3;
    const vocab = 517;
    const logits = randomLogits(positions * vocab, 7);
    for (let i = 0; i < logits.length; i += 3) logits[i] = -1e30;
    for (let i = 1; i < logits.length; i += 11) logits[i] = Number.NEGATIVE_INFINITY;
    const targets = Int32Array.from([5, 2, -1]); // row 1, id 2 is index 519: a masked logit
    const { gpu, cpu } = await runBoth(logits, positions, vocab, targets);
    expect(gpu.logprob[1]).toBeLessThan(-1e29);
    expect(gpu.rank[1]).toBe(cpu.rank[1]);
    cpu.logprob[1] = Number.NaN; // -1e30 - lse: compare separately above, not with an absolute tolerance
    gpu.logprob[1] = Number.NaN;
    expectClose(gpu, cpu);
  });

  it('keeps accuracy at a Qwen-sized vocabulary and honours rowOffset and a smaller topK', async () => {
    const positions = 3;
    const vocab = 151_936;
    const logits = randomLogits(positions * vocab, 3, 20);
    const targets = Int32Array.from([151_935, 0, 77_777]);
    const buffer = storageBuffer(device, logits);
    try {
      const gpu = await kernel.reduce({ buffer, positions: 2, vocabSize: vocab, rowOffset: 1 }, targets.subarray(1), 3);
      const cpu = reduceLogitsCpu(logits.subarray(vocab), 2, vocab, targets.subarray(1), 3);
      expectClose(gpu, cpu);
      expect(gpu.byteLengthReadBack).toBe(2 * KERNEL_BYTES_PER_POSITION);
    } finally {
      buffer.destroy();
    }
  });
});
