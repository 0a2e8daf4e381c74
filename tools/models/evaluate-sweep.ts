// Exports and evaluates every variant left by sweep.sh: ONNX through train.py's export stage, then
// the reward metrics on held-out traces (and on training templates with unseen seeds) and, for
// variants that trained their own LM, the LM metrics. Prints one table and writes results.json.
// Usage: npx tsx tools/models/evaluate-sweep.ts SWEEP_DIR [--synthetic N]
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateTraces } from '../../src/cot/synthetic/index';
import { heldoutTraces, lmMetrics, loadModels, rewardMetrics } from './eval-core';

const sweepDir = process.argv[2];
if (!sweepDir) throw new Error('usage: evaluate-sweep.ts SWEEP_DIR [--synthetic N]');
const countIndex = process.argv.indexOf('--synthetic');
const syntheticCount = countIndex >= 0 ? Number(process.argv[countIndex + 1]) : 300;
const python = process.env.PYTHON ?? '/usr/bin/python3';

function exportVariant(dir: string): void {
  const env = { ...process.env, TRELLIS_WEIGHTS_DIR: dir, TRELLIS_MODELS_OUT: join(dir, 'models') };
  const result = spawnSync(python, [join(import.meta.dirname, 'train.py'), 'export'], { env, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`export of ${dir} failed:\n${result.stderr}`);
}

const heldout = heldoutTraces(syntheticCount);
const trainFamily = generateTraces(200, { seed: 500_000, family: 'train' });
const results: Record<string, unknown> = {};
for (const name of readdirSync(sweepDir).sort()) {
  const dir = join(sweepDir, name);
  if (!existsSync(join(dir, 'rm.bin'))) continue;
  if (!existsSync(join(dir, 'models/trellis-rm-tiny/onnx/model.onnx'))) exportVariant(dir);
  const models = await loadModels(join(dir, 'models'));
  const reward = await rewardMetrics(models, heldout);
  const train = await rewardMetrics(models, trainFamily);
  const lm = await lmMetrics(models, heldout.slice(0, 50).map((t) => t.record.reasoning));
  results[name] = { reward, train, lmPerplexity: lm.perplexity };
  const pct = (x: number) => `${(100 * x).toFixed(1)}%`.padStart(6);
  console.log(
    `${name.padEnd(14)} heldout loc ${pct(reward.localisation)} false ${pct(reward.falsePivotRate)} auroc ${reward.auroc.toFixed(3)}` +
      ` | train loc ${pct(train.localisation)} false ${pct(train.falsePivotRate)} auroc ${train.auroc.toFixed(3)} | lm ppl ${lm.perplexity.toFixed(1)}`,
  );
}
writeFileSync(join(sweepDir, 'results.json'), JSON.stringify(results, null, 2) + '\n');
