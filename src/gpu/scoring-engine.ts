// A loaded causal LM ready to score token ids on the chosen backend: session + graph description +
// chunk runner (+ the WGSL kernel on ORT's device for WebGPU).
import { scoreTokens, type ChunkedScoreOptions } from '../reward/chunked-scoring.ts';
import type { TokenScores } from '../reward/ports.ts';
import type { BackendChoice } from './adapter-probe.ts';
import type { EngineInfo } from './engine-types.ts';
import { describeDecoder, type IoMetadata } from './decoder-graph.ts';
import type { ModelFiles } from './model-files.ts';
import { withModelSession } from './model-session.ts';
import { OrtChunkRunner, type RunnerStats } from './ort-chunk-runner.ts';
import { ortDevice, type ort } from './ort-session.ts';
import { LogitsReduceKernel } from './reduce-logits-kernel.ts';

export class ScoringEngine {
  private constructor(
    readonly info: EngineInfo,
    private readonly session: ort.InferenceSession,
    private readonly runner: OrtChunkRunner,
  ) {}

  static load(files: ModelFiles, choice: BackendChoice, threads?: number): Promise<ScoringEngine> {
    return withModelSession(files, choice, threads, async (session, decision, base) => {
      const graph = describeDecoder(session.inputMetadata as readonly IoMetadata[], session.outputNames, files.config);
      const kernel = decision.backend === 'webgpu' ? await LogitsReduceKernel.create(await ortDevice()) : undefined;
      const runner = new OrtChunkRunner(decision.backend, session, graph, kernel);
      return new ScoringEngine({ ...base, hasKvCache: graph.past.length > 0 }, session, runner);
    });
  }

  score(ids: Int32Array, options: ChunkedScoreOptions = {}): Promise<TokenScores> {
    return scoreTokens(this.runner, ids, options);
  }

  /** Cumulative model/reduction time and read-back bytes since load (for diagnostics and benches). */
  get stats(): RunnerStats {
    return { ...this.runner.stats };
  }

  resetStats(): void {
    Object.assign(this.runner.stats, { byteLengthReadBack: 0, modelMs: 0, reduceMs: 0 });
  }

  async dispose(): Promise<void> {
    await this.runner.reset();
    await this.session.release();
  }
}
