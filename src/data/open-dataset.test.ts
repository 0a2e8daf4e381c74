import { openAsBlob } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import type { TraceRecord } from '../cot/trace.ts';
import { detectDataset, openDataset, type DatasetError, type DatasetFile, type Detection, type OpenProgress } from './open-dataset.ts';

const row = (i: number, extra = '') => JSON.stringify({ id: `r${i}`, messages: [{ role: 'user', content: `Q${i}${extra}` }, { role: 'assistant', content: `<think>step ${i}</think>A${i}` }], answer: `A${i}` });
const jsonl = (n: number) => Array.from({ length: n }, (_, i) => row(i)).join('\n') + '\n';
const file = (name: string, ...parts: BlobPart[]): DatasetFile => ({ name, blob: new Blob(parts) });

async function run(files: DatasetFile[], options: { signal?: AbortSignal; maxRowBytes?: number; onBatch?: (batch: TraceRecord[]) => void } = {}) {
  const traces: TraceRecord[] = [];
  const errors: DatasetError[] = [];
  const progress: OpenProgress[] = [];
  const detections: Detection[] = [];
  let batches = 0;
  const summary = await openDataset(files, {
    ...options,
    onTraces: (batch) => { batches++; traces.push(...batch); options.onBatch?.(batch); },
    onError: (e) => errors.push(e),
    onProgress: (p) => progress.push(p),
    onDetected: (d) => detections.push(d),
  });
  return { summary, traces, errors, progress, detections, batches };
}

describe('openDataset', () => {
  it('names a pretty-printed single JSON object once instead of failing every line', async () => {
    const pretty = `{\n  "data": [\n    ${row(1)}\n  ]\n}\n`;
    const { traces, errors } = await run([file('export.json', pretty), file('ok.jsonl', jsonl(2))]);
    expect(traces.map((t) => t.id)).toEqual(['r0', 'r1']);
    expect(errors).toHaveLength(1);
    expect(errors[0].file).toBe('export.json');
    expect(errors[0].reason).toContain('single pretty-printed JSON object');
  });

  it('reads a 50 MB single line as one reported error and keeps the rows around it', async () => {
    const huge = JSON.stringify({ messages: [{ role: 'user', content: 'q' }, { role: 'assistant', content: 'x'.repeat(50_000_000) }] });
    const { summary, traces, errors } = await run([file('huge.jsonl', row(1), '\n', huge, '\n', row(2), '\n')]);
    expect(traces.map((t) => t.id)).toEqual(['r1', 'r2']);
    expect(errors).toEqual([{ file: 'huge.jsonl', line: 2, row: 1, reason: 'line is 50.0 MB, over the 16.0 MB per-row limit; skipped' }]);
    expect(summary.rows).toBe(3);
  });

  it('loads that 50 MB line when the per-row limit allows it', async () => {
    const huge = JSON.stringify({ messages: [{ role: 'user', content: 'q' }, { role: 'assistant', content: `<think>${'x'.repeat(50_000_000)}</think>done` }] });
    const { traces, errors } = await run([file('huge.jsonl', huge, '\n')], { maxRowBytes: 64 * 1024 * 1024 });
    expect(errors).toEqual([]);
    expect(traces[0].reasoning.length).toBe(50_000_000);
    expect(traces[0].answer).toBe('done');
  });

  it('streams traces in batches with progress ending at the full byte count', async () => {
    const text = jsonl(1000);
    const { summary, traces, progress, batches } = await run([file('a.jsonl', text)]);
    expect(summary).toMatchObject({ layout: 'messages', rows: 1000, traces: 1000, withReference: 1000, truncated: 0, errors: [] });
    expect(traces.map((t) => t.id)).toEqual(Array.from({ length: 1000 }, (_, i) => `r${i}`));
    expect(batches).toBeGreaterThan(1);
    const last = progress.at(-1)!;
    expect(last).toEqual({ bytesRead: new TextEncoder().encode(text).length, bytesTotal: new TextEncoder().encode(text).length, rows: 1000, traces: 1000, errors: 0 });
  });

  it('stops when aborted and rejects with the abort reason', async () => {
    const controller = new AbortController();
    const seen: TraceRecord[] = [];
    const opening = run([file('a.jsonl', jsonl(3000))], { signal: controller.signal, onBatch: (batch) => { seen.push(...batch); controller.abort(); } });
    await expect(opening).rejects.toMatchObject({ name: 'AbortError' });
    expect(seen.length).toBeGreaterThan(0);
    expect(seen.length).toBeLessThan(3000);
  });

  it('opens shards as one dataset with unique ids (a repeated own id gets file and row)', async () => {
    const { summary, traces } = await run([file('part-0.jsonl', jsonl(3)), file('part-1.jsonl.gz', gzipSync(jsonl(2)))]);
    expect(summary).toMatchObject({ files: ['part-0.jsonl', 'part-1.jsonl.gz'], layout: 'messages', rows: 5, traces: 5 });
    expect(traces.map((t) => t.id)).toEqual(['r0', 'r1', 'r2', 'r0@part-1.jsonl.gz:0', 'r1@part-1.jsonl.gz:1']);
  });

  it('detects per row when a later row has another layout than the sample', async () => {
    const sharegpt = JSON.stringify({ conversations: [{ from: 'human', value: 'q' }, { from: 'gpt', value: '<think>r</think>a' }] });
    const { summary, traces, detections } = await run([file('m.jsonl', jsonl(10), sharegpt, '\n')]);
    expect(detections[0]).toMatchObject({ layout: 'messages', container: 'jsonl' });
    expect(traces.map((t) => t.layout).slice(-2)).toEqual(['messages', 'sharegpt']);
    expect(summary.layout).toBe('mixed');
  });

  it('reports every unusable file with its reason and still reads the good ones', async () => {
    const { summary, errors } = await run([file('empty.jsonl'), file('x.parquet', jsonl(1)), file('ok.jsonl', jsonl(2)), file('bin.jsonl', new Uint8Array([0, 1, 2, 3, 255, 0]))]);
    expect(summary.traces).toBe(2);
    expect(errors.map((e) => [e.file, e.reason])).toEqual([
      ['empty.jsonl', 'empty file (0 bytes)'],
      ['x.parquet', 'not a Parquet file: no PAR1 header (the bytes look like JSON Lines)'],
      ['bin.jsonl', 'binary data, not JSON Lines, a JSON array or Parquet'],
    ]);
  });

  it('reads real files wrapped with fs.openAsBlob, as the CLI does', async () => {
    const blob = await openAsBlob('test/fixtures/formats/reasoning-content-snappy.parquet');
    const { summary, traces, detections } = await run([{ name: 'rc.parquet', blob }]);
    expect(detections[0]).toMatchObject({ container: 'parquet', layout: 'reasoning-content' });
    expect(summary).toMatchObject({ rows: 2, traces: 2, withReference: 2 });
    expect(traces[0]).toMatchObject({ reference: '42', answer: '$12 + 30 = \\boxed{42}$' });
  });
});

describe('detectDataset', () => {
  it('sniffs container and layout from the first rows only', async () => {
    // A broken tail must not matter: detection stops after the sample.
    const detections = await detectDataset([file('a.jsonl.gz', gzipSync(jsonl(20))), file('b.json', `[${row(0)},${row(1)}`), file('c.jsonl', jsonl(10), '\u0000garbage')]);
    expect(detections.map((d) => [d.file, d.container, d.compressed, d.layout])).toEqual([
      ['a.jsonl.gz', 'jsonl', true, 'messages'],
      ['b.json', 'json-array', false, 'messages'],
      ['c.jsonl', 'jsonl', false, 'messages'],
    ]);
    expect(detections[0].confidence).toBeGreaterThan(0.5);
    expect(detections[0].reason).toContain('role, content');
  });

  it('names the problem for files it cannot read', async () => {
    const [detection] = await detectDataset([file('x.jsonl.gz', jsonl(1))]);
    expect(detection).toMatchObject({ layout: null, confidence: 0, reason: 'named .gz but not gzip-compressed (the bytes look like JSON Lines)' });
  });
});
