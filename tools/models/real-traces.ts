// Reads the reasoning text of the licensed real traces in ../shared/data/traces (SkyThought:
// Apache-2.0, thought-anchors: MIT, thoughtology: MIT). DeltaBench has no licence and is never read.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface RealTrace {
  id: string;
  source: string;
  text: string;
}

type Extract = (row: Record<string, unknown>) => string | null;

const THOUGHTOLOGY_TAG = /\s?<\/?(?:DEFINE|BLOOM|CYCLE|FINAL|r|v)>/g;

const str = (value: unknown): string | null => (typeof value === 'string' ? value : null);

const extractors: Readonly<Record<string, Extract>> = {
  'skythought_sky-t1-math-correct-5k-14b_amc23.jsonl': skyThought,
  'skythought_sky-t1-math-correct-5k-32b_aime24.jsonl': skyThought,
  'thought-anchors_r1-distill_math-level5.jsonl': (row) => {
    const solution = str((row.base_solution as Record<string, unknown> | undefined)?.solution);
    return solution === null ? null : solution.split('</think>')[0]!.trim();
  },
  'thoughtology_deepseek-r1_aime24.jsonl': (row) => {
    const answer = str(row.answer);
    if (answer === null) return null;
    return answer.replace('<think>', '').split('</think>')[0]!.replace(THOUGHTOLOGY_TAG, '').trim();
  },
};

function skyThought(row: Record<string, unknown>): string | null {
  const code = Array.isArray(row.code) ? str(row.code[0]) : null;
  if (code === null) return null;
  const start = code.indexOf('<|begin_of_thought|>');
  const body = start >= 0 ? code.slice(start + '<|begin_of_thought|>'.length) : code;
  return body.split('<|end_of_thought|>')[0]!.trim();
}

/** Where the shared real traces live (outside the repository; absent in a fresh clone). */
export const SHARED_TRACES = join(import.meta.dirname, '../../../shared/data/traces');

/** Every 8th real trace is held out from LM training. */
export function isRealHeldout(index: number): boolean {
  return index % 8 === 3;
}

export const REAL_TRACE_FILES = Object.keys(extractors);

/** All licensed real traces, in file then row order; [] when the shared folder is absent. */
export function readRealTraces(folder: string): RealTrace[] {
  const traces: RealTrace[] = [];
  for (const file of REAL_TRACE_FILES) {
    const path = join(folder, file);
    if (!existsSync(path)) continue;
    const lines = readFileSync(path, 'utf8').split('\n').filter((line) => line.trim() !== '');
    lines.forEach((line, row) => {
      const text = extractors[file]!(JSON.parse(line) as Record<string, unknown>);
      if (text) traces.push({ id: `${file.replace('.jsonl', '')}#${row}`, source: file, text });
    });
  }
  return traces;
}
