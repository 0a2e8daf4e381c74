// TS wrapper of reduce-logits.wgsl: reduces logits that already live in a GPUBuffer (e.g. ORT's
// 'gpu-buffer' output) and reads back only 52 bytes per position.
import shaderSource from './reduce-logits.wgsl?raw';
import type { ReducedChunk } from '../reward/ports.ts';
import { emptyReducedChunk } from '../reward/reduce-logits.ts';

/** The kernel's fixed top-k; callers may ask for fewer. */
export const KERNEL_TOP_K = 5;
const OUT_WORDS = 13;
export const KERNEL_BYTES_PER_POSITION = OUT_WORDS * 4;
const MAX_GROUPS_X = 65535;

export interface LogitsSlice {
  /** GPU buffer holding row-major f32 logits; usage must include STORAGE. */
  buffer: GPUBuffer;
  positions: number;
  vocabSize: number;
  /** First row of `buffer` to reduce (default 0). */
  rowOffset?: number;
}

export interface KernelResult extends ReducedChunk {
  byteLengthReadBack: number;
}

export class LogitsReduceKernel {
  private constructor(private readonly device: GPUDevice, private readonly pipeline: GPUComputePipeline) {}

  /** Compiles the kernel; rejects with the WGSL compiler's message if it does not build. */
  static async create(device: GPUDevice): Promise<LogitsReduceKernel> {
    const module = device.createShaderModule({ code: shaderSource, label: 'reduce-logits' });
    const pipeline = await device.createComputePipelineAsync({ layout: 'auto', compute: { module, entryPoint: 'main' } });
    return new LogitsReduceKernel(device, pipeline);
  }

  async reduce(slice: LogitsSlice, targets: Int32Array, topK: number): Promise<KernelResult> {
    const { positions, vocabSize } = slice;
    if (topK > KERNEL_TOP_K) throw new Error(`reduce-logits kernel: topK ${topK} > ${KERNEL_TOP_K}`);
    if (targets.length < positions) throw new Error(`reduce-logits kernel: ${targets.length} targets for ${positions} positions`);
    const byteLengthNeeded = ((slice.rowOffset ?? 0) + positions) * vocabSize * 4;
    if (slice.buffer.size < byteLengthNeeded) {
      throw new Error(`reduce-logits kernel: buffer holds ${slice.buffer.size} bytes, [${positions}, ${vocabSize}] from row ${slice.rowOffset ?? 0} needs ${byteLengthNeeded}`);
    }
    if (positions === 0) return { ...emptyReducedChunk(0, topK), byteLengthReadBack: 0 };
    const device = this.device;
    const outByteLength = positions * KERNEL_BYTES_PER_POSITION;
    const buffers = {
      targets: this.upload(targets.subarray(0, positions), GPUBufferUsage.STORAGE),
      params: this.upload(this.params(slice), GPUBufferUsage.UNIFORM),
      out: device.createBuffer({ size: outByteLength, usage: GPUBufferUsage.STORAGE | GPUBufferUsage.COPY_SRC }),
      readBack: device.createBuffer({ size: outByteLength, usage: GPUBufferUsage.MAP_READ | GPUBufferUsage.COPY_DST }),
    };
    try {
      const bindGroup = device.createBindGroup({
        layout: this.pipeline.getBindGroupLayout(0),
        entries: [
          { binding: 0, resource: { buffer: slice.buffer } },
          { binding: 1, resource: { buffer: buffers.targets } },
          { binding: 2, resource: { buffer: buffers.out } },
          { binding: 3, resource: { buffer: buffers.params } },
        ],
      });
      const encoder = device.createCommandEncoder();
      const pass = encoder.beginComputePass();
      pass.setPipeline(this.pipeline);
      pass.setBindGroup(0, bindGroup);
      pass.dispatchWorkgroups(Math.min(positions, MAX_GROUPS_X), Math.ceil(positions / MAX_GROUPS_X));
      pass.end();
      encoder.copyBufferToBuffer(buffers.out, 0, buffers.readBack, 0, outByteLength);
      device.queue.submit([encoder.finish()]);
      await buffers.readBack.mapAsync(GPUMapMode.READ);
      const words = buffers.readBack.getMappedRange().slice(0);
      buffers.readBack.unmap();
      return { ...unpack(words, positions, topK), byteLengthReadBack: outByteLength };
    } finally {
      for (const buffer of Object.values(buffers)) buffer.destroy();
    }
  }

  private params(slice: LogitsSlice): Uint32Array {
    const groupsX = Math.min(slice.positions, MAX_GROUPS_X);
    return new Uint32Array([slice.positions, slice.vocabSize, slice.rowOffset ?? 0, groupsX]);
  }

  private upload(data: Uint32Array | Int32Array, usage: number): GPUBuffer {
    const size = Math.max(16, Math.ceil(data.byteLength / 4) * 4);
    const buffer = this.device.createBuffer({ size, usage: usage | GPUBufferUsage.COPY_DST });
    this.device.queue.writeBuffer(buffer, 0, data.buffer, data.byteOffset, data.byteLength);
    return buffer;
  }
}


/** Splits the kernel's 13-word records into the ReducedChunk arrays (NaN log-prob without target). */
function unpack(words: ArrayBuffer, positions: number, topK: number): ReducedChunk {
  const floats = new Float32Array(words);
  const ints = new Int32Array(words);
  const out = emptyReducedChunk(positions, topK);
  for (let p = 0; p < positions; p++) {
    const at = p * OUT_WORDS;
    out.rank[p] = ints[at + 2];
    out.logprob[p] = out.rank[p] < 0 ? Number.NaN : floats[at];
    out.entropy[p] = floats[at + 1];
    for (let j = 0; j < topK; j++) {
      out.topIds[p * topK + j] = ints[at + 3 + j];
      out.topLogprobs[p * topK + j] = floats[at + 8 + j];
    }
  }
  return out;
}
