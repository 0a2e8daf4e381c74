// Writes MODEL_CARD.md for both bundled models from the training summary and the evaluation.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Manifest } from './manifest';

export interface TrainingSummary {
  recipe: string;
  settings: Record<string, number>;
  seed: number;
  device: string;
  deviceName: string;
  torch: string;
  threads: number;
  model: Record<string, number>;
  parameters: number;
  data: Record<string, number>;
  lm: { finalLoss: number; seconds: number; tokensSeen: number };
  rm: { finalRewardLoss: number; seconds: number };
  fitSeconds: number;
  notes?: string;
  rmFinetune?: { settings: Record<string, number>; device: string; torch: string; threads: number; finalRewardLoss: number; seconds: number };
  /** `train.py rm`: the RM retrained alone on the committed LM's trunk (recipe cpu-rm). */
  rmRetrain?: RmRetrain;
}

interface RmRetrain {
  recipe: string;
  settings: Record<string, unknown>;
  seed: number;
  device: string;
  torch: string;
  threads: number;
  blas: string;
  syntheticTraces: number;
  finalRewardLoss: number;
  seconds: number;
}

function provenance(summary: TrainingSummary): string {
  return `Committed weights: recipe \`${summary.recipe}\` on ${summary.deviceName} (torch ${summary.torch}), exported with Debian PyTorch 1.13 (the export is byte-for-byte deterministic). On 2 CPU cores the \`full\` recipe takes about 143 minutes, so \`npm run models:train --all\` without a GPU uses the \`cpu\` recipe (600 LM + 1,000 RM steps); its metrics were not measured. Plain \`npm run models:train\` keeps this LM and only retrains the reward model.`;
}

const settingsText = (settings: Record<string, unknown>): string =>
  Object.entries(settings).map(([k, v]) => `${k} ${JSON.stringify(v)}`).join(', ');

function rmTraining(summary: TrainingSummary): string {
  const r = summary.rmRetrain;
  if (!r) {
    return `${rmTraining(summary)}

## I/O
Inputs \`input_ids\`, \`attention_mask\` [batch, sequence] (no past); output \`rewards\` [batch, sequence].

## Evaluation (\`npx tsx tools/models/evaluate.ts\`)
Held-out: template family \`heldout\` (phrasing never seen in training), seeds from 1,000,000. For contrast, the training templates with unseen seeds (500,000…).
| metric | held-out | training templates | goal |
|---|---|---|---|
| traces with an injected error whose first downward zero crossing lies within 8 tokens after the error's first token | ${pct(r.localisation)} of ${r.tracesWithError} | ${pct(t.localisation)} of ${t.tracesWithError} | ≥ 80% |
| error-free traces with any downward crossing (false pivots) | ${pct(r.falsePivotRate)} of ${r.cleanTraces} | ${pct(t.falsePivotRate)} of ${t.cleanTraces} | ≤ 10% |
| token-level AUROC, "inside an unrepaired error" vs −reward | ${f3(r.auroc)} | ${f3(t.auroc)} | ≥ 0.9 |

Goals met: ${[r.localisation >= 0.8, r.falsePivotRate <= 0.1, r.auroc >= 0.9].filter(Boolean).length} of 3 on the held-out set.
`;
  writeFileSync(join(modelsDir, 'trellis-lm-tiny/MODEL_CARD.md'), lm);
  writeFileSync(join(modelsDir, 'trellis-rm-tiny/MODEL_CARD.md'), rm);
}
