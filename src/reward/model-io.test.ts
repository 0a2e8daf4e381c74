import { describe, expect, it } from 'vitest';
import { readModelConfig, resolveModelIo } from './model-io.ts';

const qwenConfig = { num_hidden_layers: 2, num_attention_heads: 4, num_key_value_heads: 2, hidden_size: 64, vocab_size: 271 };
const base = ['input_ids', 'attention_mask', 'position_ids'];
const past = (layers: number) => Array.from({ length: layers }, (_, i) => [`past_key_values.${i}.key`, `past_key_values.${i}.value`]).flat();
const present = (layers: number) => Array.from({ length: layers }, (_, i) => [`present.${i}.key`, `present.${i}.value`]).flat();

describe('readModelConfig', () => {
  it('reads Qwen2/Llama keys, deriving head_dim from hidden_size', () => {
    expect(readModelConfig(qwenConfig)).toEqual({ layers: 2, kvHeads: 2, headDim: 16, vocabSize: 271 });
  });
  it('prefers an explicit head_dim and falls back to the attention heads for KV heads', () => {
    expect(readModelConfig({ num_hidden_layers: 1, num_attention_heads: 8, hidden_size: 64, head_dim: 32 })).toMatchObject({ kvHeads: 8, headDim: 32, vocabSize: null });
  });
  it('reads GPT-2 keys', () => {
    expect(readModelConfig({ n_layer: 12, n_head: 12, n_embd: 768, vocab_size: 50257 })).toEqual({ layers: 12, kvHeads: 12, headDim: 64, vocabSize: 50257 });
  });
  it('names what is missing', () => {
    expect(() => readModelConfig({ num_attention_heads: 3, hidden_size: 64 })).toThrow(/num_hidden_layers.*head_dim or hidden_size/);
  });
});

describe('resolveModelIo', () => {
  it('recognises the Optimum decoder with past', () => {
    const io = resolveModelIo([...base, ...past(2)], ['logits', ...present(2)], qwenConfig);
    expect(io).toMatchObject({ kind: 'causal-lm', hasPast: true, hasPositionIds: true, outputName: 'logits', emptyPastDims: [1, 2, 0, 16] });
    expect(io.pastNames).toEqual(past(2));
    expect(io.presentNames).toEqual(present(2));
  });
  it('recognises a decoder without past and without position_ids', () => {
    const io = resolveModelIo(['input_ids', 'attention_mask'], ['logits'], qwenConfig);
    expect(io).toMatchObject({ kind: 'causal-lm', hasPast: false, hasPositionIds: false, pastNames: [] });
  });
  it('recognises a reward model', () => {
    expect(resolveModelIo(base, ['rewards'], qwenConfig)).toMatchObject({ kind: 'reward', outputName: 'rewards', hasPast: false });
  });
  it('takes KV heads and head size from the graph metadata when known', () => {
    const io = resolveModelIo([...base, ...past(2)], ['logits', ...present(2)], qwenConfig, ['batch', 4, 'past', 8]);
    expect(io.emptyPastDims).toEqual([1, 4, 0, 8]);
  });
  it('lists what the model has and what was expected', () => {
    let message = '';
    try { resolveModelIo(['pixel_values'], ['last_hidden_state'], qwenConfig); } catch (e) { message = (e as Error).message; }
    expect(message).toContain('no input_ids input');
    expect(message).toContain('It has inputs [pixel_values] and outputs [last_hidden_state]');
    expect(message).toContain('past_key_values.N.key/value');
    expect(message).toContain('rewards [batch, sequence]');
  });
  it('rejects a cache with a missing layer or missing present outputs', () => {
    expect(() => resolveModelIo([...base, 'past_key_values.0.key', 'past_key_values.0.value', 'past_key_values.2.key', 'past_key_values.2.value'], ['logits', ...present(3)], qwenConfig))
      .toThrow(/past_key_values.1.key\/value missing/);
    expect(() => resolveModelIo([...base, ...past(2)], ['logits'], qwenConfig)).toThrow(/present.0.key\/value missing/);
    expect(() => resolveModelIo([...base, ...past(3)], ['logits', ...present(3)], qwenConfig)).toThrow(/3 cache layers.*config.json says 2/);
  });
  it('rejects unknown inputs such as token_type_ids', () => {
    expect(() => resolveModelIo([...base, 'token_type_ids'], ['logits'], qwenConfig)).toThrow(/unsupported inputs token_type_ids/);
  });
});
