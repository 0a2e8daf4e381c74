// The CLI's TokenScorer and RewardScorer: a model folder + onnxruntime-node + the pure orchestration.
import type { RewardScorer, ScoreOptions, TokenScorer, TokenScores } from '../../reward/ports.ts';
import { rewardsFor, scoreTokens, DEFAULT_CHUNK_LENGTH, DEFAULT_TOP_K } from '../../reward/chunked-scoring.ts';
import { contextLengthOf } from '../../reward/context-length.ts';
import { loadModelFolder, type ModelFolder } from './model-folder.ts';
import { OrtChunkRunner } from './ort-chunk-runner.ts';
import { OrtRewardRunner } from './ort-reward-runner.ts';
import { openSession, type LoadedSession, type SessionSettings } from './ort-session.ts';

export interface NodeScorerSettings extends SessionSettings {
  chunkLength?: number;
  topK?: number;
}

export interface NodeModel {
  folder: ModelFolder;
  loaded: LoadedSession;
  release(): Promise<void>;
}

export async function openNodeModel(dir: string, settings: SessionSettings = {}): Promise<NodeModel> {
  const folder = loadModelFolder(dir);
  const loaded = await openSession(folder, settings);
  return { folder, loaded, release: () => loaded.session.release() };
}

/** Runs are serialised: one chunked pass at a time per session. */
export class NodeTokenScorer implements TokenScorer {
  readonly backend = 'node-cpu';
  private readonly runner: OrtChunkRunner;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(model: NodeModel, private readonly settings: NodeScorerSettings = {}) {
    this.runner = new OrtChunkRunner(model.loaded);
  }

  score(ids: Int32Array, options: ScoreOptions = {}): Promise<TokenScores> {
    const run = this.queue.then(() => scoreTokens(this.runner, ids, {
      ...options,
      chunkLength: this.settings.chunkLength ?? DEFAULT_CHUNK_LENGTH,
      topK: this.settings.topK ?? DEFAULT_TOP_K,
    }));
    this.queue = run.catch(() => undefined);
    return run;
  }
}

export class NodeRewardScorer implements RewardScorer {
  readonly backend = 'node-cpu';
  private readonly runner: OrtRewardRunner;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(model: NodeModel, private readonly settings: NodeScorerSettings = {}) {
    this.runner = new OrtRewardRunner(model.loaded, contextLengthOf(model.folder.config));
  }

  rewards(ids: Int32Array, options: ScoreOptions = {}): Promise<Float32Array> {
    const run = this.queue.then(() => rewardsFor(this.runner, ids, { ...options, chunkLength: this.settings.chunkLength }));
    this.queue = run.catch(() => undefined);
    return run;
  }
}

export interface LoadedNodeScorer<S> {
  scorer: S;
  model: NodeModel;
  dispose(): Promise<void>;
}

/** Opens a model folder as a TokenScorer (causal LM with or without KV cache). */
export async function loadTokenScorer(dir: string, settings: NodeScorerSettings = {}): Promise<LoadedNodeScorer<NodeTokenScorer>> {
  const model = await openNodeModel(dir, settings);
  try {
    return { scorer: new NodeTokenScorer(model, settings), model, dispose: model.release };
  } catch (error) {
    await model.release();
    throw error;
  }
}

/** Opens a model folder with a `rewards` output as a RewardScorer. */
export async function loadRewardScorer(dir: string, settings: NodeScorerSettings = {}): Promise<LoadedNodeScorer<NodeRewardScorer>> {
  const model = await openNodeModel(dir, settings);
  try {
    return { scorer: new NodeRewardScorer(model, settings), model, dispose: model.release };
  } catch (error) {
    await model.release();
    throw error;
  }
}
