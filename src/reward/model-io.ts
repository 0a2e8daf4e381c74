// Recognises the ONNX graphs the scoring engine supports from their input/output names and the
// model's config.json, and derives what a runner needs (cache names, empty-past shape). Pure.

export type ModelKind = 'causal-lm' | 'reward';

export interface ModelConfigShape {
  layers: number;
  kvHeads: number;
  headDim: number;
  vocabSize: number | null;
}

export interface ModelIo {
  kind: ModelKind;
  /** The graph takes past_key_values.* and returns present.* (chunked prefill possible). */
  hasPast: boolean;
  hasAttentionMask: boolean;
  hasPositionIds: boolean;
  /** 'logits' or 'rewards'. */
  outputName: string;
  /** past_key_values.N.key / .value in layer order, key before value; empty without past. */
  pastNames: string[];
  /** present.N.key / .value matching pastNames one to one. */
  presentNames: string[];
  /** [batch=1, kvHeads, 0, headDim]: the cache fed to the first chunk. */
  emptyPastDims: [number, number, number, number];
  config: ModelConfigShape;
}

const EXPECTED = [
  'a causal LM with inputs input_ids, attention_mask, [position_ids], past_key_values.N.key/value and outputs logits, present.N.key/value (Optimum decoder: Qwen2, Llama, GPT-2 families)',
  'the same without past_key_values/present',
  'a reward model with inputs input_ids, attention_mask, [position_ids] (optionally with the cache) and output rewards [batch, sequence]',
];

function positiveInt(value: unknown): number | null {
  return typeof value === 'number' && Number.isInteger(value) && value > 0 ? value : null;
}

/** Reads layer count, KV heads, head size and vocabulary from config.json (Llama/Qwen2 or GPT-2 keys). */
export function readModelConfig(config: Record<string, unknown>): ModelConfigShape {
  const source = typeof config.text_config === 'object' && config.text_config !== null ? config.text_config as Record<string, unknown> : config;
  const pick = (...keys: string[]): number | null => {
    for (const key of keys) { const v = positiveInt(source[key]); if (v !== null) return v; }
    return null;
  };
  const layers = pick('num_hidden_layers', 'n_layer', 'num_layers');
  const heads = pick('num_attention_heads', 'n_head');
  const kvHeads = pick('num_key_value_heads') ?? heads;
  const hidden = pick('hidden_size', 'n_embd', 'd_model');
  const headDim = pick('head_dim') ?? (hidden !== null && heads !== null && hidden % heads === 0 ? hidden / heads : null);
  const missing = [
    layers === null && 'num_hidden_layers (or n_layer)',
    kvHeads === null && 'num_key_value_heads or num_attention_heads (or n_head)',
    headDim === null && 'head_dim or hidden_size (or n_embd) divisible by the head count',
  ].filter(Boolean);
  if (missing.length > 0 || layers === null || kvHeads === null || headDim === null) {
    throw new Error(`config.json: missing ${missing.join(', ')}`);
  }
  return { layers, kvHeads, headDim, vocabSize: pick('vocab_size') };
}

function describe(inputs: readonly string[], outputs: readonly string[], problem: string): Error {
  return new Error([
    `model.onnx does not fit a supported graph: ${problem}.`,
    `It has inputs [${inputs.join(', ')}] and outputs [${outputs.join(', ')}].`,
    'Expected one of:',
    ...EXPECTED.map((e) => `  - ${e}`),
  ].join('\n'));
}

const PAST_RE = /^past_key_values\.(\d+)\.(key|value)$/;
const PRESENT_RE = /^present\.(\d+)\.(key|value)$/;

function cacheLayers(names: readonly string[], re: RegExp): Map<number, Set<string>> {
  const layers = new Map<number, Set<string>>();
  for (const name of names) {
    const m = re.exec(name);
    if (m) layers.set(Number(m[1]), (layers.get(Number(m[1])) ?? new Set()).add(m[2]));
  }
  return layers;
}

/** Checks that the cache is past_key_values.0..L-1.{key,value} with matching present.* outputs. */
function checkCache(inputs: readonly string[], outputs: readonly string[], layers: number): string | null {
  const past = cacheLayers(inputs, PAST_RE);
  const present = cacheLayers(outputs, PRESENT_RE);
  if (past.size === 0) return present.size === 0 ? null : 'present.* outputs without past_key_values.* inputs';
  for (let i = 0; i < past.size; i++) {
    if (past.get(i)?.size !== 2) return `past_key_values.${i}.key/value missing (layers must be numbered 0..N-1, each with key and value)`;
    if (present.get(i)?.size !== 2) return `present.${i}.key/value missing for past_key_values.${i}.*`;
  }
  if (past.size !== layers) return `${past.size} cache layers in the graph but config.json says ${layers}`;
  return null;
}

/**
 * Validates a graph's names against the supported layouts. `config` is config.json. `pastDims`, when
 * the runtime knows them (input metadata), overrides config for the empty-past heads and head size.
 */
export function resolveModelIo(
  inputs: readonly string[], outputs: readonly string[], config: Record<string, unknown>,
  pastDims?: readonly (number | string)[],
): ModelIo {
  if (!inputs.includes('input_ids')) throw describe(inputs, outputs, 'no input_ids input');
  const outputName = outputs.includes('logits') ? 'logits' : outputs.includes('rewards') ? 'rewards' : null;
  if (!outputName) throw describe(inputs, outputs, 'neither a logits nor a rewards output');
  const known = new Set(['input_ids', 'attention_mask', 'position_ids']);
  const unknown = inputs.filter((n) => !known.has(n) && !PAST_RE.test(n));
  if (unknown.length > 0) throw describe(inputs, outputs, `unsupported inputs ${unknown.join(', ')}`);
  const shape = readModelConfig(config);
  const cacheProblem = checkCache(inputs, outputs, shape.layers);
  if (cacheProblem) throw describe(inputs, outputs, cacheProblem);
  const hasPast = inputs.some((n) => PAST_RE.test(n));
  const pastNames: string[] = [];
  const presentNames: string[] = [];
  if (hasPast) {
    for (let i = 0; i < shape.layers; i++) {
      for (const part of ['key', 'value']) {
        pastNames.push(`past_key_values.${i}.${part}`);
        presentNames.push(`present.${i}.${part}`);
      }
    }
  }
  const kvHeads = typeof pastDims?.[1] === 'number' ? pastDims[1] : shape.kvHeads;
  const headDim = typeof pastDims?.[3] === 'number' ? pastDims[3] : shape.headDim;
  return {
    kind: outputName === 'logits' ? 'causal-lm' : 'reward',
    hasPast,
    hasAttentionMask: inputs.includes('attention_mask'),
    hasPositionIds: inputs.includes('position_ids'),
    outputName,
    pastNames,
    presentNames,
    emptyPastDims: [1, kvHeads, 0, headDim],
    config: shape,
  };
}
