import { mkdtempSync, openAsBlob, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../main.ts';
import { parseScoreArgs } from './score.ts';
import { openDataset } from '../../data/open-dataset.ts';
import type { TraceRecord } from '../../cot/trace.ts';

async function tracesOf(path: string): Promise<TraceRecord[]> {
  const traces: TraceRecord[] = [];
  await openDataset([{ name: 'traces.jsonl', blob: await openAsBlob(path) }], { onTraces: (batch) => traces.push(...batch) });
  return traces;
}

const MODEL = 'test/fixtures/models/tiny-random';
const rows = [
  { prompt: 'What is 6 × 7?', completion: '<think>\nOkay, 6 × 7 = 42. Wait — check: 7 + 7 + 7 + 7 + 7 + 7 = 42 ✓ 答\n</think>\n\nThe answer is $\\boxed{42}$ 🙂' },
  { prompt: 'What is 1 + 1?', completion: '<think>\nEasy: 2.\n</think>\n\n2' },
];

async function runScore(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await main(['score', ...args], { stdout: (t) => { stdout += t; }, stderr: (t) => { stderr += t; } });
  return { code, stdout, stderr };
}

function writeDataset(): string {
  const dir = mkdtempSync(join(tmpdir(), 'trellis-score-'));
  const file = join(dir, 'traces.jsonl');
  writeFileSync(file, rows.map((r) => JSON.stringify(r)).join('\n'));
  return file;
}

interface TokenRow { id: number; charStart: number; charEnd: number; logprob: number | null; entropy: number | null; rank: number | null; top: Array<[string, number]> }

describe('trellis score', () => {
  it('writes one JSONL record per trace whose token offsets tile reasoning + separator + answer', async () => {
    const file = writeDataset();
    const { code, stdout, stderr } = await runScore([file, '--model', MODEL, '--json', '--chunk-length', '16']);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const records = stdout.trim().split('\n').map((line) => JSON.parse(line) as { id: string; model: string; reasoningChars: number; answerCharStart: number; tokens: TokenRow[] });
    expect(records).toHaveLength(2);
    const [first] = records;
    expect(first.model).toBe('tiny-random');
    const [trace] = await tracesOf(file);
    expect(trace.reasoning).toContain('Okay, 6 × 7 = 42.');
    expect(first.reasoningChars).toBe(trace.reasoning.length);
    expect(first.answerCharStart).toBe(trace.reasoning.length + 2);
    expect(first.tokens[first.tokens.length - 1].charEnd).toBe(first.answerCharStart + trace.answer.length);
    let cursor = 0;
    for (const token of first.tokens) {
      expect(token.charStart).toBe(cursor);
      cursor = token.charEnd;
    }
    expect(first.tokens[0]).toMatchObject({ logprob: null, entropy: null, rank: null, top: [] });
    for (const token of first.tokens.slice(1)) {
      expect(token.logprob).toBeLessThanOrEqual(0);
      expect(token.top).toHaveLength(5);
      expect(token.top[0][1]).toBeGreaterThanOrEqual(token.logprob as number);
    }
  });

  it('honours --limit and prints a per-trace summary without --json', async () => {
    const { code, stdout, stderr } = await runScore([writeDataset(), '--model', MODEL, '--limit', '1']);
    expect(code).toBe(0);
    expect(stdout.trim().split('\n')).toHaveLength(1);
    expect(stderr).toMatch(/tokens, mean surprisal [\d.]+ nats/);
  });

  it('reports a model folder that does not fit', async () => {
    const { code, stderr } = await runScore([writeDataset(), '--model', 'test/fixtures/models/tiny-random-rm']);
    expect(code).toBe(1);
    expect(stderr).toMatch(/expected a causal LM/);
  });

  it('parses options and rejects bad ones', () => {
    expect(parseScoreArgs(['a.jsonl', '--limit', '3', '--threads', '2'])).toMatchObject({ files: ['a.jsonl'], limit: 3, threads: 2, json: false });
    expect(parseScoreArgs(['a.jsonl', '--limit', 'x'])).toMatch(/--limit needs a positive integer/);
    expect(parseScoreArgs(['--json'])).toBe('no input files');
    expect(parseScoreArgs(['a.jsonl', '--frobnicate'])).toBe('unknown option --frobnicate');
  });
});
