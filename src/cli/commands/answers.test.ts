import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { answersCommand } from './answers.ts';

function runWith(cases: unknown): Promise<{ code: number; out: string; err: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'trellis-answers-'));
  const file = join(dir, 'cases.json');
  writeFileSync(file, typeof cases === 'string' ? cases : JSON.stringify(cases));
  let out = '';
  let err = '';
  return answersCommand.run([file], { stdout: (t) => { out += t; }, stderr: (t) => { err += t; } }).then((code) => ({ code, out, err }));
}

describe('trellis answers', () => {
  it('prints one JSON array with equal / extracted per case', async () => {
    const { code, out } = await runWith([
      { id: 'a', kind: 'equivalence', gold: '1/2', pred: '\\frac{2}{4}' },
      { id: 'b', kind: 'equivalence', gold: 5, pred: 'The answer is \\boxed{6}' },
      { id: 'c', kind: 'equivalence', gold: '1', pred: '\\frac{1}{0}' },
      { id: 'd', kind: 'extraction', text: 'so we get \\boxed{\\frac{1}{2}}' },
      { id: 'e', kind: 'extraction', text: 'nothing here' },
    ]);
    expect(code).toBe(0);
    expect(JSON.parse(out)).toEqual([
      { id: 'a', equal: true }, { id: 'b', equal: false }, { id: 'c', equal: null },
      { id: 'd', extracted: '\\frac{1}{2}' }, { id: 'e', extracted: null },
    ]);
  });

  it('runs the real conformance file', async () => {
    const { readFileSync } = await import('node:fs');
    const text = readFileSync(new URL('../../../test/fixtures/answers/answer-cases.json', import.meta.url), 'utf8');
    const { code, out } = await runWith(text);
    expect(code).toBe(0);
    const results = JSON.parse(out) as { id: string }[];
    expect(results).toHaveLength(276);
    expect(results.find((r) => r.id === 'nemoskills-equ-0efe35d0')).toEqual({ id: 'nemoskills-equ-0efe35d0', equal: true });
  });

  it('names the case and field of bad input and keeps the valid cases', async () => {
    const { code, out, err } = await runWith([{ id: 'x', kind: 'equivalence', gold: '1' }, { id: 'y', kind: 'extraction', text: '\\boxed{2}' }]);
    expect(code).toBe(1);
    expect(err).toContain("case 0 (id x): field 'pred'");
    expect(JSON.parse(out)).toEqual([{ id: 'x', equal: null }, { id: 'y', extracted: '2' }]);
  });

  it('reports unreadable JSON with the file name', async () => {
    const { code, err } = await runWith('[{"id": ');
    expect(code).toBe(1);
    expect(err).toMatch(/cases\.json: .*JSON/);
  });
});
