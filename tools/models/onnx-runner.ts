// Runs the exported models with onnxruntime-node: LM log-probs and entropies (window by window,
// empty past) and RM rewards.
import * as ort from 'onnxruntime-node';

export interface LmTrack {
  /** log p(token t | tokens before it in its window); NaN for a window's first token. */
  logprob: Float32Array;
  /** Entropy (nats) of the distribution that predicted token t; NaN where logprob is. */
  entropy: Float32Array;
}

export async function openSession(path: string): Promise<ort.InferenceSession> {
  return ort.InferenceSession.create(path, { intraOpNumThreads: 2, interOpNumThreads: 1 });
}

const int64 = (values: ArrayLike<number>): ort.Tensor =>
  new ort.Tensor('int64', BigInt64Array.from(values, (v) => BigInt(v)), [1, values.length]);

function emptyPast(session: ort.InferenceSession, heads: number, headDim: number): Record<string, ort.Tensor> {
  const feeds: Record<string, ort.Tensor> = {};
  for (const name of session.inputNames) {
    if (name.startsWith('past_key_values.')) feeds[name] = new ort.Tensor('float32', new Float32Array(0), [1, heads, 0, headDim]);
  }
  return feeds;
}

function reduceRow(logits: Float32Array, offset: number, vocab: number, target: number): [number, number] {
  let max = -Infinity;
  for (let v = 0; v < vocab; v++) max = Math.max(max, logits[offset + v] as number);
  let sum = 0;
  for (let v = 0; v < vocab; v++) sum += Math.exp((logits[offset + v] as number) - max);
  const logZ = max + Math.log(sum);
  let entropy = 0;
  for (let v = 0; v < vocab; v++) {
    const logp = (logits[offset + v] as number) - logZ;
    entropy -= Math.exp(logp) * logp;
  }
  return [(logits[offset + target] as number) - logZ, entropy];
}

export async function lmTrack(session: ort.InferenceSession, tokenIds: ArrayLike<number>, heads: number, headDim: number, windowTokens = 512): Promise<LmTrack> {
  const ids = Array.from(tokenIds);
  const logprob = new Float32Array(ids.length).fill(Number.NaN);
  const entropy = new Float32Array(ids.length).fill(Number.NaN);
  for (let start = 0; start < ids.length; start += windowTokens) {
    const window = ids.slice(start, start + windowTokens);
    const out = await session.run({
      input_ids: int64(window),
      attention_mask: int64(window.map(() => 1)),
      position_ids: int64(window.map((_, i) => i)),
      ...emptyPast(session, heads, headDim),
    });
    const logits = out.logits!.data as Float32Array;
    const vocab = logits.length / window.length;
    for (let t = 1; t < window.length; t++) {
      [logprob[start + t], entropy[start + t]] = reduceRow(logits, (t - 1) * vocab, vocab, window[t] as number);
    }
  }
  return { logprob, entropy };
}

export async function rmRewards(session: ort.InferenceSession, ids: ArrayLike<number>): Promise<Float32Array> {
  const out = await session.run({ input_ids: int64(ids), attention_mask: int64(new Array<number>(ids.length).fill(1)) });
  return out.rewards!.data as Float32Array;
}
