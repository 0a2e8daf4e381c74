import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../main.ts';
import { tokenCounterFor } from '../token-counter.ts';

async function segment(...args: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await main(['segment', ...args], { stdout: (t) => { stdout += t; }, stderr: (t) => { stderr += t; } });
  return { code, stdout, stderr, lines: stdout.split('\n').filter(Boolean).map((l) => JSON.parse(l)) };
}

const SKY = 'test/fixtures/dlcot/skythought-amc23-sample.jsonl';
const ANCHORS = 'test/fixtures/dlcot/thought-anchors-sample.jsonl';

describe('trellis segment', () => {
  it('counts tokens with the bundled tokenizer by default, words with --tokens words', async () => {
    const tokens = (await segment(SKY, '--with-text')).lines[0];
    const words = (await segment(SKY, '--with-text', '--tokens', 'words')).lines[0];
    const wordCount = tokens.reasoning.split(/\s+/).filter(Boolean).length;
    const bpeCount = tokenCounterFor('bundled').count(tokens.reasoning);
    expect(words.simplified.tokensBefore).toBe(wordCount);
    // Counted per paragraph and summed: within a few tokens of encoding the whole text at once.
    expect(Math.abs(tokens.simplified.tokensBefore - bpeCount)).toBeLessThanOrEqual(bpeCount * 0.02);
    expect(tokens.simplified.tokensBefore).toBeGreaterThan(wordCount);
    const bad = await segment(SKY, '--tokens', 'no-such-folder');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('no tokenizer.json');
  });

  it('writes one contract object per trace', async () => {
    const { code, lines, stderr } = await segment(SKY, ANCHORS);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(lines).toHaveLength(4);
    const first = lines[0];
    expect(Object.keys(first)).toEqual(['id', 'source', 'reference', 'reasoningLength', 'firstAnswerCharStart', 'macro', 'approaches', 'verification', 'simplified']);
    expect(first.source).toEqual({ file: 'skythought-amc23-sample.jsonl', row: 0, generation: 0 });
    expect(first.reference).toBe('36');
    expect(Object.keys(first.approaches[0])).toEqual(['id', 'charStart', 'charEnd', 'origin', 'answer', 'label1', 'cluster', 'redundant', 'onTrunk']);
    expect(first.simplified.policy).toBe('keep_one_global+delete_solution');
    expect(first.simplified.removed.every((r: { reason: string }) => typeof r.reason === 'string')).toBe(true);
    for (const line of lines) {
      expect(line.macro[0].charStart).toBe(0);
      expect(line.macro.at(-1).charEnd).toBe(line.reasoningLength);
    }
  });

  it('--with-text adds the reasoning the offsets refer to; --policy picks the policy', async () => {
    const { lines } = await segment(SKY, '--with-text', '--policy', 'delete_multi_all');
    const first = lines[0];
    expect(first.reasoning).toHaveLength(first.reasoningLength);
    expect(first.simplified.policy).toBe('delete_multi_all');
    const redundant = first.approaches.filter((a: { redundant: boolean }) => a.redundant);
    expect(first.simplified.removed).toHaveLength(redundant.length);
    expect(first.reasoning.slice(first.simplified.removed[0].charStart)).toMatch(/^Another approach/);
  });

  it('reports bad rows with file and line, keeps the good ones, and rejects bad options', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'trellis-segment-'));
    const file = join(dir, 'mixed.jsonl');
    const [good] = readFileSync(SKY, 'utf8').split('\n');
    writeFileSync(file, `${good}\n{broken\n`);
    const { code, lines, stderr } = await segment(file);
    expect(code).toBe(0);
    expect(lines).toHaveLength(1);
    expect(stderr).toMatch(/mixed\.jsonl:2/);
    expect((await segment(SKY, '--policy', 'nope')).code).toBe(2);
    expect((await segment('missing.jsonl')).stderr).toMatch(/missing\.jsonl: no such file/);
  });
});
