// RewardChunkRunner on onnxruntime-web (WebGPU or WASM) for models with a `rewards` [batch, sequence]
// output. Rewards are one float per token, so they always come back to the CPU (downloaded when the
// session keeps outputs on the GPU); with a KV cache the present.* outputs stay where the session put
// them and are fed back as past_key_values.*. The pure orchestration (rewardsFor) plans the chunks or
// windows, reports progress and honours cancel.
import type { RewardChunkRunner } from '../reward/chunked-scoring.ts';
import type { Backend } from './adapter-probe.ts';
import { emptyPast, idFeeds } from './ort-feeds.ts';
import { serialised } from './ort-queue.ts';
import { runSession, type ort } from './ort-session.ts';
import type { RewardGraph } from './reward-graph.ts';
import { yieldToEvents } from './yield-to-events.ts';

export interface RewardRunnerStats {
  /** Time inside model runs, including the rewards' read-back. */
  modelMs: number;
  /** Bytes of rewards copied to the CPU (4 per position run). */
  byteLengthReadBack: number;
}

/** The session surface the runner uses (a fake one stands in for it in unit tests). */
export type RewardSession = Pick<ort.InferenceSession, 'run'>;

export class OrtRewardRunner implements RewardChunkRunner {
  readonly hasKvCache: boolean;
  readonly stats: RewardRunnerStats = { modelMs: 0, byteLengthReadBack: 0 };
  private past = new Map<string, ort.Tensor>();
  private pastLength = 0;

  /** maxLength: the window for graphs without a cache (the model's context length). */
  constructor(
    readonly backend: Backend,
    private readonly session: RewardSession,
    private readonly graph: RewardGraph,
    readonly maxLength: number,
  ) {
    this.hasKvCache = graph.past.length > 0;
  }

  async runChunk(chunkIds: Int32Array): Promise<Float32Array> {
    await yieldToEvents(); // lets a queued cancel message in before the next run
    const feeds = idFeeds(this.graph, chunkIds, this.pastLength);
    for (const input of this.graph.past) {
      feeds[input.name] = this.past.get(input.name) ?? emptyPast(input.dtype, input.heads, input.headDim);
    }
    const started = performance.now();
    const outputs = await runSession(this.session as ort.InferenceSession, feeds);
    const rewards = outputs[this.graph.rewardsName];
    try {
      if (!rewards) throw new Error(`model returned no '${this.graph.rewardsName}' output`);
      this.keepPresents(outputs);
      this.pastLength += chunkIds.length;
      const values = await readRewards(rewards, chunkIds.length);
      this.stats.byteLengthReadBack += values.byteLength;
      return values;
    } finally {
      rewards?.dispose();
      this.stats.modelMs += performance.now() - started;
    }
  }

  async reset(): Promise<void> {
    for (const tensor of this.past.values()) tensor.dispose();
    this.past.clear();
    this.pastLength = 0;
  }

  /** Swaps the cache: the old past tensors were inputs of this run and can go now. */
  private keepPresents(outputs: ort.InferenceSession.ReturnType): void {
    for (const input of this.graph.past) {
      const present = outputs[input.presentName];
      if (!present) throw new Error(`model returned no '${input.presentName}' output`);
      this.past.get(input.name)?.dispose();
      this.past.set(input.name, present);
    }
  }
}

/** The first `positions` rewards of batch row 0, copied out of the tensor (which is disposed next). */
async function readRewards(rewards: ort.Tensor, positions: number): Promise<Float32Array> {
  if (rewards.type !== 'float32') throw new Error(`'rewards' is ${rewards.type}; only float32 reward outputs are supported`);
  const sequenceLength = rewards.dims[rewards.dims.length - 1];
  if (rewards.dims.length !== 2 || sequenceLength < positions) {
    throw new Error(`'rewards' has shape [${rewards.dims.join(', ')}]; expected [1, ${positions}]`);
  }
  // A GPU-resident output is downloaded through ORT's queue: keep it in line with session runs.
  const data = (rewards.location === 'cpu' ? rewards.data : await serialised(() => rewards.getData())) as Float32Array;
  return data.slice(0, positions);
}
