// Evaluates the bundled models with onnxruntime-node on held-out data and, with --write, rewrites
// both MODEL_CARD.md files and public/models/manifest.json.
// Usage: npx tsx tools/models/evaluate.ts [--write] [--synthetic N]
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateTraces } from '../../src/cot/synthetic/index';
import { approachBoundaryEntropy, heldoutTraces, lmMetrics, loadModels, MODELS_DIR, rewardMetrics } from './eval-core';
import { buildManifest } from './manifest';
import { readIo } from './onnx-io';
import { writeCards, type Evaluation, type TrainingSummary } from './model-card';
import { isRealHeldout, readRealTraces, SHARED_TRACES } from './real-traces';

function argNumber(name: string, fallback: number): number {
  const index = process.argv.indexOf(name);
  return index >= 0 ? Number(process.argv[index + 1]) : fallback;
}

async function evaluate(syntheticCount: number): Promise<Evaluation> {
  const models = await loadModels();
  const traces = heldoutTraces(syntheticCount);
  const started = Date.now();
  const reward = await rewardMetrics(models, traces);
  console.log('reward', reward, `${Date.now() - started} ms`);
  // Same templates as training, unseen seeds: separates phrasing generalisation from error detection.
  const rewardTrainFamily = await rewardMetrics(models, generateTraces(200, { seed: 500_000, family: 'train' }));
  console.log('reward (training templates, unseen seeds)', rewardTrainFamily);
  const synthetic = await lmMetrics(models, traces.map((t) => t.record.reasoning));
  const approachEntropy = await approachBoundaryEntropy(models, traces.slice(0, 100));
  console.log('synthetic lm', synthetic, 'approach entropy', approachEntropy);
  const real = readRealTraces(SHARED_TRACES).filter((_, index) => isRealHeldout(index));
  const realLm = real.length > 0 ? await lmMetrics(models, real.map((t) => t.text)) : null;
  console.log('real lm', realLm);
  return { syntheticLm: synthetic, approachEntropy, realLm, reward, rewardTrainFamily };
}

async function main(): Promise<void> {
  const evaluation = await evaluate(argNumber('--synthetic', 300));
  // A run that exported elsewhere ($TRELLIS_MODELS_OUT, e.g. --quick) keeps its metrics beside its models.
  const metricsPath = process.env.TRELLIS_MODELS_OUT ? join(MODELS_DIR, 'metrics.json') : join(import.meta.dirname, 'metrics.json');
  writeFileSync(metricsPath, JSON.stringify(evaluation, null, 2) + '\n');
  if (!process.argv.includes('--write')) return;
  const summaryPath = process.env.TRELLIS_SUMMARY ?? join(import.meta.dirname, 'training-summary.json');
  const summary = JSON.parse(readFileSync(summaryPath, 'utf8')) as TrainingSummary;
  const io = await readIo(MODELS_DIR);
  // Cards first: the manifest hashes them too.
  const draft = buildManifest(MODELS_DIR, io);
  writeCards(MODELS_DIR, summary, evaluation, draft);
  const manifest = buildManifest(MODELS_DIR, io);
  writeFileSync(join(MODELS_DIR, 'manifest.json'), JSON.stringify(manifest, null, 2) + '\n');
  console.log(`wrote cards and manifest (${manifest.totalBytes} bytes in all)`);
  if (!existsSync(SHARED_TRACES)) console.warn('real-trace metrics skipped: ../shared/data/traces not found');
}

await main();
