// Node CPU scoring (onnxruntime-node, chunked prefill with KV cache, chunk 512): tokens/s at 512, 4k
// and 32k tokens with 1 and 2 threads, for the test model and the bundled LM when present. Baselines
// in the same run: one-shot prefill (no chunking) at 4k, and 1 thread vs 2.
// Then the post-processing stage alone at a Qwen-sized vocabulary (151,936 × 512 positions): the JS
// reduction of downloaded logits (reduceLogitsCpu, what the WGSL kernel replaces) and the bytes per
// token each path reads back. TRELLIS_BENCH_MAX_TOKENS caps the lengths (e.g. 4096 for a quick run).
import { existsSync } from 'node:fs';
import { NodeTokenScorer, openNodeModel, type NodeModel } from '../../src/cli/scoring/node-scorers.ts';
import { reduceLogitsCpu } from '../../src/reward/reduce-logits.ts';

const MODELS = ['test/fixtures/models/tiny-random', 'public/models/trellis-lm-tiny'].filter((d) => existsSync(`${d}/onnx/model.onnx`));
const MAX_TOKENS = Number(process.env.TRELLIS_BENCH_MAX_TOKENS ?? 32_768);
const LENGTHS = [512, 4096, 32_768].filter((n) => n <= MAX_TOKENS);
const PARAGRAPH = 'Okay, so I need to find the value of x. Let me start by writing the equation: 3x + 7 = 22. '
  + 'Subtracting 7 from both sides gives 3x = 15, so x = 5. Wait, let me double-check that: 3·5 + 7 = 22 ✓. '
  + 'Alternatively, maybe there is a better way — 答案是 5. Hmm, but what if the problem meant 3(x + 7)? ';

function idsOfLength(model: NodeModel, length: number): Int32Array {
  const base = model.folder.tokenizer.encode(PARAGRAPH).ids;
  return Int32Array.from({ length }, (_, i) => base[i % base.length]);
}

async function tokensPerSecond(model: NodeModel, ids: Int32Array, chunkLength: number): Promise<number> {
  const scorer = new NodeTokenScorer(model, { chunkLength });
  const started = performance.now();
  await scorer.score(ids);
  return ids.length / ((performance.now() - started) / 1000);
}

async function benchModel(dir: string): Promise<void> {
  const perThreads = new Map<number, Map<number, number>>();
  for (const threads of [1, 2]) {
    const model = await openNodeModel(dir, { threads });
    await tokensPerSecond(model, idsOfLength(model, 256), 512); // warm-up
    const rates = new Map<number, number>();
    for (const length of LENGTHS) {
      const rate = await tokensPerSecond(model, idsOfLength(model, length), 512);
      rates.set(length, rate);
      console.log(`${model.folder.name.padEnd(16)} threads ${threads}  ${String(length).padStart(6)} tokens  chunk 512  ${rate.toFixed(0).padStart(7)} tokens/s`);
    }
    if (LENGTHS.includes(4096)) {
      const oneShot = await tokensPerSecond(model, idsOfLength(model, 4096), 4096);
      console.log(`${model.folder.name.padEnd(16)} threads ${threads}    4096 tokens  one shot   ${oneShot.toFixed(0).padStart(7)} tokens/s  (chunked/one-shot ×${(rates.get(4096)! / oneShot).toFixed(2)})`);
    }
    perThreads.set(threads, rates);
    await model.release();
  }
  for (const length of LENGTHS) {
    console.log(`${dir.split('/').pop()!.padEnd(16)} ${String(length).padStart(6)} tokens: 2 threads / 1 thread ×${(perThreads.get(2)!.get(length)! / perThreads.get(1)!.get(length)!).toFixed(2)}`);
  }
}

function benchPostProcessing(): void {
  const vocabSize = 151_936;
  const positions = 512;
  const logits = new Float32Array(vocabSize * positions);
  let seed = 12345;
  for (let i = 0; i < logits.length; i++) {
    seed = (seed * 1103515245 + 12345) >>> 0;
    logits[i] = (seed / 2 ** 32) * 20 - 10;
  }
  const targets = Int32Array.from({ length: positions }, (_, i) => (i * 7919) % vocabSize);
  reduceLogitsCpu(logits.subarray(0, vocabSize * 8), 8, vocabSize, targets, 5); // warm-up
  const runs: number[] = [];
  for (let i = 0; i < 3; i++) {
    const started = performance.now();
    reduceLogitsCpu(logits, positions, vocabSize, targets, 5);
    runs.push(performance.now() - started);
  }
  const medianMs = runs.sort((a, b) => a - b)[1];
  const fullBytesPerToken = vocabSize * 4;
  const reducedBytesPerToken = 4 + 4 + 4 + 5 * (4 + 4); // logprob, entropy, rank, top-5 ids + log-probs
  console.log(`post-processing, vocab ${vocabSize} × ${positions} positions (${((logits.byteLength) / 1e6).toFixed(0)} MB of logits):`);
  console.log(`  JS reduction of downloaded logits (reduceLogitsCpu): ${medianMs.toFixed(0)} ms per chunk, ${(medianMs / positions).toFixed(3)} ms per token, ${(positions / (medianMs / 1000)).toFixed(0)} tokens/s`);
  console.log(`  bytes read back per token: full logits ${fullBytesPerToken.toLocaleString('en')} vs reduced ${reducedBytesPerToken} (×${(fullBytesPerToken / reducedBytesPerToken).toFixed(0)} less)`);
}

for (const dir of MODELS) await benchModel(dir);
benchPostProcessing();
