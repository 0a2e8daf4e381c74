// What the web reward runner needs to know about a reward model graph (`rewards` [batch, sequence]).
// Validation is the shared resolveModelIo (src/reward/model-io.ts), so a causal LM or an unsupported
// graph is refused with the same explanation as everywhere else; this adds what only the session's
// metadata tells: the element types of the id inputs and of the cache.
import { resolveModelIo } from '../reward/model-io.ts';
import { pastInputs, type IoMetadata, type PastInput } from './decoder-graph.ts';

export interface RewardGraph {
  /** Element type of input_ids / attention_mask / position_ids. */
  idType: 'int64' | 'int32';
  hasAttentionMask: boolean;
  hasPositionIds: boolean;
  /** Empty without a KV cache (the model then rescores whole windows). */
  past: PastInput[];
  rewardsName: string;
}

export function describeRewardModel(inputs: readonly IoMetadata[], outputs: readonly string[], config: Record<string, unknown>): RewardGraph {
  const firstPast = inputs.find((input) => input.name.startsWith('past_key_values.'));
  const io = resolveModelIo(inputs.map((input) => input.name), outputs, config, firstPast?.shape);
  if (io.kind !== 'reward') {
    throw new Error(`model.onnx is a causal LM (output ${io.outputName}); reward scoring needs a model with a rewards [batch, sequence] output`);
  }
  return {
    idType: inputs.find((input) => input.name === 'input_ids')?.type === 'int32' ? 'int32' : 'int64',
    hasAttentionMask: io.hasAttentionMask,
    hasPositionIds: io.hasPositionIds,
    past: pastInputs(inputs, io),
    rewardsName: io.outputName,
  };
}
