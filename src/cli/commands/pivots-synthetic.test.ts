// End to end on the bundled reward model: generated traces with injected errors (src/cot/synthetic),
// scored by onnxruntime-node, pivots with the SPEC defaults. The first pivot into a negative run
// should land at the error: within 8 tokens after the token where the wrong text starts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { generateTraces } from '../../cot/synthetic/index.ts';
import { NodeRewardScorer, openNodeModel, type NodeModel } from '../scoring/node-scorers.ts';
import { pivotsOfScored, scoreTrace } from '../../reward/pivots/pipeline.ts';
import { tokenAtChar } from '../../reward/pivots/token-spans.ts';

const RM_DIR = fileURLToPath(new URL('../../../public/models/trellis-rm-tiny/', import.meta.url));
const TRACES = 40;
const MAX_LAG_TOKENS = 8;

let model: NodeModel;
beforeAll(async () => { model = await openNodeModel(RM_DIR); });
afterAll(async () => { await model?.release(); });

interface Hit { id: string; errorToken: number; firstNegative: number | null }

describe('pivots on the bundled reward model', () => {
  it(`puts the first negative pivot within ${MAX_LAG_TOKENS} tokens after the injected error as often as the model card measured`, async () => {
    const reward = new NodeRewardScorer(model);
    const sources = { tokenizer: model.folder.tokenizer, reward };
    // Held-out templates, unseen seeds: the RM's card measures 81% on 140 such traces; these 40 give
    // 80% (32). A broken token alignment or sign convention would give ~0%.
    const traces = generateTraces(TRACES, { seed: 2_000_000, family: 'heldout', errorRate: 1 });
    const hits: Hit[] = [];
    for (const { record, labels } of traces) {
      if (labels.errors.length === 0) continue;
      const scored = await scoreTrace(record, 'reward', sources);
      const result = pivotsOfScored(record.reasoning, scored, 1, {}, null);
      const errorToken = tokenAtChar(scored.tokens, Math.min(...labels.errors.map((e) => e.charStart)));
      const negative = result.segments.find((s) => s.sign === -1);
      hits.push({ id: record.id, errorToken, firstNegative: negative ? negative.tokenStart : null });
    }
    const near = hits.filter((h) => h.firstNegative !== null && h.firstNegative >= h.errorToken && h.firstNegative <= h.errorToken + MAX_LAG_TOKENS);
    const misses = hits.filter((h) => !near.includes(h)).map((h) => `${h.id}: error at token ${h.errorToken}, first negative at ${h.firstNegative}`);
    expect(hits.length).toBeGreaterThanOrEqual(TRACES * 0.9);
    expect(near.length / hits.length, misses.join('\n')).toBeGreaterThanOrEqual(0.75);
  }, 120_000);
});
