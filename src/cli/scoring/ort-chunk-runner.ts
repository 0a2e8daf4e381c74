// ChunkRunner on onnxruntime-node: runs a causal LM chunk by chunk, carrying present.* into
// past_key_values.* between chunks, and reduces each chunk's logits with reduceLogitsCpu.
import type * as ort from 'onnxruntime-node';
import type { ChunkRunner, ReducedChunk } from '../../reward/ports.ts';
import { reduceLogitsCpu } from '../../reward/reduce-logits.ts';
import { baseFeeds, emptyPast, float32Output, type LoadedSession } from './ort-session.ts';

export class OrtChunkRunner implements ChunkRunner {
  readonly backend = 'node-cpu';
  private pastLength = 0;
  private past: Record<string, ort.Tensor>;
  /** Without a KV cache in the graph, earlier ids are re-run with every chunk. */
  private history: number[] = [];

  constructor(private readonly loaded: LoadedSession) {
    if (loaded.io.kind !== 'causal-lm') throw new Error(`expected a causal LM (logits output), got a ${loaded.io.kind} model`);
    this.past = emptyPast(loaded.io);
  }

  /** Runs the chunk and returns its raw logits [chunk, vocab] (also used by tests and benches). */
  async runLogits(chunkIds: Int32Array): Promise<{ logits: Float32Array; vocabSize: number }> {
    const { io, session } = this.loaded;
    if (!io.hasPast) return this.runWithoutCache(chunkIds);
    const feeds = { ...baseFeeds(this.loaded, chunkIds, this.pastLength), ...this.past };
    const outputs = await session.run(feeds);
    const { data, dims } = float32Output(outputs, 'logits');
    io.pastNames.forEach((name, i) => { this.past[name] = outputs[io.presentNames[i]] as ort.Tensor; });
    this.pastLength += chunkIds.length;
    return { logits: data, vocabSize: dims[2] };
  }

  async runChunk(chunkIds: Int32Array, targets: Int32Array, topK: number): Promise<ReducedChunk> {
    const { logits, vocabSize } = await this.runLogits(chunkIds);
    return reduceLogitsCpu(logits, chunkIds.length, vocabSize, targets, topK);
  }

  async reset(): Promise<void> {
    this.pastLength = 0;
    this.past = emptyPast(this.loaded.io);
    this.history = [];
  }

  private async runWithoutCache(chunkIds: Int32Array): Promise<{ logits: Float32Array; vocabSize: number }> {
    this.history.push(...chunkIds);
    const outputs = await this.loaded.session.run(baseFeeds(this.loaded, this.history, 0));
    const { data, dims } = float32Output(outputs, 'logits');
    const vocabSize = dims[2];
    const skipped = (this.history.length - chunkIds.length) * vocabSize;
    return { logits: data.subarray(skipped, skipped + chunkIds.length * vocabSize), vocabSize };
  }
}
