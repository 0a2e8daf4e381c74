// A loaded reward model (output `rewards` [batch, sequence]) ready to score token ids on the chosen
// backend: session + graph description + reward runner, driven by the pure rewardsFor.
import { rewardsFor, type ChunkedScoreOptions } from '../reward/chunked-scoring.ts';
import { contextLengthOf } from '../reward/context-length.ts';
import type { BackendChoice } from './adapter-probe.ts';
import type { IoMetadata } from './decoder-graph.ts';
import type { RewardEngineInfo } from './engine-types.ts';
import type { ModelFiles } from './model-files.ts';
import { withModelSession } from './model-session.ts';
import { OrtRewardRunner, type RewardRunnerStats } from './ort-reward-runner.ts';
import type { ort } from './ort-session.ts';
import { describeRewardModel } from './reward-graph.ts';

export class RewardEngine {
  private constructor(
    readonly info: RewardEngineInfo,
    private readonly session: ort.InferenceSession,
    private readonly runner: OrtRewardRunner,
  ) {}

  static load(files: ModelFiles, choice: BackendChoice, threads?: number): Promise<RewardEngine> {
    // Rewards are 4 bytes a token: downloaded from the GPU; a KV cache, if any, is fed back from there.
    return withModelSession(files, choice, threads, async (session, decision, base) => {
      const graph = describeRewardModel(session.inputMetadata as readonly IoMetadata[], session.outputNames, files.config);
      const contextLength = contextLengthOf(files.config, files.tokenizerConfig);
      const runner = new OrtRewardRunner(decision.backend, session, graph, contextLength);
      return new RewardEngine({ ...base, hasKvCache: runner.hasKvCache, contextLength }, session, runner);
    });
  }

  /** Per-token rewards for `ids` (entry t is the reward after token t). */
  rewards(ids: Int32Array, options: ChunkedScoreOptions = {}): Promise<Float32Array> {
    return rewardsFor(this.runner, ids, options);
  }

  get stats(): RewardRunnerStats {
    return { ...this.runner.stats };
  }

  resetStats(): void {
    Object.assign(this.runner.stats, { modelMs: 0, byteLengthReadBack: 0 });
  }

  async dispose(): Promise<void> {
    await this.runner.reset();
    await this.session.release();
  }
}
