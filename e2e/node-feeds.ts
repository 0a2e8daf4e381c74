// Feeds for a whole-sequence onnxruntime-node run (the reference the browser paths are compared to):
// ids, an all-ones mask and, when the graph takes them, positions 0…n-1.
import * as ortNode from 'onnxruntime-node';

export function nodeIdFeeds(session: ortNode.InferenceSession, ids: readonly number[]): Record<string, ortNode.Tensor> {
  const length = ids.length;
  const feeds: Record<string, ortNode.Tensor> = {
    input_ids: new ortNode.Tensor('int64', BigInt64Array.from(ids, BigInt), [1, length]),
    attention_mask: new ortNode.Tensor('int64', new BigInt64Array(length).fill(1n), [1, length]),
  };
  if (session.inputNames.includes('position_ids')) {
    feeds.position_ids = new ortNode.Tensor('int64', BigInt64Array.from({ length }, (_, i) => BigInt(i)), [1, length]);
  }
  return feeds;
}
