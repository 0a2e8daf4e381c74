import { describe, expect, it } from 'vitest';
import { describeDecoder } from './decoder-graph.ts';

const CONFIG = { num_hidden_layers: 2, num_attention_heads: 4, num_key_value_heads: 2, hidden_size: 64 };
const kvInputs = (dtype: string) => [0, 1].flatMap((layer) => (['key', 'value'] as const).map((kind) => ({
  name: `past_key_values.${layer}.${kind}`, type: dtype, shape: ['batch', 2, 'past', 16] as (string | number)[],
})));
const kvOutputs = [0, 1].flatMap((layer) => [`present.${layer}.key`, `present.${layer}.value`]);
const ids = [{ name: 'input_ids' }, { name: 'attention_mask' }];

describe('describeDecoder', () => {
  it('pairs each past input with its present output, with the cache dtype from metadata', () => {
    const graph = describeDecoder([...ids, { name: 'position_ids' }, ...kvInputs('float16')], ['logits', ...kvOutputs], CONFIG);
    expect(graph.hasPositionIds).toBe(true);
    expect(graph.past).toHaveLength(4);
    expect(graph.past[1]).toEqual({ name: 'past_key_values.0.value', presentName: 'present.0.value', heads: 2, headDim: 16, dtype: 'float16' });
  });

  it('accepts the same graph without a cache', () => {
    const graph = describeDecoder(ids, ['logits'], CONFIG);
    expect(graph.past).toEqual([]);
    expect(graph.hasPositionIds).toBe(false);
  });

  it('names what the graph has and what was expected when it does not fit', () => {
    expect(() => describeDecoder([{ name: 'pixel_values' }], ['logits'], CONFIG)).toThrow(/no input_ids input[\s\S]*inputs \[pixel_values\]/);
    expect(() => describeDecoder([...ids, ...kvInputs('float32').slice(0, 2)], ['logits'], CONFIG)).toThrow(/present\.0\.key\/value missing/);
    expect(() => describeDecoder(ids, ['rewards'], CONFIG)).toThrow(/reward model/);
  });
});
