// Writes the training and held-out data for `npm run models:train` into tools/models/.work/data:
// synthetic traces (TraceRecord rows + labels) and the reasoning text of the licensed real traces.
// Usage: npx tsx tools/models/generate-data.ts [--train N] [--heldout N]
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateTraces } from '../../src/cot/synthetic/index';
import { isRealHeldout, readRealTraces, SHARED_TRACES, type RealTrace } from './real-traces';

const DATA_SEEDS = { train: 1, heldout: 1_000_000, trainUnseen: 500_000 } as const;
const OUT = join(import.meta.dirname, '.work/data');

function argNumber(name: string, fallback: number): number {
  const index = process.argv.indexOf(name);
  return index >= 0 ? Number(process.argv[index + 1]) : fallback;
}

function writeJsonl(file: string, rows: readonly unknown[]): void {
  writeFileSync(join(OUT, file), rows.map((row) => JSON.stringify(row)).join('\n') + '\n');
  console.log(`wrote ${rows.length} rows to ${join(OUT, file)}`);
}

function main(): void {
  mkdirSync(OUT, { recursive: true });
  const trainCount = argNumber('--train', 12000);
  const heldoutCount = argNumber('--heldout', 300);
  const flatten = (t: ReturnType<typeof generateTraces>[number]) => ({ ...t.record, labels: t.labels });
  writeJsonl('synthetic-train.jsonl', generateTraces(trainCount, { seed: DATA_SEEDS.train, family: 'train' }).map(flatten));
  writeJsonl('synthetic-heldout.jsonl', generateTraces(heldoutCount, { seed: DATA_SEEDS.heldout, family: 'heldout' }).map(flatten));
  // Training templates with unseen seeds: separates error detection from phrasing generalisation.
  writeJsonl('synthetic-train-unseen.jsonl', generateTraces(200, { seed: DATA_SEEDS.trainUnseen, family: 'train' }).map(flatten));
  const real = readRealTraces(SHARED_TRACES);
  if (real.length === 0) console.warn(`no real traces under ${SHARED_TRACES}: the LM trains on synthetic text only`);
  const split = (keep: boolean): RealTrace[] => real.filter((_, index) => isRealHeldout(index) === keep);
  writeJsonl('real-train.jsonl', split(false));
  writeJsonl('real-heldout.jsonl', split(true));
  if (real.length > 0) writeRealSample(split(true));
}

/** A small committed excerpt of held-out real traces (two per source) for `npm test`. */
function writeRealSample(heldout: readonly RealTrace[]): void {
  const rows = [...new Set(heldout.map((t) => t.source))].flatMap((source) =>
    heldout.filter((t) => t.source === source).slice(0, 2).map((t) => ({ id: t.id, source: t.source, text: t.text.slice(0, 3000) })),
  );
  const path = join(import.meta.dirname, 'data/real-heldout-sample.jsonl');
  writeFileSync(path, rows.map((row) => JSON.stringify(row)).join('\n') + '\n');
  console.log(`wrote ${rows.length} excerpts to ${path}`);
}

main();
