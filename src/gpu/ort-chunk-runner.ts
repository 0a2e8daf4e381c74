// ChunkRunner on onnxruntime-web: one model run per chunk with the KV cache carried between runs.
// On WebGPU the logits and present.* stay on the GPU ('gpu-buffer'), the presents are fed back as
// past_key_values.* and the logits are reduced in place by the WGSL kernel; on WASM the logits are
// reduced with the CPU reference. Every tensor of a run is disposed once it is no longer needed.
import type { ChunkRunner, ReducedChunk } from '../reward/ports.ts';
import { reduceLogitsCpu } from '../reward/reduce-logits.ts';
import type { Backend } from './adapter-probe.ts';
import type { DecoderGraph } from './decoder-graph.ts';
import type { LogitsReduceKernel } from './reduce-logits-kernel.ts';
import { emptyPast, idFeeds } from './ort-feeds.ts';
import { runSession, type ort } from './ort-session.ts';
import { yieldToEvents } from './yield-to-events.ts';

export interface RunnerStats {
  /** Bytes of logits-derived data copied from the GPU (or produced on the CPU for WASM). */
  byteLengthReadBack: number;
  modelMs: number;
  reduceMs: number;
}

export class OrtChunkRunner implements ChunkRunner {
  private past = new Map<string, ort.Tensor>();
  private pastLength = 0;
  /** Tokens run so far; only kept for graphs without a KV cache, which rerun the whole prefix. */
  private history: number[] = [];
  readonly stats: RunnerStats = { byteLengthReadBack: 0, modelMs: 0, reduceMs: 0 };

  constructor(
    readonly backend: Backend,
    private readonly session: ort.InferenceSession,
    private readonly graph: DecoderGraph,
    private readonly kernel?: LogitsReduceKernel,
  ) {
    if (backend === 'webgpu' && !kernel) throw new Error('the WebGPU runner needs the reduce-logits kernel');
  }

  async runChunk(chunkIds: Int32Array, targets: Int32Array, topK: number): Promise<ReducedChunk> {
    await yieldToEvents(); // lets a queued cancel message in before the next chunk
    const cached = this.graph.past.length > 0;
    const runIds = cached ? Array.from(chunkIds) : [...this.history, ...chunkIds];
    if (!cached) this.history = runIds;
    const pastLength = cached ? this.pastLength : 0;
    const started = performance.now();
    const outputs = await runSession(this.session, this.feeds(runIds, pastLength));
    this.stats.modelMs += performance.now() - started;
    const logits = outputs[this.graph.logitsName];
    try {
      if (cached) this.keepPresents(outputs);
      this.pastLength += chunkIds.length;
      const reduceStarted = performance.now();
      const rowOffset = runIds.length - chunkIds.length;
      const reduced = await this.reduce(logits, rowOffset, chunkIds.length, targets, topK);
      this.stats.reduceMs += performance.now() - reduceStarted;
      return reduced;
    } finally {
      logits.dispose();
    }
  }

  async reset(): Promise<void> {
    for (const tensor of this.past.values()) tensor.dispose();
    this.past.clear();
    this.pastLength = 0;
    this.history = [];
  }

  private feeds(ids: number[], pastLength: number): Record<string, ort.Tensor> {
    const feeds = idFeeds(this.graph, ids, pastLength);
    for (const input of this.graph.past) {
      feeds[input.name] = this.past.get(input.name) ?? emptyPast(input.dtype, input.heads, input.headDim);
    }
    return feeds;
  }

  /** Swaps the cache: the old past tensors were inputs of this run and can go now. */
  private keepPresents(outputs: ort.InferenceSession.ReturnType): void {
    for (const input of this.graph.past) {
      this.past.get(input.name)?.dispose();
      this.past.set(input.name, outputs[input.presentName]);
    }
  }

  private async reduce(logits: ort.Tensor, rowOffset: number, positions: number, targets: Int32Array, topK: number): Promise<ReducedChunk> {
    const vocabSize = logits.dims[logits.dims.length - 1];
    if (this.backend === 'webgpu' && logits.location === 'gpu-buffer') {
      const result = await this.kernel!.reduce({ buffer: logits.gpuBuffer as GPUBuffer, positions, vocabSize, rowOffset }, targets, topK);
      this.stats.byteLengthReadBack += result.byteLengthReadBack;
      return result;
    }
    const data = (await logits.getData()) as Float32Array;
    this.stats.byteLengthReadBack += positions * vocabSize * 4;
    return reduceLogitsCpu(data.subarray(rowOffset * vocabSize), positions, vocabSize, targets, topK);
  }
}
