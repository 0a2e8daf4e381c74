// Scoring worker: owns the model, the tokenizer and onnxruntime-web; exposes ScoreApi via comlink.
import * as Comlink from 'comlink';
import type { TextTokenizer } from '../reward/ports.ts';
import { createTokenizer } from '../reward/tokenizer/hf-tokenizer.ts';
import { probeAdapter } from '../gpu/adapter-probe.ts';
import { benchDownloadReduce, benchKernelReduce, kernelSelfTest, uploadLogits } from '../gpu/kernel-diagnostics.ts';
import { ownDevice } from '../gpu/own-device.ts';
import { randomLogits } from '../gpu/random-logits.ts';
import { ScoringEngine } from '../gpu/scoring-engine.ts';
import { JobSlot } from './job-slot.ts';
import { readModelSource } from './model-source.ts';
import { cancelRewards, disposeRewards, rewardApi } from './reward-jobs.ts';
import type { LoadOptions, ModelInfo, ModelSource, ScoreApi, ScoredIds, ScoredText, ScoreProgressEvent } from './score-api.ts';

let engine: ScoringEngine | undefined;
let tokenizer: TextTokenizer | undefined;
let modelInfo: ModelInfo | null = null;
const jobs = new JobSlot();

async function load(source: ModelSource, options: LoadOptions): Promise<ModelInfo> {
  const files = await readModelSource(source);
  const nextTokenizer = createTokenizer({ name: files.name, tokenizerJson: files.tokenizerJson, tokenizerConfig: files.tokenizerConfig });
  const nextEngine = await ScoringEngine.load(files, options.backend, options.threads);
  await engine?.dispose();
  engine = nextEngine;
  tokenizer = nextTokenizer;
  modelInfo = { ...engine.info, vocabSize: tokenizer.vocabSize, adapter: await probeAdapter() };
  return modelInfo;
}

async function scoreIds(ids: Int32Array, onProgress?: (event: ScoreProgressEvent) => void, chunkLength?: number): Promise<ScoredIds> {
  const loaded = engine;
  if (!loaded) throw new Error('no model loaded: call load() first');
  return jobs.run(async (signal) => {
    loaded.resetStats();
    const started = performance.now();
    const scores = await loaded.score(ids, {
      signal,
      chunkLength,
      onProgress: onProgress ? (progress) => void onProgress(progress) : undefined,
    });
    const { byteLengthReadBack, modelMs, reduceMs } = loaded.stats;
    return { scores, durationMs: performance.now() - started, byteLengthReadBack, modelMs, reduceMs };
  });
}

async function scoreText(text: string, onProgress?: (event: ScoreProgressEvent) => void, chunkLength?: number): Promise<ScoredText> {
  if (!tokenizer) throw new Error('no model loaded: call load() first');
  const encoded = tokenizer.encode(text);
  const scored = await scoreIds(encoded.ids, onProgress, chunkLength);
  const tokenTexts: Record<number, string> = {};
  for (const id of scored.scores.topIds) if (id >= 0 && !(id in tokenTexts)) tokenTexts[id] = tokenizer.tokenText(id);
  for (const id of encoded.ids) if (!(id in tokenTexts)) tokenTexts[id] = tokenizer.tokenText(id);
  const result: ScoredText = { ...scored, text, ids: encoded.ids, charStart: encoded.charStart, charEnd: encoded.charEnd, tokenTexts };
  const s = result.scores;
  return Comlink.transfer(result, [s.logprob.buffer, s.entropy.buffer, s.rank.buffer, s.topIds.buffer, s.topLogprobs.buffer] as ArrayBuffer[]);
}

/** Random logits on our own device (diagnostics run without a model). */
async function withRandomLogits<T>(positions: number, vocabSize: number, run: (device: GPUDevice, buffer: GPUBuffer) => Promise<T>): Promise<T> {
  const device = await ownDevice();
  const buffer = uploadLogits(device, randomLogits(positions * vocabSize, 42, 16));
  try {
    return await run(device, buffer);
  } finally {
    buffer.destroy();
  }
}

const api: ScoreApi = {
  probe: () => probeAdapter(),
  load,
  info: async () => modelInfo,
  scoreIds,
  scoreText,
  ...rewardApi,
  // Cancels LM and reward scoring alike: the UI's cancel button stops whatever this worker runs.
  cancel: () => {
    jobs.cancel();
    cancelRewards();
  },
  kernelSelfTest: async () => {
    try {
      return await kernelSelfTest(await ownDevice());
    } catch (error) {
      return { passed: false, tolerance: 1e-4, cases: [], error: (error as Error).message };
    }
  },
  reduceRandom: (positions, vocabSize, repeats = 3) =>
    withRandomLogits(positions, vocabSize, (device, buffer) => benchKernelReduce(device, buffer, positions, vocabSize, repeats)),
  downloadReduceRandom: (positions, vocabSize, repeats = 3) =>
    withRandomLogits(positions, vocabSize, (device, buffer) => benchDownloadReduce(device, buffer, positions, vocabSize, repeats)),
  dispose: async () => {
    jobs.cancel();
    await disposeRewards();
    await engine?.dispose();
    engine = undefined;
    tokenizer = undefined;
    modelInfo = null;
  },
};

Comlink.expose(api);
