// How well pivots from the bundled reward model locate injected errors in held-out synthetic
// traces: share of traces whose first downward pivot lies within 8 tokens after the error start,
// false pivots on error-free traces, and reward-model throughput. Baseline in the same run: a pivot
// placed uniformly at random (its hit rate is 9 / tokens per trace).
import { existsSync } from 'node:fs';
import { generateTraces, type SyntheticTrace } from '../../src/cot/synthetic/index.ts';
import { NodeRewardScorer, openNodeModel } from '../../src/cli/scoring/node-scorers.ts';
import { pivotsOfScored, scoreTrace, type ScoredTrace } from '../../src/reward/pivots/pipeline.ts';
import { tokenAtChar } from '../../src/reward/pivots/token-spans.ts';
import type { PivotOptions } from '../../src/reward/pivots/types.ts';

const RM_DIR = 'public/models/trellis-rm-tiny';
const MAX_LAG_TOKENS = 8;
const SETTINGS: Array<[string, Partial<PivotOptions>]> = [
  ['defaults (b=0, w=1, h=0, minLen=1)', {}],
  ['h=0.3', { hysteresis: 0.3 }],
  ['w=3, minLen=3', { window: 3, minLen: 3 }],
];

interface Scored { trace: SyntheticTrace; scored: ScoredTrace }

function firstDownward(item: Scored, options: Partial<PivotOptions>): number | null {
  const result = pivotsOfScored(item.trace.record.reasoning, item.scored, 1, options, null);
  return result.segments.find((s) => s.sign === -1)?.tokenStart ?? null;
}

function errorToken(item: Scored): number {
  return tokenAtChar(item.scored.tokens, Math.min(...item.trace.labels.errors.map((e) => e.charStart)));
}

async function scoreAll(traces: SyntheticTrace[], sources: Parameters<typeof scoreTrace>[2]): Promise<Scored[]> {
  const out: Scored[] = [];
  for (const trace of traces) out.push({ trace, scored: await scoreTrace(trace.record, 'reward', sources) });
  return out;
}

function report(family: string, erroneous: Scored[], correct: Scored[]): void {
  const chance = erroneous.reduce((sum, s) => sum + Math.min(1, (MAX_LAG_TOKENS + 1) / s.scored.tokens.ids.length), 0) / erroneous.length;
  console.log(`[${family}] baseline: a random pivot lands within ${MAX_LAG_TOKENS} tokens after the error in ${(100 * chance).toFixed(1)}% of traces`);
  for (const [name, options] of SETTINGS) {
    const hits = erroneous.filter((s) => {
      const at = firstDownward(s, options);
      const e = errorToken(s);
      return at !== null && at >= e && at <= e + MAX_LAG_TOKENS;
    }).length;
    const falsePivots = correct.filter((s) => firstDownward(s, options) !== null).length;
    const rate = hits / erroneous.length;
    console.log(`[${family}] ${name.padEnd(36)} hit ${hits}/${erroneous.length} = ${(100 * rate).toFixed(1)}% (${(rate / chance).toFixed(1)}× random); false downward pivots on ${falsePivots}/${correct.length} error-free traces`);
  }
}

async function main(): Promise<void> {
  if (!existsSync(RM_DIR)) { console.log(`${RM_DIR} missing: nothing to measure`); return; }
  const model = await openNodeModel(RM_DIR);
  const sources = { tokenizer: model.folder.tokenizer, reward: new NodeRewardScorer(model) };
  // 'heldout': phrasing the model never saw; 'train': training templates with unseen seeds.
  for (const family of ['heldout', 'train'] as const) {
    const withErrors = generateTraces(60, { seed: 3_000_000, family, errorRate: 1 }).filter((t) => t.labels.errors.length > 0);
    const clean = generateTraces(40, { seed: 3_100_000, family, errorRate: 0, abandonRate: 0 });
    const started = performance.now();
    const erroneous = await scoreAll(withErrors, sources);
    const correct = await scoreAll(clean, sources);
    const durationMs = performance.now() - started;
    const tokens = [...erroneous, ...correct].reduce((n, s) => n + s.scored.tokens.ids.length, 0);
    console.log(`[${family}] reward model: ${tokens} tokens in ${durationMs.toFixed(0)} ms = ${(tokens / (durationMs / 1000)).toFixed(0)} tokens/s (${erroneous.length + correct.length} traces, onnxruntime-node)`);
    report(family, erroneous, correct);
  }
  await model.release();
}

await main();
