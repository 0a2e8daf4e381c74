// The committed bundled models: files match the manifest, the tokenizer's offsets tile text, the
// KV-cache graph agrees with a single pass, and the evaluation goals hold on a small held-out set.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as ort from 'onnxruntime-node';
import { beforeAll, describe, expect, it } from 'vitest';
import { approachBoundaryEntropy, heldoutTraces, lmMetrics, loadModels, MODELS_DIR, rewardMetrics, type LoadedModels } from './eval-core';
import { sha256, type Manifest } from './manifest';

const manifest = JSON.parse(readFileSync(join(MODELS_DIR, 'manifest.json'), 'utf8')) as Manifest;
let models: LoadedModels;

beforeAll(async () => {
  models = await loadModels();
});

describe('bundled model files', () => {
  it('match the manifest (sha256, bytes) and stay within 50 MB', () => {
    for (const file of manifest.models.flatMap((m) => m.files)) {
      const path = join(MODELS_DIR, file.path);
      expect(existsSync(path), file.path).toBe(true);
      expect(sha256(path), file.path).toBe(file.sha256);
      expect(readFileSync(path).byteLength, file.path).toBe(file.bytes);
    }
    expect(manifest.totalBytes).toBeLessThanOrEqual(50e6);
  });

  it('have the Optimum I/O names the manifest lists', () => {
    const lm = manifest.models.find((m) => m.id === 'trellis-lm-tiny')!;
    const rm = manifest.models.find((m) => m.id === 'trellis-rm-tiny')!;
    expect([...models.lm.inputNames]).toEqual(lm.inputs);
    expect([...models.lm.outputNames]).toEqual(lm.outputs);
    expect(lm.inputs.slice(0, 4)).toEqual(['input_ids', 'attention_mask', 'position_ids', 'past_key_values.0.key']);
    expect(lm.outputs.slice(0, 2)).toEqual(['logits', 'present.0.key']);
    expect([...models.rm.inputNames]).toEqual(['input_ids', 'attention_mask']);
    expect(rm.outputs).toEqual(['rewards']);
  });
});

describe('tokenizer offsets', () => {
  it('tile the text and cover every character, Unicode included', () => {
    const text = 'Okay, 12 × 34 = 408.\n\nWait — naïve ∑ x² 🙂 “quoted”?';
    const encoded = models.tokenizer.encode(text);
    expect(encoded.charStart[0]).toBe(0);
    let covered = '';
    for (let t = 0; t < encoded.ids.length; t++) {
      // No gaps, never backwards; a token inside a multi-byte character shares that character.
      if (t > 0) expect(encoded.charStart[t]).toBeLessThanOrEqual(encoded.charEnd[t - 1]!);
      if (t > 0) expect(encoded.charStart[t]).toBeGreaterThanOrEqual(encoded.charStart[t - 1]!);
      covered += text.slice(Math.max(covered.length, encoded.charStart[t]!), encoded.charEnd[t]);
    }
    expect(covered).toBe(text);
  });
});

describe('KV cache graph', () => {
  it('gives the same logits in two chunks as in one pass', async () => {
    const ids = Array.from(models.tokenizer.encode('So 7 × 8 = 56, and then 56 + 4 = 60. Wait, let me check that.').ids);
    const tensor = (values: number[]) => new ort.Tensor('int64', BigInt64Array.from(values, BigInt), [1, values.length]);
    const feeds = (chunk: number[], past: Record<string, ort.Tensor>, pastLength: number) => ({
      input_ids: tensor(chunk),
      attention_mask: tensor(Array(pastLength + chunk.length).fill(1)),
      position_ids: tensor(chunk.map((_, i) => pastLength + i)),
      ...past,
    });
    const empty: Record<string, ort.Tensor> = {};
    for (const name of models.lm.inputNames.filter((n) => n.startsWith('past_key_values.'))) {
      empty[name] = new ort.Tensor('float32', new Float32Array(0), [1, models.heads, 0, models.headDim]);
    }
    const whole = await models.lm.run(feeds(ids, empty, 0));
    const split = 7;
    const first = await models.lm.run(feeds(ids.slice(0, split), empty, 0));
    const past: Record<string, ort.Tensor> = {};
    for (const name of Object.keys(empty)) past[name] = first[name.replace('past_key_values.', 'present.')]!;
    const second = await models.lm.run(feeds(ids.slice(split), past, split));
    const all = whole.logits!.data as Float32Array;
    const tail = second.logits!.data as Float32Array;
    const offset = all.length - tail.length;
    let maxDiff = 0;
    for (let i = 0; i < tail.length; i++) maxDiff = Math.max(maxDiff, Math.abs(all[offset + i]! - tail[i]!));
    expect(maxDiff).toBeLessThan(1e-3);
  });
});

describe('evaluation goals on held-out synthetic traces', () => {
  // Goals (issue 6) on the model card's own held-out set (300 traces, unseen templates and seeds):
  // localisation >= 80%, false pivots <= 10%, AUROC >= 0.9 (measured 81.4%, 6.25%, 0.988). A subset
  // is too small for the localisation goal (60 traces hold only 27 errors: one trace is 3.7 points).
  it('reward model meets the three goals on the 300 held-out traces', async () => {
    const metrics = await rewardMetrics(models, heldoutTraces(300));
    expect(metrics.tracesWithError).toBe(140);
    expect(metrics.localisation).toBeGreaterThanOrEqual(0.8);
    expect(metrics.falsePivotRate).toBeLessThanOrEqual(0.1);
    expect(metrics.auroc).toBeGreaterThanOrEqual(0.9);
  }, 120_000);

  it('language model: held-out synthetic text is far more predictable than uniform (4096)', async () => {
    const traces = heldoutTraces(12);
    const metrics = await lmMetrics(models, traces.map((t) => t.record.reasoning));
    expect(metrics.perplexity).toBeLessThan(100);
    // Where a new approach starts, the next words are less certain than routine continuation.
    const entropy = await approachBoundaryEntropy(models, traces);
    expect(entropy.boundary).toBeGreaterThan(entropy.other);
  });

  it('language model: real held-out excerpts score well below uniform (4096)', async () => {
    const lines = readFileSync(join(import.meta.dirname, 'data/real-heldout-sample.jsonl'), 'utf8').trim().split('\n');
    const texts = lines.map((line) => (JSON.parse(line) as { text: string }).text);
    const metrics = await lmMetrics(models, texts);
    expect(metrics.tokens).toBeGreaterThan(3000);
    expect(metrics.perplexity).toBeLessThan(60);
    expect(metrics.forkingTokens).toBeGreaterThan(0);
  });
});
