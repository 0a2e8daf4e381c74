import { describe, expect, it } from 'vitest';
import { main } from '../main.ts';

async function inspect(...args: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await main(['inspect', ...args], { stdout: (t) => { stdout += t; }, stderr: (t) => { stderr += t; } });
  return { code, stdout, stderr };
}

const F = 'test/fixtures/formats/';

describe('trellis inspect', () => {
  it('--json prints the contract object for several files read as one set', async () => {
    const { code, stdout, stderr } = await inspect(`${F}openr1.jsonl`, `${F}bad-malformed.jsonl`, '--json');
    expect(code).toBe(0);
    expect(stderr).toBe('');
    const result = JSON.parse(stdout);
    expect(Object.keys(result)).toEqual(['files', 'layout', 'rows', 'traces', 'withReference', 'truncated', 'errors']);
    expect(result).toEqual({
      files: ['openr1.jsonl', 'bad-malformed.jsonl'],
      layout: 'mixed',
      rows: 5,
      traces: 6,
      withReference: 6,
      truncated: 1,
      errors: [{ file: 'bad-malformed.jsonl', line: 2, reason: expect.stringContaining('malformed JSON') }],
    });
  });

  it('prints layout, per-file detection and counts for people', async () => {
    const { code, stdout } = await inspect(`${F}real-thoughtology.jsonl`);
    expect(code).toBe(0);
    expect(stdout).toContain('layout: thoughtology');
    expect(stdout).toContain('real-thoughtology.jsonl: jsonl, thoughtology (confidence 0.97)');
    expect(stdout).toContain('rows: 3  traces: 3  with reference: 3  truncated: 0  errors: 0');
  });

  it('exits 2 with the reason on stderr when nothing usable was read', async () => {
    const wrong = await inspect(`${F}bad-not-parquet.parquet`, '--json');
    expect(wrong.code).toBe(2);
    expect(JSON.parse(wrong.stdout).traces).toBe(0);
    expect(wrong.stderr).toContain('bad-not-parquet.parquet: not a Parquet file');
    const missing = await inspect(`${F}no-such-file.jsonl`);
    expect(missing).toMatchObject({ code: 2, stdout: '' });
    expect(missing.stderr).toContain('no-such-file.jsonl: no such file');
    const none = await inspect();
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('no input files');
  });
});
