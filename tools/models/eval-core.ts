// The evaluation shared by evaluate.ts (full held-out sets, model cards) and models.test.ts (a small
// held-out set in `npm test`).
import { join } from 'node:path';
import type { InferenceSession } from 'onnxruntime-node';
import { generateTraces, rewardTargetAt, type SyntheticTrace } from '../../src/cot/synthetic/index';
import { auroc, mean, negativePivots, perplexity, pivotLocalised, tokenAtChar } from './metrics';
import { lmTrack, openSession, rmRewards } from './onnx-runner';
import { loadModelFolder } from '../../src/cli/scoring/model-folder';
import type { TextTokenizer } from '../../src/reward/ports';

/** The bundled models, or where a training run exported its models ($TRELLIS_MODELS_OUT). */
export const MODELS_DIR = process.env.TRELLIS_MODELS_OUT ?? join(import.meta.dirname, '../../public/models');
/** Held-out synthetic traces: a seed range and template family never used in training. */
export const HELDOUT = { seed: 1_000_000, family: 'heldout' } as const;
const FORKING_WORD = /(?<![A-Za-z])(Wait|Alternatively|But)(?![A-Za-z])/g;

export interface LoadedModels {
  /** The product's tokenizer path (exact UTF-16 offsets), as the CLI and the studio load it. */
  tokenizer: TextTokenizer;
  lm: InferenceSession;
  rm: InferenceSession;
  heads: number;
  headDim: number;
}

export async function loadModels(dir = MODELS_DIR): Promise<LoadedModels> {
  const { readFileSync } = await import('node:fs');
  const config = JSON.parse(readFileSync(join(dir, 'trellis-lm-tiny/config.json'), 'utf8')) as Record<string, number>;
  return {
    tokenizer: loadModelFolder(join(dir, 'trellis-lm-tiny')).tokenizer,
    lm: await openSession(join(dir, 'trellis-lm-tiny/onnx/model.onnx')),
    rm: await openSession(join(dir, 'trellis-rm-tiny/onnx/model.onnx')),
    heads: config.num_attention_heads as number,
    headDim: config.head_dim as number,
  };
}

export interface RewardMetrics {
  traces: number;
  tracesWithError: number;
  localisation: number;
  cleanTraces: number;
  falsePivotRate: number;
  auroc: number;
}

export async function rewardMetrics(models: LoadedModels, traces: readonly SyntheticTrace[]): Promise<RewardMetrics> {
  let localised = 0;
  let withError = 0;
  let clean = 0;
  let falsePivots = 0;
  const scores: number[] = [];
  const inside: boolean[] = [];
  for (const { record, labels } of traces) {
    const encoded = models.tokenizer.encode(record.reasoning);
    const rewards = await rmRewards(models.rm, encoded.ids);
    encoded.ids.forEach((_, t) => {
      scores.push(-(rewards[t] as number));
      const overlapsError = labels.errors.some(
        (e) => (encoded.charEnd[t] as number) > e.charStart && (encoded.charStart[t] as number) < (e.repairCharEnd ?? Infinity),
      );
      inside.push(overlapsError || rewardTargetAt(labels, encoded.charStart[t] as number) < 0);
    });
    const firstError = labels.errors[0];
    if (firstError) {
      withError++;
      const errorToken = tokenAtChar(encoded.charStart, encoded.charEnd, firstError.charStart);
      if (pivotLocalised(rewards, errorToken, 8)) localised++;
    } else {
      clean++;
      if (negativePivots(rewards).length > 0) falsePivots++;
    }
  }
  return {
    traces: traces.length,
    tracesWithError: withError,
    localisation: localised / withError,
    cleanTraces: clean,
    falsePivotRate: falsePivots / clean,
    auroc: auroc(scores, inside),
  };
}

export interface LmMetrics {
  texts: number;
  tokens: number;
  perplexity: number;
  /** Mean entropy (nats) at tokens holding "Wait", "Alternatively" or "But", and at all others. */
  forkingEntropy: number;
  otherEntropy: number;
  forkingTokens: number;
}

export async function lmMetrics(models: LoadedModels, texts: readonly string[], maxTokens = 4096): Promise<LmMetrics> {
  const logprobs: number[] = [];
  const forking: number[] = [];
  const other: number[] = [];
  for (const text of texts) {
    const encoded = models.tokenizer.encode(text);
    const count = Math.min(encoded.ids.length, maxTokens);
    const track = await lmTrack(models.lm, encoded.ids.slice(0, count), models.heads, models.headDim);
    const forkTokens = new Set<number>();
    for (const match of text.matchAll(FORKING_WORD)) forkTokens.add(tokenAtChar(encoded.charStart, encoded.charEnd, match.index));
    for (let t = 0; t < count; t++) {
      logprobs.push(track.logprob[t] as number);
      (forkTokens.has(t) ? forking : other).push(track.entropy[t] as number);
    }
  }
  return {
    texts: texts.length,
    tokens: logprobs.length,
    perplexity: perplexity(logprobs),
    forkingEntropy: mean(forking),
    otherEntropy: mean(other),
    forkingTokens: forking.filter(Number.isFinite).length,
  };
}

/** Entropy at the first token of each labelled approach vs elsewhere, on synthetic traces. */
export async function approachBoundaryEntropy(models: LoadedModels, traces: readonly SyntheticTrace[]): Promise<{ boundary: number; other: number }> {
  const boundary: number[] = [];
  const other: number[] = [];
  for (const { record, labels } of traces) {
    const encoded = models.tokenizer.encode(record.reasoning);
    const track = await lmTrack(models.lm, encoded.ids, models.heads, models.headDim);
    const starts = new Set(labels.approaches.map((a) => tokenAtChar(encoded.charStart, encoded.charEnd, a.charStart)));
    track.entropy.forEach((h, t) => (starts.has(t) ? boundary : other).push(h));
  }
  return { boundary: mean(boundary), other: mean(other) };
}

export function heldoutTraces(count: number): SyntheticTrace[] {
  return generateTraces(count, { seed: HELDOUT.seed, family: HELDOUT.family });
}
