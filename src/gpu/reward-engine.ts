// A loaded reward model (output `rewards` [batch, sequence]) ready to score token ids on the chosen
// backend: session + graph description + reward runner, driven by the pure rewardsFor.
import { rewardsFor, type ChunkedScoreOptions } from '../reward/chunked-scoring.ts';
import { contextLengthOf } from '../reward/context-length.ts';
import { chooseBackend, probeAdapter, type BackendChoice } from './adapter-probe.ts';
import type { IoMetadata } from './decoder-graph.ts';
import type { RewardEngineInfo } from './engine-types.ts';
import { estimateParameterCount, type ModelFiles } from './model-files.ts';
import { OrtRewardRunner, type RewardRunnerStats } from './ort-reward-runner.ts';
import { createSession, threadsInUse, type ort } from './ort-session.ts';
import { describeRewardModel } from './reward-graph.ts';

export class RewardEngine {
  private constructor(
    readonly info: RewardEngineInfo,
    private readonly session: ort.InferenceSession,
    private readonly runner: OrtRewardRunner,
  ) {}

  static async load(files: ModelFiles, choice: BackendChoice, threads?: number): Promise<RewardEngine> {
    const decision = chooseBackend(choice, await probeAdapter());
    // On WebGPU every output stays on the GPU (the output names are only known once the session
    // exists): a cache is fed back from there, the rewards (4 bytes a token) are downloaded.
    const session = await createSession(
      { model: files.model, externalData: files.externalData },
      { backend: decision.backend, threads, gpuOutputs: decision.backend === 'webgpu' ? 'all' : undefined },
    );
    try {
      const graph = describeRewardModel(session.inputMetadata as readonly IoMetadata[], session.outputNames, files.config);
      const contextLength = contextLengthOf(files.config, files.tokenizerConfig);
      const runner = new OrtRewardRunner(decision.backend, session, graph, contextLength);
      const info: RewardEngineInfo = {
        backend: decision.backend,
        backendReason: decision.reason,
        threads: decision.backend === 'wasm' ? threadsInUse() : 0,
        modelName: files.name,
        parameterCount: estimateParameterCount(files),
        byteLength: files.byteLength,
        hasKvCache: runner.hasKvCache,
        contextLength,
      };
      return new RewardEngine(info, session, runner);
    } catch (error) {
      await session.release();
      throw error;
    }
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
