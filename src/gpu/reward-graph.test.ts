import { describe, expect, it } from 'vitest';
import { describeRewardModel } from './reward-graph.ts';

const CONFIG = { num_hidden_layers: 2, num_attention_heads: 4, num_key_value_heads: 2, hidden_size: 64 };
const int64 = (name: string) => ({ name, type: 'int64', shape: ['batch', 'sequence'] });
const kvInputs = [0, 1].flatMap((layer) => (['key', 'value'] as const).map((kind) => ({
  name: `past_key_values.${layer}.${kind}`, type: 'float16', shape: ['batch', 2, 'past', 16] as (string | number)[],
})));
const kvOutputs = [0, 1].flatMap((layer) => [`present.${layer}.key`, `present.${layer}.value`]);

describe('describeRewardModel', () => {
  it('describes a reward model without a cache (the bundled layout)', () => {
    expect(describeRewardModel([int64('input_ids'), int64('attention_mask')], ['rewards'], CONFIG)).toEqual({
      idType: 'int64', hasAttentionMask: true, hasPositionIds: false, past: [], rewardsName: 'rewards',
    });
  });

  it('reads int32 ids and pairs a cache with its present outputs', () => {
    const graph = describeRewardModel(
      [{ name: 'input_ids', type: 'int32' }, { name: 'position_ids', type: 'int32' }, ...kvInputs], ['rewards', ...kvOutputs], CONFIG,
    );
    expect(graph.idType).toBe('int32');
    expect(graph.hasPositionIds).toBe(true);
    expect(graph.hasAttentionMask).toBe(false);
    expect(graph.past[3]).toEqual({ name: 'past_key_values.1.value', presentName: 'present.1.value', heads: 2, headDim: 16, dtype: 'float16' });
  });

  it('refuses a causal LM and graphs that fit no supported layout', () => {
    expect(() => describeRewardModel([int64('input_ids')], ['logits'], CONFIG)).toThrow(/causal LM .*rewards/);
    expect(() => describeRewardModel([int64('input_ids')], ['scores'], CONFIG)).toThrow(/neither a logits nor a rewards output/);
  });
});
