// What the web runner needs to know about a causal LM graph. Validation is the shared
// resolveModelIo (src/reward/model-io.ts); this adds what only the session's metadata tells: the
// cache's element type. A graph that does not fit gets an error listing what it has and what was expected.
import { resolveModelIo, type ModelIo } from '../reward/model-io.ts';

export interface PastInput {
  name: string;
  /** The present.* output that feeds it next time. */
  presentName: string;
  heads: number;
  headDim: number;
  dtype: 'float32' | 'float16';
}

export interface DecoderGraph {
  hasPositionIds: boolean;
  hasAttentionMask: boolean;
  past: PastInput[];
  logitsName: string;
}

export interface IoMetadata {
  name: string;
  isTensor?: boolean;
  type?: string;
  shape?: readonly (number | string)[];
}

export function describeDecoder(inputs: readonly IoMetadata[], outputs: readonly string[], config: Record<string, unknown>): DecoderGraph {
  const firstPast = inputs.find((input) => input.name.startsWith('past_key_values.'));
  const io = resolveModelIo(inputs.map((input) => input.name), outputs, config, firstPast?.shape);
  if (io.kind !== 'causal-lm') {
    throw new Error(`model.onnx is a reward model (output ${io.outputName}); token scoring needs a causal LM with a logits output`);
  }
  return { hasPositionIds: io.hasPositionIds, hasAttentionMask: io.hasAttentionMask, past: pastInputs(inputs, io), logitsName: io.outputName };
}

/** The cache inputs of a resolved graph, each with its present.* partner and element type. */
export function pastInputs(inputs: readonly IoMetadata[], io: ModelIo): PastInput[] {
  const [, heads, , headDim] = io.emptyPastDims;
  return io.pastNames.map((name, i) => ({
    name,
    presentName: io.presentNames[i],
    heads,
    headDim,
    dtype: inputs.find((input) => input.name === name)?.type === 'float16' ? 'float16' : 'float32',
  }));
}
