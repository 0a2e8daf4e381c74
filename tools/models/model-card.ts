// Writes MODEL_CARD.md for both bundled models from the training summary and the evaluation.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Manifest } from './manifest';
import type { RewardMetrics } from './eval-core';

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
  /** Set when the committed RM was retrained (`train.py rm`) after the LM: its recipe replaces `rm`. */
  rmRetrain?: {
    recipe: string;
    settings: Record<string, number | boolean | Record<string, unknown>>;
    seed: number;
    device: string;
    torch: string;
    threads: number;
    blas: string;
    syntheticTraces: number;
    finalRewardLoss: number;
    seconds: number;
    calibration?: { headBiasShift: number; validation: string; localisation: number; falsePivotRate: number };
  };
}

function provenance(summary: TrainingSummary): string {
  const rt = summary.rmRetrain;
  const retrain = rt
    ? ` The committed RM was retrained afterwards on the CPU (\`npm run models:train\`, recipe \`${rt.recipe}\`, torch ${rt.torch}, ${rt.threads} thread${rt.threads === 1 ? '' : 's'}, ${rt.blas}, ${(rt.seconds / 60).toFixed(0)} minutes) from this LM's trunk, on ${rt.syntheticTraces.toLocaleString('en-US')} traces of the current generator (the training family now composes its word problems from parts and has more phrasings; see the RM card).`
    : '';
  const notes = summary.notes ? ` ${summary.notes}` : '';
  return `Committed LM: recipe \`${summary.recipe}\` on ${summary.deviceName} (torch ${summary.torch}), exported with Debian PyTorch 1.13 (the export is byte-for-byte deterministic).${retrain}${notes}`;
}

function rmTraining(summary: TrainingSummary): string {
  const settings = summary.rmRetrain?.settings ?? summary.settings;
  const seconds = summary.rmRetrain?.seconds ?? summary.rm.seconds;
  const loss = summary.rmRetrain?.finalRewardLoss ?? summary.rm.finalRewardLoss;
  const extras = [
    settings.clean_share !== undefined ? `${pct(settings.clean_share as number)} of each batch drawn from error-free traces` : '',
    settings.corrupt ? `${pct(settings.corrupt as number)} of those turned into error examples on the fly by making one equation wrong (\`tools/models/corrupt.py\`: wrong result, flipped sign or dropped term)` : '',
    'snippets of real reasoning text spliced in at sentence ends with the target of the token they precede (unfamiliar prose must not move the reward)',
  ].filter(Boolean);
  const c = summary.rmRetrain?.calibration;
  const calibration = c
    ? ` Then the value head's bias was shifted by ${c.headBiasShift} (\`tools/models/calibrate_rm.py\`), chosen on validation traces only (${c.validation}: training templates, unseen seeds) as the largest localisation with at most 10% false pivots there (${pct(c.localisation)} / ${pct(c.falsePivotRate)}); the shift moves where the reward crosses 0, not the ranking.`
    : '';
  const reader = settings.surprisal
    ? ` A frozen copy of trellis-lm-tiny reads the text first; for every token its surprisal, logit gap to the argmax and predictive entropy (3 numbers) go through a small MLP (3 → 64 → ${summary.model.hidden_size}, zero-initialised) and are added to the RM's token embeddings, so a result the LM did not expect ("7 × 4 = 26") is evidence the RM can carry forward. The reader is part of the exported graph (same inputs and output).`
    : '';
  const onset = settings.onset_weight && settings.onset_weight !== 1 ? ` The first 8 tokens of each error span (where the pivot must fall) weigh ${settings.onset_weight}× in the reward loss.` : '';
  return `RM: initialised from the LM's trunk, plus a linear value head.${reader} Training: ${settings.rm_steps} steps × ${settings.rm_batch} synthetic traces at peak learning rate ${settings.lr}; per-token binary cross-entropy with target 1 before an injected error, 0 from the error's first token until its repair is complete (to the end when never repaired), 1 after; plus ${settings.lm_aux ?? 0.5} × next-token loss on the same traces (keeps the trunk predicting the right intermediate results, which is the evidence an error needs). Augmentation: ${extras.join('; ')}.${onset} Final reward loss ${f3(loss)}; ${seconds} s.${calibration}`;
}

export interface Evaluation {
  syntheticLm: { texts: number; tokens: number; perplexity: number };
  approachEntropy: { boundary: number; other: number };
  realLm: { texts: number; tokens: number; perplexity: number; forkingEntropy: number; otherEntropy: number; forkingTokens: number } | null;
  reward: RewardMetrics;
  /** Training template family, unseen seeds (500,000…). */
  rewardTrainFamily: RewardMetrics;
}


const f3 = (x: number): string => (Number.isFinite(x) ? x.toFixed(3) : 'n/a');
const pct = (x: number): string => `${(100 * x).toFixed(1)}%`;

function common(summary: TrainingSummary, manifest: Manifest, id: string): string {
  const m = summary.model;
  const bytes = manifest.models.find((x) => x.id === id)?.files.reduce((s, f) => s + f.bytes, 0) ?? 0;
  return `## Architecture and size
Llama-style decoder: ${m.num_hidden_layers} layers, d_model ${m.hidden_size}, ${m.num_attention_heads} heads (head_dim ${m.hidden_size! / m.num_attention_heads!}), SwiGLU MLP ${m.intermediate_size}, RMSNorm, rotary positions (θ = ${m.rope_theta}), tied input/output embeddings, context ${m.max_position_embeddings} tokens, fp32. ${summary.parameters.toLocaleString('en-US')} parameters; this folder is ${(bytes / 1e6).toFixed(2)} MB; both bundled models together ${(manifest.totalBytes / 1e6).toFixed(2)} MB (budget 50 MB). ONNX opset 14, exported with PyTorch 1.13 (attention written out by hand).

## Tokenizer
Byte-level BPE trained here on the training text (\`tools/models/bpe.py\`), ${m.vocab_size} entries (${m.vocab_size! - 1} byte/merge tokens + \`<|endoftext|>\`); digits are split one per token. Lossless on any Unicode text (byte fallback by construction). Qwen2.5's tokenizer was not used: its 151,936-entry vocabulary alone would need 151,936 × ${m.hidden_size} × 4 bytes = ${((151936 * m.hidden_size! * 4) / 1e6).toFixed(0)} MB of embedding per model, so two models would blow the 50 MB budget before any transformer layer.

## Training
${summary.rmRetrain ? 'LM run: r' : 'R'}ecipe \`${summary.recipe}\`, seed ${summary.seed}, device ${summary.deviceName} (torch ${summary.torch}, ${summary.threads} CPU threads). Settings: ${Object.entries(summary.settings).map(([k, v]) => `${k} ${v}`).join(', ')}. AdamW (β 0.9/0.95, weight decay 0.05), linear warm-up then cosine decay to 10%, gradient clip 1.0.
${provenance(summary)}
Reproduce: \`npm run models:train\` regenerates the data, recovers this LM from its ONNX file, retrains and calibrates the RM on 2 CPU cores, exports, evaluates and rewrites both cards and the manifest; \`npm run models:train -- --full\` trains tokenizer, LM and RM from scratch on 2 CPU cores in about an hour (recipe \`cpu\`, 300 LM and 600 RM steps: a weaker LM, see the LM card, and an RM without the surprisal reader). Fixed step counts and seeds give the same weights on the same device, thread count and recipe.

## Data
- Real traces (LM only), reasoning text of the licensed files in \`../shared/data/traces\`, read at train time (not copied; an 8-excerpt held-out sample is in \`tools/models/data/\`): SkyThought Sky-T1 outputs (NovaSky-AI/SkyThought, Apache-2.0), Thought Anchors R1-distill traces (interp-reasoning/thought-anchors.com, MIT), DeepSeek-R1 Thoughtology AIME traces with the annotation tags removed (McGill-NLP/thoughtology, MIT). DeltaBench (no licence) is never used. Every 8th trace is held out: ${summary.data.realTraces} training traces, ${summary.data.realTokens?.toLocaleString('en-US')} tokens.
- Synthetic traces from \`src/cot/synthetic\` (template family \`train\`, seeds 1…${summary.data.syntheticTraces}): ${summary.data.syntheticTokens?.toLocaleString('en-US')} tokens. Held-out evaluation uses the \`heldout\` template family and seeds from 1,000,000.
`;
}

export function writeCards(modelsDir: string, summary: TrainingSummary, evaluation: Evaluation, manifest: Manifest): void {
  const real = evaluation.realLm;
  const lm = `# trellis-lm-tiny

A tiny causal language model of long chain-of-thought reasoning traces, bundled with Trellis so token surprisal and entropy work offline. Not a reasoning model: its numbers are useful as relative signals within a trace.

${common(summary, manifest, 'trellis-lm-tiny')}
LM: ${summary.settings.lm_steps} steps × ${summary.settings.lm_batch} windows × ${summary.settings.lm_seq} tokens (${summary.lm.tokensSeen.toLocaleString('en-US')} tokens, half real, half synthetic); final training loss ${f3(summary.lm.finalLoss)}; ${summary.lm.seconds} s.

## I/O (Optimum decoder with KV cache)
Inputs \`input_ids\`, \`attention_mask\` [batch, past + sequence], \`position_ids\`, \`past_key_values.N.key/value\` [batch, heads, past, head_dim]; outputs \`logits\` [batch, sequence, vocab], \`present.N.key/value\`. An empty past ([1, heads, 0, head_dim]) scores from scratch. Trained on 256-token windows (rotary, so positions are relative); beyond ~1k tokens of context use a sliding window.

## Evaluation (\`npx tsx tools/models/evaluate.ts\`)
| set | texts | tokens | perplexity |
|---|---|---|---|
| held-out synthetic (unseen templates and seeds) | ${evaluation.syntheticLm.texts} | ${evaluation.syntheticLm.tokens} | ${f3(evaluation.syntheticLm.perplexity)} |
| held-out real traces (first 4,096 tokens each, 512-token windows) | ${real?.texts ?? 0} | ${real?.tokens ?? 0} | ${real ? f3(real.perplexity) : 'not run (no ../shared)'} |

A 1-hour CPU LM (recipe \`cpu\`, 300 steps; measured on the same held-out real traces with weights trained on a GPU to that recipe) reaches perplexity 58.8 and does not give forking words a higher entropy (3.26 vs 3.71 nats), which is why the committed LM stays the longer GPU run.

Entropy (nats) of the prediction of forking words ("Wait", "Alternatively", "But") on the real held-out traces: ${real ? `${f3(real.forkingEntropy)} over ${real.forkingTokens} tokens vs ${f3(real.otherEntropy)} elsewhere` : 'n/a'}. At the first token of labelled approaches on held-out synthetic traces: ${f3(evaluation.approachEntropy.boundary)} vs ${f3(evaluation.approachEntropy.other)} elsewhere.
`;
  const r = evaluation.reward;
  const t = evaluation.rewardTrainFamily;
  const rm = `# trellis-rm-tiny

A token-level reward model: at every position, how likely the reasoning so far is still on a correct path. Output \`rewards\` [batch, sequence] = tanh(logit / 2) ∈ (−1, 1), baseline 0; pivots are where it crosses 0.

${common(summary, manifest, 'trellis-rm-tiny')}
${rmTraining(summary)}

## I/O
Inputs \`input_ids\`, \`attention_mask\` [batch, sequence] (no past); output \`rewards\` [batch, sequence].

## Evaluation (\`npx tsx tools/models/evaluate.ts\`)
Held-out: template family \`heldout\` (phrasing never seen in training), seeds from 1,000,000. For contrast, the training templates with unseen seeds (500,000…).
| metric | held-out | training templates | goal |
|---|---|---|---|
| traces with an injected error whose first downward zero crossing lies within 8 tokens after the error's first token | ${pct(r.localisation)} of ${r.tracesWithError} | ${pct(t.localisation)} of ${t.tracesWithError} | ≥ 80% |
| error-free traces with any downward crossing (false pivots) | ${pct(r.falsePivotRate)} of ${r.cleanTraces} | ${pct(t.falsePivotRate)} of ${t.cleanTraces} | ≤ 10% |
| token-level AUROC, "inside an unrepaired error" vs −reward | ${f3(r.auroc)} | ${f3(t.auroc)} | ≥ 0.9 |

Goals met: ${[r.localisation >= 0.8, r.falsePivotRate <= 0.1, r.auroc >= 0.9].filter(Boolean).length} of 3 on the held-out set. Limits (committed model, counted with a diagnostic script): of the 26 held-out errors it misses, none is a wrong product; 20 are wrong sums, differences or quotients (\`7 − 2 = 4\` is the reading LM's own first guess, so its surprisal carries no evidence), the other 6 are flipped signs whose pivot comes 9–15 tokens after the error, just outside the window. It learned from synthetic arithmetic only, so on real R1 traces it stays mostly positive: a demo of the method, not a real-trace error detector. The graph holds two trunks (the RM and its frozen reader), so it is about twice the LM's parameters and size.
`;
  writeFileSync(join(modelsDir, 'trellis-lm-tiny/MODEL_CARD.md'), lm);
  writeFileSync(join(modelsDir, 'trellis-rm-tiny/MODEL_CARD.md'), rm);
}
