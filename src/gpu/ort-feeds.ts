// Input tensors shared by the web runners (causal LM and reward model): ids, attention mask and
// position ids for a chunk that continues `pastLength` cached positions, and the empty first cache.
import { ort } from './ort-session.ts';

export interface IdInputs {
  /** Element type the graph wants for its id inputs; int64 when not known (Optimum's export). */
  idType?: 'int64' | 'int32';
  hasAttentionMask: boolean;
  hasPositionIds: boolean;
}

function idTensor(type: 'int64' | 'int32', values: ArrayLike<number>): ort.Tensor {
  const data = type === 'int64' ? BigInt64Array.from(Array.from(values), (value) => BigInt(value)) : Int32Array.from(values);
  return new ort.Tensor(type, data, [1, values.length]);
}

/** input_ids [1, T], attention_mask [1, past + T] (all ones: no padding) and position_ids [1, T]. */
export function idFeeds(inputs: IdInputs, ids: ArrayLike<number>, pastLength: number): Record<string, ort.Tensor> {
  const type = inputs.idType ?? 'int64';
  const length = ids.length;
  const feeds: Record<string, ort.Tensor> = { input_ids: idTensor(type, ids) };
  if (inputs.hasAttentionMask) feeds.attention_mask = idTensor(type, new Int32Array(pastLength + length).fill(1));
  if (inputs.hasPositionIds) feeds.position_ids = idTensor(type, Int32Array.from({ length }, (_, i) => pastLength + i));
  return feeds;
}

/** The cache before the first chunk: [1, heads, 0, headDim]. */
export function emptyPast(dtype: 'float32' | 'float16', heads: number, headDim: number): ort.Tensor {
  const dims = [1, heads, 0, headDim];
  return dtype === 'float16' ? new ort.Tensor('float16', new Uint16Array(0), dims) : new ort.Tensor('float32', new Float32Array(0), dims);
}
