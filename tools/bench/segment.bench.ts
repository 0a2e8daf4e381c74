// DLCoT engine throughput: every step (units, macro, approaches, labels, clusters, trunk, all five
// simplification policies, tree) over the shared traces repeated to >= 100 MB of reasoning text.
// Baseline in the same run: a plain split on "\n\n" plus one regex scan for cue words.
// Uses the test fixtures (licensed traces) when ../shared is absent.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { analyzeTrace } from '../../src/cot/dlcot/index.ts';
import type { TraceRecord } from '../../src/cot/trace.ts';
import { parseTraces } from '../../test/fixtures/dlcot/layouts.ts';

const TARGET_BYTES = Number(process.env.BENCH_SEGMENT_BYTES ?? 100e6);
const BASELINE_ROUNDS = 5;
const SHARED = resolve(process.env.TRELLIS_SHARED ?? '../shared', 'data/traces');
const FIXTURES = resolve('test/fixtures/dlcot');

function loadTraces(): TraceRecord[] {
  const dir = existsSync(SHARED) ? SHARED : FIXTURES;
  const files = readdirSync(dir).filter((f) => f.endsWith('.jsonl'));
  return files.flatMap((f) => parseTraces(f, readFileSync(resolve(dir, f), 'utf8')));
}

const CUES = /\n\n(?:alternatively|wait|hmm|let me (?:try|think|check|verify)|another|maybe|perhaps)/gi;

function baseline(trace: TraceRecord): number {
  const paragraphs = trace.reasoning.split('\n\n').length;
  let cues = 0;
  CUES.lastIndex = 0;
  while (CUES.exec(trace.reasoning)) cues++;
  return paragraphs + cues;
}

function engine(trace: TraceRecord): number {
  return analyzeTrace(trace).approaches.length;
}

// Wall time and this process's CPU time: on a shared 2-core machine the CPU-time figure is the
// steadier one (other processes stretch wall time, not our CPU time).
function run(name: string, traces: TraceRecord[], rounds: number, bytes: number, fn: (t: TraceRecord) => number) {
  const start = performance.now();
  const cpu = process.cpuUsage();
  let sink = 0;
  for (let r = 0; r < rounds; r++) for (const t of traces) sink += fn(t);
  const seconds = (performance.now() - start) / 1000;
  const used = process.cpuUsage(cpu);
  const cpuSeconds = (used.user + used.system) / 1e6;
  const mb = (bytes * rounds) / 1e6;
  console.log(`${name.padEnd(26)} ${((traces.length * rounds) / seconds).toFixed(0).padStart(6)} traces/s  ${(mb / seconds).toFixed(1).padStart(6)} MB/s wall  ${(mb / cpuSeconds).toFixed(1).padStart(6)} MB/s cpu  (${mb.toFixed(0)} MB, ${seconds.toFixed(2)} s wall, ${cpuSeconds.toFixed(2)} s cpu, sink ${sink})`);
  return { wall: mb / seconds, cpu: mb / cpuSeconds, sink };
}

function main() {
  const traces = loadTraces();
  const encoder = new TextEncoder();
  const bytes = traces.reduce((sum, t) => sum + encoder.encode(t.reasoning).byteLength, 0);
  const rounds = Math.max(1, Math.ceil(TARGET_BYTES / bytes));
  console.log(`${traces.length} traces, ${(bytes / 1e6).toFixed(2)} MB of reasoning (UTF-8), ${rounds} rounds`);
  for (const t of traces.slice(0, 20)) engine(t); // warm-up
  // The baseline is ~30x faster: give it more rounds so its timing is not noise.
  const base = run('baseline split+regex', traces, rounds * BASELINE_ROUNDS, bytes, baseline);
  const full = run('dlcot analyzeTrace (all)', traces, rounds, bytes, engine);
  console.log(`approaches per trace: ${(full.sink / (traces.length * rounds)).toFixed(1)}`);
  console.log(`ratio engine/baseline (wall): ${(full.wall / base.wall).toFixed(3)}; (cpu): ${(full.cpu / base.cpu).toFixed(3)}`);
  console.log(`goal >= 20 MB/s: ${full.wall >= 20 ? 'met' : 'not met'} on wall time, ${full.cpu >= 20 ? 'met' : 'not met'} on CPU time`);
}

main();
