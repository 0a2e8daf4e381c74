// Container readers fed arbitrary chunk boundaries: rows must come out the same however the bytes
// are cut (multi-byte characters and escapes split across chunks included).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readJsonArray } from './json-array-reader.ts';
import { readJsonLines } from './line-reader.ts';
import type { RawRow } from './raw-row.ts';

async function* chunked(bytes: Uint8Array, cuts: number[]): AsyncGenerator<Uint8Array> {
  let start = 0;
  for (const cut of [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b)) {
    yield bytes.subarray(start, cut);
    start = cut;
  }
  yield bytes.subarray(start);
}

async function collect(rows: AsyncIterable<RawRow>): Promise<RawRow[]> {
  const out: RawRow[] = [];
  for await (const row of rows) out.push(row);
  return out;
}

const encode = (text: string) => new TextEncoder().encode(text);
const tricky = fc.record({
  id: fc.integer(),
  text: fc.string({ unit: 'grapheme' }),
  nested: fc.array(fc.constantFrom('[', ']', '{', '}', '"', '\\', ',', 'é', '😀'), { maxLength: 6 }),
});
const MAX = 1 << 20;

describe('readJsonLines', () => {
  it('yields the same rows for any chunking (property)', async () => {
    await fc.assert(fc.asyncProperty(fc.array(tricky, { minLength: 1, maxLength: 6 }), fc.array(fc.nat(), { maxLength: 8 }), async (rows, cuts) => {
      const bytes = encode(rows.map((r) => JSON.stringify(r)).join('\n'));
      const out = await collect(readJsonLines(chunked(bytes, cuts), MAX));
      expect(out.map((r) => r.value)).toEqual(rows);
      expect(out.map((r) => r.line)).toEqual(rows.map((_, i) => i + 1));
    }), { numRuns: 150 });
  });

  it('skips blank lines but keeps physical line numbers; reports bad lines and goes on', async () => {
    const bytes = encode('{"a":1}\r\n\n  \n{"a":\n[1,2]\n"text"\n{"a":3}');
    const out = await collect(readJsonLines(chunked(bytes, [3, 9]), MAX));
    expect(out.map((r) => [r.row, r.line, r.value ?? r.error?.reason.split(':')[0]])).toEqual([
      [0, 1, { a: 1 }],
      [1, 4, 'malformed JSON'],
      [2, 5, 'row is an array, not a JSON object'],
      [3, 6, 'row is a string, not a JSON object'],
      [4, 7, { a: 3 }],
    ]);
  });

  it('skips an over-long line without buffering it and keeps the next one', async () => {
    const long = `{"x":"${'y'.repeat(5000)}"}`;
    const out = await collect(readJsonLines(chunked(encode(`${long}\n{"ok":1}\n`), [100, 2000, 4000]), 1000));
    expect(out[0].error?.reason).toMatch(/line is 0\.0 MB, over the 0\.0 MB per-row limit; skipped/);
    expect(out[0].line).toBe(1);
    expect(out[1]).toMatchObject({ line: 2, value: { ok: 1 } });
  });

  it('reports invalid UTF-8 with the byte offset, on that line only', async () => {
    const bytes = new Uint8Array([...encode('{"a":"b'), 0xc3, 0x28, ...encode('"}\n{"a":"é"}\n')]);
    const out = await collect(readJsonLines(chunked(bytes, [8]), MAX));
    expect(out[0].error?.reason).toBe('invalid UTF-8 (bad byte 0xc3 at byte 7 of the row)');
    expect(out[1].value).toEqual({ a: 'é' });
  });
});

describe('readJsonArray', () => {
  it('yields each element, for any chunking and layout (property)', async () => {
    await fc.assert(fc.asyncProperty(fc.array(tricky, { maxLength: 6 }), fc.boolean(), fc.array(fc.nat(), { maxLength: 8 }), async (rows, pretty, cuts) => {
      const bytes = encode(`\ufeff${JSON.stringify(rows, null, pretty ? 2 : undefined)}\n`);
      const out = await collect(readJsonArray(chunked(bytes, cuts), MAX));
      expect(out.map((r) => r.value)).toEqual(rows);
      expect(out.map((r) => r.row)).toEqual(rows.map((_, i) => i));
    }), { numRuns: 150 });
  });

  it('reports the start line of a bad element and keeps the others', async () => {
    const out = await collect(readJsonArray(chunked(encode('[\n{"a":1},\n{"a":},\n{"a":3}\n]'), [5]), MAX));
    expect(out.map((r) => [r.row, r.line, r.value ?? r.error?.reason.split(':')[0]])).toEqual([[0, 2, { a: 1 }], [1, 3, 'malformed JSON'], [2, 4, { a: 3 }]]);
  });

  it('reports a cut-off array, trailing data and a missing array', async () => {
    const cut = await collect(readJsonArray(chunked(encode('[{"a":1},{"a":'), []), MAX));
    expect(cut.map((r) => r.value ?? r.error?.reason)).toEqual([{ a: 1 }, 'file ends inside the JSON array: this element is incomplete']);
    const trailing = await collect(readJsonArray(chunked(encode('[{"a":1}] x'), []), MAX));
    expect(trailing[1].error?.reason).toBe('unexpected data after the end of the JSON array');
    const none = await collect(readJsonArray(chunked(encode('{"a":1}'), []), MAX));
    expect(none[0].error?.reason).toBe('expected a JSON array starting with [');
  });

  it('skips an over-long element', async () => {
    const out = await collect(readJsonArray(chunked(encode(`[{"x":"${'y'.repeat(3000)}"},{"ok":1}]`), [10, 1500]), 1000));
    expect(out[0].error?.reason).toContain('over the');
    expect(out[1].value).toEqual({ ok: 1 });
  });
});
