// A loaded causal LM ready to score token ids on the chosen backend: session + graph description +
// chunk runner (+ the WGSL kernel on ORT's device for WebGPU).
import { scoreTokens, type ChunkedScoreOptions } from '../reward/chunked-scoring.ts';
import type { TokenScores } from '../reward/ports.ts';
import { chooseBackend, probeAdapter, type BackendChoice } from './adapter-probe.ts';
import type { EngineInfo } from './engine-types.ts';
import { describeDecoder, type IoMetadata } from './decoder-graph.ts';
import { estimateParameterCount, type ModelFiles } from './model-files.ts';
import { OrtChunkRunner, type RunnerStats } from './ort-chunk-runner.ts';
import { createSession, ortDevice, threadsInUse, type ort } from './ort-session.ts';
import { LogitsReduceKernel } from './reduce-logits-kernel.ts';

export class ScoringEngine {
  private constructor(
    readonly info: EngineInfo,
    private readonly session: ort.InferenceSession,
    private readonly runner: OrtChunkRunner,
  ) {}

  static async load(files: ModelFiles, choice: BackendChoice, threads?: number): Promise<ScoringEngine> {
    const decision = chooseBackend(choice, await probeAdapter());
    const session = await createSession(
      { model: files.model, externalData: files.externalData },
      { backend: decision.backend, threads, gpuOutputs: decision.backend === 'webgpu' ? 'all' : undefined },
    );
    try {
      const metadata = session.inputMetadata as readonly IoMetadata[];
      const graph = describeDecoder(metadata, session.outputNames, files.config);
      const kernel = decision.backend === 'webgpu' ? await LogitsReduceKernel.create(await ortDevice()) : undefined;
      const runner = new OrtChunkRunner(decision.backend, session, graph, kernel);
      const info: EngineInfo = {
        backend: decision.backend,
        backendReason: decision.reason,
        threads: decision.backend === 'wasm' ? threadsInUse() : 0,
        modelName: files.name,
        parameterCount: estimateParameterCount(files),
        byteLength: files.byteLength,
        hasKvCache: graph.past.length > 0,
      };
      return new ScoringEngine(info, session, runner);
    } catch (error) {
      await session.release();
      throw error;
    }
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
