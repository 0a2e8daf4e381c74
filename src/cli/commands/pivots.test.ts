import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runPivots, type ModelLoaders } from './pivots.ts';
import { main } from '../main.ts';
import type { CliIo } from '../command.ts';
import type { RewardScorer, TokenScorer } from '../../reward/ports.ts';

const modelDir = fileURLToPath(new URL('../../../test/fixtures/models/tiny-random/', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'trellis-pivots-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function capture(): CliIo & { out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, stdout: (t) => out.push(t), stderr: (t) => err.push(t) };
}

function loaders(seen: number[]): ModelLoaders {
  const reward: RewardScorer = {
    backend: 'fake',
    async rewards(ids) {
      seen.push(ids.length);
      // +1 for the first half of the tokens, -1 after: one pivot in the middle.
      return Float32Array.from(ids, (_, t) => (t < ids.length / 2 ? 1 : -1));
    },
  };
  return {
    rewardModel: async () => ({ scorer: reward, dispose: async () => {} }),
    languageModel: async () => { throw new Error('no LM in this test'); },
  };
}

/** Stand-in LM: entropy 3 nats on every 5th token, 0.1 elsewhere. */
const fakeLm: TokenScorer = {
  backend: 'fake',
  async score(ids) {
    const entropy = Float32Array.from(ids, (_, t) => (t === 0 ? Number.NaN : t % 5 === 0 ? 3 : 0.1));
    return { logprob: entropy.map((h) => -h), entropy, rank: new Int32Array(ids.length), topIds: new Int32Array(0), topLogprobs: new Float32Array(0), k: 0 };
  },
};

const rows = [
  { id: 'a', prompt: 'Add 2 and 2.', completion: '<think>Two plus two is four, so the sum is 4.</think>The answer is 4.', label: 'chosen' },
  { id: 'b', prompt: 'Add 2 and 2.', completion: '<think>Two plus two is five, so the sum is 5.</think>The answer is 5.', label: 'rejected' },
  { id: 'c', prompt: 'Add 2 and 2.', completion: '<think>Hmm.</think>' },
];
const file = join(dir, 'pairs.jsonl');
writeFileSync(file, `${rows.map((r) => JSON.stringify(r)).join('\n')}\nnot json\n`);

describe('trellis pivots', () => {
  it('writes one JSONL record per labelled trace with the issue contract', async () => {
    const io = capture();
    const seen: number[] = [];
    const code = await runPivots([file, '--model', modelDir, '--summary'], io, loaders(seen));
    const records = io.out.join('').trim().split('\n').map((line) => JSON.parse(line));
    expect(records.map((r) => r.id)).toEqual(['a', 'b']);
    const [a, b] = records;
    expect(a.track).toBe('reward');
    expect(a.polarity).toBe(1);
    expect(b.polarity).toBe(-1);
    expect(a.pivots).toHaveLength(1);
    expect(a.segments.map((s: { sign: number; kept: boolean }) => [s.sign, s.kept])).toEqual([[1, true], [-1, false]]);
    expect(b.segments.map((s: { kept: boolean }) => s.kept)).toEqual([false, true]);
    const reasoning = 'Two plus two is four, so the sum is 4.';
    expect(a.segments[0].charStart).toBe(0);
    expect(a.segments[1].charEnd).toBe(reasoning.length);
    expect(a.segments[0].tokenEnd).toBe(a.pivots[0]);
    expect(Object.keys(a.segments[0]).sort()).toEqual(['charEnd', 'charStart', 'kept', 'mean', 'sign', 'tokenEnd', 'tokenStart']);
    const err = io.err.join('');
    expect(err).toMatch(/pairs\.jsonl:4.*/);
    expect(err).toMatch(/no label .* skipped/);
    expect(err).toMatch(/pivots: 2 traces \(1 skipped, 0 failed\), 2 pivots/);
    expect(seen).toEqual([a.tokens, b.tokens]);
    expect(code).toBe(0);
  });

  it('puts the problem before the reasoning as context with --with-problem', async () => {
    const seen: number[] = [];
    await runPivots([file, '--model', modelDir, '--polarity', 'chosen', '--limit', '1', '--with-problem'], capture(), loaders(seen));
    const bare: number[] = [];
    await runPivots([file, '--model', modelDir, '--polarity', 'chosen', '--limit', '1'], capture(), loaders(bare));
    expect(seen).toHaveLength(1);
    expect(seen[0]).toBeGreaterThan(bare[0]);
  });

  it('forces polarity and passes pivot options through', async () => {
    const io = capture();
    await runPivots([file, '--model', modelDir, '--polarity', 'rejected', '--min-len', '1000'], io, loaders([]));
    const records = io.out.join('').trim().split('\n').map((line) => JSON.parse(line));
    expect(records).toHaveLength(3);
    for (const r of records) {
      expect(r.pivots).toEqual([]);
      expect(r.polaritySource).toBe('--polarity rejected');
    }
  });

  it('rejects bad options with exit code 2 and a reason', async () => {
    const io = capture();
    expect(await runPivots([file, '--window', '0'], io, loaders([]))).toBe(2);
    expect(io.err.join('')).toMatch(/--window expects an integer >= 1/);
    expect(await runPivots([file, '--track', 'implicit', '--model', modelDir], io, loaders([]))).toBe(2);
    expect(io.err.join('')).toMatch(/--ref-model/);
    expect(await runPivots([], io, loaders([]))).toBe(2);
  });

  it('names a file it cannot open and goes on with the others', async () => {
    const io = capture();
    const code = await runPivots([join(dir, 'missing.jsonl'), file, '--model', modelDir, '--polarity', 'chosen'], io, loaders([]));
    expect(code).toBe(0);
    expect(io.err.join('')).toMatch(/missing\.jsonl: cannot open \(ENOENT\)/);
    expect(io.out.join('').trim().split('\n')).toHaveLength(3);
  });

  it('refuses an imported sidecar made with another tokenizer, per trace', async () => {
    const sidecar = join(dir, 'scores.json');
    writeFileSync(sidecar, JSON.stringify({ tokenizer: { name: 'other', hash: '00' }, traces: { a: [1] } }));
    const io = capture();
    const code = await runPivots([file, '--track', 'imported', '--sidecar', sidecar, '--model', modelDir, '--polarity', 'chosen'], io, loaders([]));
    expect(code).toBe(1);
    expect(io.err.join('')).toMatch(/a: scores\.json: tokenizer: tracks were computed with tokenizer other/);
  });

  it('adds overlap with approach starts and forking tokens, and step aggregation', async () => {
    const io = capture();
    const withLm: ModelLoaders = { ...loaders([]), languageModel: async () => ({ scorer: fakeLm, dispose: async () => {} }) };
    const code = await runPivots([file, '--model', modelDir, '--lm', modelDir, '--polarity', 'chosen', '--overlap', '--forking-tau', '1', '--steps', 'segments', '--summary'], io, withLm);
    expect(code).toBe(0);
    const record = JSON.parse(io.out.join('').split('\n')[0]);
    expect(record.overlap.forkingTokens.every((t: number) => t % 5 === 0)).toBe(true);
    expect(record.overlap.forking.targets).toBe(record.overlap.forkingTokens.length);
    expect(record.overlap.approach.pivots).toBe(record.pivots.length);
    expect(record.steps.source).toBe('segments');
    expect(record.steps.steps).toHaveLength(record.segments.length);
    expect(io.err.join('')).toMatch(/vs approach starts: .*\n.*vs forking tokens: /);
  });

  it('previews the DPO margin of a chosen/rejected pair from the implicit track', async () => {
    const lm = (reference: boolean): TokenScorer => ({
      backend: 'fake',
      async score(ids) {
        const half = ids.length / 2;
        const logprob = Float32Array.from(ids, (_, t) => (t === 0 ? Number.NaN : reference ? (t < half ? -1.5 : -0.5) : -1));
        return { logprob, entropy: new Float32Array(ids.length), rank: new Int32Array(ids.length), topIds: new Int32Array(0), topLogprobs: new Float32Array(0), k: 0 };
      },
    });
    let calls = 0;
    const pairLoaders: ModelLoaders = { ...loaders([]), languageModel: async () => ({ scorer: lm(calls++ > 0), dispose: async () => {} }) };
    const io = capture();
    const code = await runPivots([file, '--track', 'implicit', '--model', modelDir, '--ref-model', modelDir, '--beta', '0.5', '--loss-preview', '--summary'], io, pairLoaders);
    expect(code).toBe(0);
    const [a, b] = io.out.join('').trim().split('\n').map((line) => JSON.parse(line));
    expect(a.lossPreview).toBeUndefined();
    const preview = b.lossPreview;
    expect(preview).toMatchObject({ chosenId: 'a', rejectedId: 'b', beta: 0.5 });
    // Chosen keeps its positive half (+0.5 log-ratio per token after token 0), rejected its negative half.
    const keptA = a.segments.filter((s: { kept: boolean }) => s.kept)[0];
    expect(preview.masked.chosen).toBeCloseTo(0.5 * (keptA.tokenEnd - 1));
    expect(preview.masked.rejected).toBeLessThan(0);
    expect(preview.masked.margin).toBeGreaterThan(preview.unmasked.margin);
    expect(io.err.join('')).toMatch(/DPO preview over 1 pairs: mean margin/);
  });

  it('documents its flags in --help', async () => {
    const io = capture();
    expect(await main(['pivots', '--help'], io)).toBe(0);
    const help = io.out.join('');
    for (const flag of ['--model', '--ref-model', '--track', '--baseline', '--window', '--hysteresis', '--min-len', '--polarity', '--snap', '--sidecar', '--overlap', '--steps', '--lm', '--forking-rho', '--with-problem', '--loss-preview']) expect(help).toContain(flag);
  });
});
