// RewardChunkRunner on onnxruntime-node for models with a `rewards` [batch, sequence] output.
import type * as ort from 'onnxruntime-node';
import type { RewardChunkRunner } from '../../reward/chunked-scoring.ts';
import { baseFeeds, emptyPast, float32Output, type LoadedSession } from './ort-session.ts';

export class OrtRewardRunner implements RewardChunkRunner {
  readonly backend = 'node-cpu';
  readonly hasKvCache: boolean;
  private pastLength = 0;
  private past: Record<string, ort.Tensor>;

  /** maxLength: the window for models without a cache (their context length). */
  constructor(private readonly loaded: LoadedSession, readonly maxLength: number) {
    if (loaded.io.kind !== 'reward') throw new Error(`expected a reward model (rewards output), got a ${loaded.io.kind} model`);
    this.hasKvCache = loaded.io.hasPast;
    this.past = emptyPast(loaded.io);
  }

  async runChunk(chunkIds: Int32Array): Promise<Float32Array> {
    const { io, session } = this.loaded;
    const outputs = await session.run({ ...baseFeeds(this.loaded, chunkIds, this.pastLength), ...this.past });
    io.pastNames.forEach((name, i) => { this.past[name] = outputs[io.presentNames[i]] as ort.Tensor; });
    this.pastLength += chunkIds.length;
    return float32Output(outputs, 'rewards').data.slice(0, chunkIds.length);
  }

  async reset(): Promise<void> {
    this.pastLength = 0;
    this.past = emptyPast(this.loaded.io);
  }
}
