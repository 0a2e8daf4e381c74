// `npm run eval:segments`: approach-start precision/recall/F1 against DeltaBench's human section
// labels (sections with strategy_shift = 1 start a new approach; section.start is a 1-based index
// into long_cot.split("\n\n")). A predicted start counts if within one paragraph of a true one.
// Reads ../shared/data when present and skips cleanly otherwise (DeltaBench may not be copied).
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { analyzeTrace } from '../src/cot/dlcot/index.ts';
import { rowToTrace } from '../test/fixtures/dlcot/layouts.ts';

const FILE = resolve(process.env.TRELLIS_SHARED ?? '../shared', 'data/traces/deltabench_v1_examples.jsonl');
const TOLERANCE = 1;

interface Section { start: number; end: number }
interface Info { strategy_shift: string }

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

function main(): number {
  if (!existsSync(FILE)) {
    console.log(`eval:segments: ${FILE} not found; skipping (DeltaBench is read from ../shared only).`);
    return 0;
  }
  let tp = 0;
  let predicted = 0;
  let truth = 0;
  let hit = 0;
  // Section-level view: DeltaBench sections are coarse, so also count a predicted start that falls
  // inside a strategy-shift section (precision) and shift sections holding a predicted start (recall).
  let inShift = 0;
  let shiftHit = 0;
  const lines = readFileSync(FILE, 'utf8').split('\n').filter((l) => l.trim());
  lines.forEach((line, row) => {
    const record = JSON.parse(line) as { long_cot: string; sections: Section[]; sections_labeled_info: Info[] };
    const trace = rowToTrace('deltabench_v1_examples.jsonl', row, record);
    const shifts = record.sections.filter((_, i) => record.sections_labeled_info[i]?.strategy_shift === '1');
    const gold = shifts.map((s) => s.start);
    const para = paragraphOf(trace.reasoning);
    const analysis = analyzeTrace(trace, { policies: [] });
    const pred = [...new Set(analysis.approaches.map((a) => para(a.charStart)))];
    const rowTp = matchCount(pred, gold);
    tp += rowTp;
    hit += matchCount(gold, pred);
    predicted += pred.length;
    inShift += pred.filter((p) => shifts.some((s) => p >= s.start && p <= s.end)).length;
    shiftHit += shifts.filter((s) => pred.some((p) => p >= s.start && p <= s.end)).length;
    truth += gold.length;
    console.log(`row ${row}: gold ${gold.length} [${gold.join(',')}] predicted ${pred.length} matched ${rowTp}`);
  });
  const precision = predicted ? tp / predicted : 0;
  const recall = truth ? hit / truth : 0;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  console.log(`\n${lines.length} traces, ${truth} true approach starts, ${predicted} predicted (tolerance ±${TOLERANCE} paragraph)`);
  console.log(`precision ${precision.toFixed(3)}  recall ${recall.toFixed(3)}  F1 ${f1.toFixed(3)}`);
  const sp = predicted ? inShift / predicted : 0;
  const sr = truth ? shiftHit / truth : 0;
  console.log(`section level: precision ${sp.toFixed(3)} (predicted starts inside a shift section)  recall ${sr.toFixed(3)} (shift sections holding a predicted start)`);
  return 0;
}

process.exit(main());
