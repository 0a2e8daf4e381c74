// The layout corpus: every file in test/fixtures/formats/manifest.json must open exactly as listed.
// The real files in ../shared/data/traces are checked too when that folder exists (not in a fresh clone).
import { existsSync, openAsBlob, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { TraceRecord } from '../cot/trace.ts';
import { openDataset, type DatasetError, type OpenSummary } from './open-dataset.ts';

interface Entry {
  file: string;
  layout: string | null;
  rows: number;
  traces: number;
  truncated: number;
  references: (string | null)[];
  ids: string[];
  errors: { line?: number; reasonIncludes: string }[];
}

const DIR = 'test/fixtures/formats/';
const manifest = JSON.parse(readFileSync(`${DIR}manifest.json`, 'utf8')) as { entries: Entry[] };

async function open(path: string, name: string): Promise<{ summary: OpenSummary; traces: TraceRecord[]; errors: DatasetError[] }> {
  const traces: TraceRecord[] = [];
  const errors: DatasetError[] = [];
  const summary = await openDataset([{ name, blob: await openAsBlob(path) }], { onTraces: (batch) => traces.push(...batch), onError: (e) => errors.push(e) });
  return { summary, traces, errors };
}

function expectWellFormed(trace: TraceRecord): void {
  const { reasoningSpan: r, answerSpan: a, completion } = trace;
  expect(0 <= r.charStart && r.charStart <= r.charEnd && r.charEnd <= completion.length).toBe(true);
  expect(0 <= a.charStart && a.charStart <= a.charEnd && a.charEnd <= completion.length).toBe(true);
  expect(a.charStart).toBeGreaterThanOrEqual(r.charEnd);
  expect(trace.reasoning).toBe(completion.slice(r.charStart, r.charEnd));
  expect(trace.answer).toBe(completion.slice(a.charStart, a.charEnd));
}

describe('layout corpus (test/fixtures/formats/manifest.json)', () => {
  it('lists every fixture file', () => {
    expect(manifest.entries.length).toBeGreaterThanOrEqual(30);
    for (const entry of manifest.entries) expect(existsSync(`${DIR}${entry.file}`), entry.file).toBe(true);
  });

  for (const entry of manifest.entries) {
    it(`${entry.file}: ${entry.layout ?? 'error'}, ${entry.traces} traces`, async () => {
      const { summary, traces, errors } = await open(`${DIR}${entry.file}`, entry.file);
      expect(summary.layout).toBe(entry.layout ?? 'unknown');
      expect({ rows: summary.rows, traces: summary.traces, truncated: summary.truncated }).toEqual({ rows: entry.rows, traces: entry.traces, truncated: entry.truncated });
      expect(traces.map((t) => t.reference)).toEqual(entry.references);
      expect(traces.map((t) => t.id)).toEqual(entry.ids);
      expect(summary.withReference).toBe(entry.references.filter((r) => r !== null).length);
      expect(errors).toEqual(summary.errors);
      expect(errors).toHaveLength(entry.errors.length);
      entry.errors.forEach((expected, i) => {
        expect(errors[i].file).toBe(entry.file);
        expect(errors[i].line).toBe(expected.line);
        expect(errors[i].reason).toContain(expected.reasonIncludes);
      });
      for (const trace of traces) expectWellFormed(trace);
    });
  }
});

describe('real traces keep their text byte for byte', () => {
  it('thoughtology: the tagged chain is the raw completion, with tag spans in extra', async () => {
    const lines = readFileSync(`${DIR}real-thoughtology.jsonl`, 'utf8').split('\n').filter(Boolean);
    const { traces } = await open(`${DIR}real-thoughtology.jsonl`, 'real-thoughtology.jsonl');
    traces.forEach((trace, i) => {
      const raw = JSON.parse(lines[i]) as { answer: string };
      expect(trace.completion).toBe(raw.answer);
      expect(trace.reasoning).toContain('<DEFINE>');
      const tags = trace.extra.annotationTags as { tag: string; charStart: number }[];
      expect(tags.some((t) => t.tag === 'DEFINE')).toBe(true);
      for (const tag of tags) expect(trace.reasoning.startsWith(`<${tag.tag}>`, tag.charStart)).toBe(true);
    });
    // id 12 holds a backspace where the source wrote \boxed with one backslash: kept as is.
    expect(traces[2].completion).toContain('\u0008');
  });

  it('thought-anchors: solution closes a <think> opened in the prompt; chunks carried along', async () => {
    const { traces } = await open(`${DIR}real-thought-anchors.jsonl`, 'real-thought-anchors.jsonl');
    for (const trace of traces) {
      expect(trace.flags).toEqual({ truncated: false, missingOpenTag: true, multipleThinkBlocks: false });
      expect(trace.completion.slice(trace.reasoningSpan.charEnd)).toMatch(/^\s*<\/think>/);
      expect(Array.isArray(trace.extra.chunks_labeled)).toBe(true);
      expect((trace.extra.base_solution as { prompt: string }).prompt).toMatch(/<think>\s*$/);
    }
  });

  it('SkyThought: a cut-off Stratos trace is truncated and has no answer', async () => {
    const { traces } = await open(`${DIR}real-skythought-amc23.jsonl`, 'real-skythought-amc23.jsonl');
    expect(traces[0].flags.truncated).toBe(false);
    expect(traces[0].answer).toContain('\\boxed');
    expect(traces[1].flags.truncated).toBe(true);
    expect(traces[1].answer).toBe('');
    expect(traces[1].extra.score).toBe(false);
  });
});

const SHARED = '../shared/data/traces/';
const SHARED_FILES: [string, { traces: number; truncated: number; layout: string }][] = [
  ['skythought_sky-t1-math-correct-5k-32b_aime24.jsonl', { traces: 30, truncated: 11, layout: 'skythought-eval' }],
  ['skythought_sky-t1-math-correct-5k-14b_amc23.jsonl', { traces: 40, truncated: 16, layout: 'skythought-eval' }],
  ['thought-anchors_r1-distill_math-level5.jsonl', { traces: 40, truncated: 0, layout: 'thought-anchors' }],
  ['deltabench_v1_examples.jsonl', { traces: 9, truncated: 0, layout: 'deltabench' }],
  ['thoughtology_deepseek-r1_aime24.jsonl', { traces: 30, truncated: 3, layout: 'thoughtology' }],
];
// Only where ../shared exists (development machines); DeltaBench is read there, never copied.
for (const [file, expected] of SHARED_FILES.filter(([file]) => existsSync(`${SHARED}${file}`))) {
  describe(`shared data: ${file}`, () => {
    it('opens every record with a reference and the documented cut-offs', async () => {
      const { summary } = await open(`${SHARED}${file}`, file);
      expect(summary).toMatchObject({ layout: expected.layout, rows: expected.traces, traces: expected.traces, withReference: expected.traces, truncated: expected.truncated, errors: [] });
    });
  });
}

describe('bundled sample dataset (public/samples)', () => {
  const index = JSON.parse(readFileSync('public/samples/index.json', 'utf8')) as { files: { name: string; layout: string; traces: number }[] };

  it('stays small and attributed', () => {
    const bytes = index.files.reduce((sum, f) => sum + readFileSync(`public/samples/${f.name}`).length, 0);
    expect(bytes).toBeLessThan(2_000_000);
    const attribution = readFileSync('public/samples/ATTRIBUTION.md', 'utf8');
    for (const f of index.files) expect(attribution).toContain(f.name);
  });

  it('opens every listed file with the listed layout and trace count', async () => {
    const files = await Promise.all(index.files.map(async (f) => ({ name: f.name, blob: await openAsBlob(`public/samples/${f.name}`) })));
    const perFile = new Map<string, { layout: string; count: number }>();
    const summary = await openDataset(files, { onTraces: (batch) => {
      for (const t of batch) perFile.set(t.source.file, { layout: t.layout, count: (perFile.get(t.source.file)?.count ?? 0) + 1 });
    } });
    expect(summary.errors).toEqual([]);
    expect(summary.traces).toBe(28);
    expect(summary.withReference).toBe(28);
    for (const f of index.files) expect(perFile.get(f.name)).toEqual({ layout: f.layout, count: f.traces });
  });
});
