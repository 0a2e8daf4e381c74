// `npm run eval:segments`: approach-start precision/recall/F1 against DeltaBench's human section
// labels (sections with strategy_shift = 1 start a new approach; section.start is a 1-based index
// into long_cot.split("\n\n")). A predicted start counts if within one paragraph of a true one.
// Reads ../shared/data when present and skips cleanly otherwise (DeltaBench may not be copied).
//
// Three views, all printed:
// - whole trace (the original figure): every predicted start counts, gold = section starts;
// - labelled region: DeltaBench annotators label only the first sections of a trace (later ones have
//   an empty strategy_shift), so starts predicted after the last labelled section are not scored;
// - labelled region, shift step: gold is the annotators' `strategy_shift_step` (the paragraph where
//   the shift happens, which can lie inside the section) instead of the section start.
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { analyzeTrace } from '../src/cot/dlcot/index.ts';
import { rowToTrace } from '../test/fixtures/dlcot/layouts.ts';

const FILE = resolve(process.env.TRELLIS_SHARED ?? '../shared', 'data/traces/deltabench_v1_examples.jsonl');
const TOLERANCE = 1;

interface Section { start: number; end: number }
interface Info { strategy_shift: string; strategy_shift_step?: string }
interface Tally { tp: number; hit: number; predicted: number; truth: number }

/** 1-based paragraph index (split on "\n\n") of each character offset. */
function paragraphOf(text: string): (offset: number) => number {
  const starts: number[] = [0];
  for (let i = text.indexOf('\n\n'); i >= 0; i = text.indexOf('\n\n', i + 2)) starts.push(i + 2);
  return (offset) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  };
}

function matchCount(from: number[], to: number[]): number {
  return from.filter((p) => to.some((t) => Math.abs(p - t) <= TOLERANCE)).length;
}

function add(t: Tally, pred: number[], gold: number[]): number {
  const tp = matchCount(pred, gold);
  t.tp += tp;
  t.hit += matchCount(gold, pred);
  t.predicted += pred.length;
  t.truth += gold.length;
  return tp;
}

function report(name: string, t: Tally): void {
  const precision = t.predicted ? t.tp / t.predicted : 0;
  const recall = t.truth ? t.hit / t.truth : 0;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  console.log(`${name.padEnd(34)} precision ${precision.toFixed(3)}  recall ${recall.toFixed(3)}  F1 ${f1.toFixed(3)}  (${t.predicted} predicted, ${t.truth} true)`);
}

function shiftStep(section: Section, info: Info): number {
  const step = Number(info.strategy_shift_step);
  return Number.isInteger(step) && step >= section.start && step <= section.end ? step : section.start;
}

function main(): number {
  if (!existsSync(FILE)) {
    console.log(`eval:segments: ${FILE} not found; skipping (DeltaBench is read from ../shared only).`);
    return 0;
  }
  const whole: Tally = { tp: 0, hit: 0, predicted: 0, truth: 0 };
  const labelled: Tally = { tp: 0, hit: 0, predicted: 0, truth: 0 };
  const steps: Tally = { tp: 0, hit: 0, predicted: 0, truth: 0 };
  const lines = readFileSync(FILE, 'utf8').split('\n').filter((l) => l.trim());
  lines.forEach((line, row) => {
    const record = JSON.parse(line) as { long_cot: string; sections: Section[]; sections_labeled_info: Info[] };
    const trace = rowToTrace('deltabench_v1_examples.jsonl', row, record);
    const info = (i: number) => record.sections_labeled_info[i];
    const shiftIdx = record.sections.map((_, i) => i).filter((i) => info(i)?.strategy_shift === '1');
    const gold = shiftIdx.map((i) => record.sections[i].start);
    const goldSteps = shiftIdx.map((i) => shiftStep(record.sections[i], info(i)));
    const lastLabelled = record.sections.filter((_, i) => info(i)?.strategy_shift === '0' || info(i)?.strategy_shift === '1').at(-1)?.end ?? 0;
    const para = paragraphOf(trace.reasoning);
    const analysis = analyzeTrace(trace, { policies: [] });
    const pred = [...new Set(analysis.approaches.map((a) => para(a.charStart)))];
    const inLabelled = pred.filter((p) => p <= lastLabelled + TOLERANCE);
    const rowTp = add(whole, pred, gold);
    add(labelled, inLabelled, gold);
    const stepTp = add(steps, inLabelled, goldSteps);
    console.log(`row ${row}: gold ${gold.length} [${goldSteps.join(',')}] labelled to ${lastLabelled}; predicted ${pred.length} (${inLabelled.length} labelled) [${inLabelled.join(',')}] matched ${rowTp} / ${stepTp}`);
  });
  console.log(`\n${lines.length} traces (tolerance ±${TOLERANCE} paragraph)`);
  report('whole trace, section starts', whole);
  report('labelled region, section starts', labelled);
  report('labelled region, shift steps', steps);
  return 0;
}

process.exit(main());
