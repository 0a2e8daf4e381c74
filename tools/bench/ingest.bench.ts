// Ingest throughput: a generated ~300 MB JSONL of realistic traces read through openDataset (the
// worker's reader code, no trace retained) vs a baseline that only splits lines and calls JSON.parse.
// Goal: openDataset >= 70% of the baseline, peak RSS well below the file size.
import { createWriteStream, existsSync, mkdirSync, openAsBlob, readFileSync, statSync } from 'node:fs';
import { once } from 'node:events';
import { openDataset } from '../../src/data/open-dataset.ts';

const PATH = '.bench/ingest-300mb.jsonl';
const TARGET_BYTES = Number(process.env.INGEST_BENCH_MB ?? 300) * 1e6;

/** Paragraphs of real model text (the bundled samples) to build rows from. */
function paragraphs(): string[] {
  const out: string[] = [];
  for (const name of ['thought-anchors-r1-distill.jsonl', 'skythought-sky-t1-amc23.jsonl', 'thoughtology-deepseek-r1.jsonl']) {
    for (const line of readFileSync(`public/samples/${name}`, 'utf8').split('\n').filter(Boolean)) {
      const row = JSON.parse(line);
      const text: string = row.base_solution?.solution ?? row.code?.[0] ?? row.answer ?? '';
      out.push(...text.split('\n\n').filter((p) => p.length > 40));
    }
  }
  return out;
}

async function generate(): Promise<void> {
  mkdirSync('.bench', { recursive: true });
  const source = paragraphs();
  let seed = 7;
  const next = (n: number) => { seed = (seed * 1103515245 + 12345) & 0x7fffffff; return seed % n; };
  const out = createWriteStream(PATH);
  let written = 0;
  for (let i = 0; written < TARGET_BYTES; i++) {
    const count = 8 + next(60); // ~2–25 KB of reasoning per trace
    const reasoning = Array.from({ length: count }, () => source[next(source.length)]).join('\n\n');
    const answer = `${source[next(source.length)]}\n\nThe answer is $\\boxed{${next(1000)}}$.`;
    const line = `${JSON.stringify({ id: `bench-${i}`, messages: [{ role: 'user', content: source[next(source.length)] }, { role: 'assistant', content: `<think>\n${reasoning}\n</think>\n\n${answer}` }], reference_answer: String(next(1000)), source: 'bench' })}\n`;
    written += Buffer.byteLength(line);
    if (!out.write(line)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
}

interface Figures { seconds: number; rows: number; peakRssMb: number }

async function measure(task: () => Promise<number>): Promise<Figures> {
  globalThis.gc?.();
  let peak = process.memoryUsage.rss();
  const timer = setInterval(() => { peak = Math.max(peak, process.memoryUsage.rss()); }, 20);
  const started = performance.now();
  const rows = await task();
  const seconds = (performance.now() - started) / 1000;
  clearInterval(timer);
  peak = Math.max(peak, process.memoryUsage.rss());
  return { seconds, rows, peakRssMb: peak / 1e6 };
}

/** Baseline: the same Blob stream, decoded, split on newlines, JSON.parse per line; nothing else. */
async function baseline(): Promise<number> {
  const blob = await openAsBlob(PATH);
  const reader = blob.stream().pipeThrough(new TextDecoderStream()).getReader();
  let rest = '';
  let rows = 0;
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    const lines = (rest + value).split('\n');
    rest = lines.pop() ?? '';
    for (const line of lines) if (line) { JSON.parse(line); rows++; }
  }
  if (rest) { JSON.parse(rest); rows++; }
  return rows;
}

async function ingest(): Promise<number> {
  const blob = await openAsBlob(PATH);
  let traces = 0;
  const summary = await openDataset([{ name: 'ingest.jsonl', blob }], { onTraces: (batch) => { traces += batch.length; } });
  if (summary.errors.length > 0 || traces !== summary.rows) throw new Error(`unexpected: ${summary.errors.length} errors, ${traces} traces / ${summary.rows} rows`);
  return summary.rows;
}

if (!existsSync(PATH) || statSync(PATH).size < TARGET_BYTES * 0.95) {
  const started = performance.now();
  await generate();
  console.log(`generated ${PATH} in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}
const megabytes = statSync(PATH).size / 1e6;
const report = (label: string, f: Figures) => console.log(`${label.padEnd(28)} ${(megabytes / f.seconds).toFixed(1).padStart(7)} MB/s ${(f.rows / f.seconds).toFixed(0).padStart(8)} rows/s  ${f.seconds.toFixed(2)} s  peak RSS ${f.peakRssMb.toFixed(0)} MB`);
console.log(`file: ${megabytes.toFixed(1)} MB`);
// Alternate the two, best of two each, so neither gets all the warm page cache.
const runs: { base: Figures[]; open: Figures[] } = { base: [], open: [] };
for (let round = 0; round < 2; round++) {
  runs.base.push(await measure(baseline));
  runs.open.push(await measure(ingest));
}
const best = (list: Figures[]) => list.reduce((a, b) => (a.seconds <= b.seconds ? a : b));
const base = best(runs.base);
const open = best(runs.open);
report('baseline (split + JSON.parse)', base);
report('openDataset (traces)', open);
const ratio = base.seconds / open.seconds;
console.log(`ratio openDataset / baseline: ${(ratio * 100).toFixed(0)}% (goal >= 70%)`);
console.log(`peak RSS during openDataset: ${open.peakRssMb.toFixed(0)} MB for a ${megabytes.toFixed(0)} MB file`);
