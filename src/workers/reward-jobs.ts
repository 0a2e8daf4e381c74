// Worker side of RewardScoreApi: the loaded reward model, its tokenizer and the running reward job.
// Kept apart from the causal LM's state in score.worker.ts so each can be (re)loaded on its own.
import * as Comlink from 'comlink';
import type { TextTokenizer } from '../reward/ports.ts';
import { createTokenizer } from '../reward/tokenizer/hf-tokenizer.ts';
import { probeAdapter } from '../gpu/adapter-probe.ts';
import { RewardEngine } from '../gpu/reward-engine.ts';
import { JobSlot } from './job-slot.ts';
import { readModelSource } from './model-source.ts';
import type { RewardedIds, RewardedText, RewardModelInfo, RewardScoreApi } from './reward-api.ts';
import type { LoadOptions, ModelSource, ScoreProgressEvent } from './score-api.ts';

let engine: RewardEngine | undefined;
let tokenizer: TextTokenizer | undefined;
let modelInfo: RewardModelInfo | null = null;
const jobs = new JobSlot();

async function loadRewardModel(source: ModelSource, options: LoadOptions): Promise<RewardModelInfo> {
  const files = await readModelSource(source);
  const nextTokenizer = createTokenizer({ name: files.name, tokenizerJson: files.tokenizerJson, tokenizerConfig: files.tokenizerConfig });
  const nextEngine = await RewardEngine.load(files, options.backend, options.threads);
  jobs.cancel();
  await engine?.dispose();
  engine = nextEngine;
  tokenizer = nextTokenizer;
  modelInfo = { ...engine.info, vocabSize: tokenizer.vocabSize, adapter: await probeAdapter() };
  return modelInfo;
}

function scoreRewardIds(ids: Int32Array, onProgress?: (event: ScoreProgressEvent) => void, chunkLength?: number): Promise<RewardedIds> {
  const loaded = engine;
  if (!loaded) return Promise.reject(new Error('no reward model loaded: call loadRewardModel() first'));
  return jobs.run(async (signal) => {
    loaded.resetStats();
    const started = performance.now();
    const rewards = await loaded.rewards(ids, {
      signal,
      chunkLength,
      onProgress: onProgress ? (progress) => void onProgress(progress) : undefined,
    });
    const { modelMs, byteLengthReadBack } = loaded.stats;
    return { rewards, durationMs: performance.now() - started, modelMs, byteLengthReadBack };
  });
}

async function scoreRewardText(text: string, onProgress?: (event: ScoreProgressEvent) => void, chunkLength?: number): Promise<RewardedText> {
  if (!tokenizer) throw new Error('no reward model loaded: call loadRewardModel() first');
  const textTokenizer = tokenizer;
  const encoded = textTokenizer.encode(text);
  const scored = await scoreRewardIds(encoded.ids, onProgress, chunkLength);
  const tokenTexts: Record<number, string> = {};
  for (const id of encoded.ids) if (!(id in tokenTexts)) tokenTexts[id] = textTokenizer.tokenText(id);
  const result: RewardedText = { ...scored, text, ids: encoded.ids, charStart: encoded.charStart, charEnd: encoded.charEnd, tokenTexts };
  return Comlink.transfer(result, [result.rewards.buffer as ArrayBuffer]);
}

export const rewardApi: RewardScoreApi = {
  loadRewardModel,
  rewardModelInfo: async () => modelInfo,
  scoreRewardText,
  scoreRewardIds: async (ids, onProgress, chunkLength) => {
    const scored = await scoreRewardIds(ids, onProgress, chunkLength);
    return Comlink.transfer(scored, [scored.rewards.buffer as ArrayBuffer]);
  },
};

export function cancelRewards(): void {
  jobs.cancel();
}

export async function disposeRewards(): Promise<void> {
  jobs.cancel();
  await engine?.dispose();
  engine = undefined;
  tokenizer = undefined;
  modelInfo = null;
}
