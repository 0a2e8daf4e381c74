// Real-GPU check for the scoring engine (issue 5), run on a lent device machine through Node +
// Dawn (the `webgpu` package) so the same src/gpu code that runs in the browser worker runs there:
//   1. post-processing at a Qwen-sized vocabulary: our WGSL reduction with its 52 B/token read-back
//      vs downloading the full logits and reducing them in JS (the baseline, same run);
//   2. model tokens/s through onnxruntime-web's WebGPU EP for a 0.5B-class decoder (random weights)
//      at 512 and 4k tokens, chunked prefill with the KV cache on the GPU.
// Bundled with esbuild by tools/device/build.mjs; run by tools/device/run.sh on the device.
import { readFileSync, existsSync, openSync, readSync, fstatSync, closeSync } from 'node:fs';
import { join } from 'node:path';
import { create, globals } from 'webgpu';
import { benchDownloadReduce, benchKernelReduce, kernelSelfTest, uploadLogits } from '../../src/gpu/kernel-diagnostics.ts';
import { randomLogits } from '../../src/gpu/random-logits.ts';
import { ScoringEngine } from '../../src/gpu/scoring-engine.ts';
import type { ModelFiles } from '../../src/gpu/model-files.ts';

Object.assign(globalThis, globals);
const gpu = create([]);
(globalThis as Record<string, unknown>).navigator = { gpu, userAgent: 'node' };
(globalThis as Record<string, unknown>).__keepGpu = gpu; // create()'s object must stay referenced

// Dawn for Node rejects writeBuffer from a SharedArrayBuffer view (Chromium accepts it), and ORT's
// threaded wasm heap is shared: copy such views first.
async function allowSharedWrites(): Promise<void> {
  const adapter = await gpu.requestAdapter();
  const device = await adapter?.requestDevice();
  if (!device) return;
  const proto = Object.getPrototypeOf(device.queue) as GPUQueue;
  const original = proto.writeBuffer;
  proto.writeBuffer = function (this: GPUQueue, buffer: GPUBuffer, offset: number, data: BufferSource, dataOffset?: number, size?: number) {
    const view = ArrayBuffer.isView(data) && data.buffer instanceof SharedArrayBuffer ? (data as Uint8Array).slice() : data;
    return original.call(this, buffer, offset, view, dataOffset, size);
  } as GPUQueue['writeBuffer'];
  device.destroy();
}
await allowSharedWrites();

async function postProcessing(): Promise<void> {
  const adapter = await gpu.requestAdapter({ powerPreference: 'high-performance' });
  if (!adapter) throw new Error('no WebGPU adapter');
  console.log(`adapter: ${JSON.stringify(adapter.info)} fallback=${(adapter as { isFallbackAdapter?: boolean }).isFallbackAdapter}`);
  const device = await adapter.requestDevice({ requiredLimits: { maxStorageBufferBindingSize: adapter.limits.maxStorageBufferBindingSize, maxBufferSize: adapter.limits.maxBufferSize } });
  const selfTest = await kernelSelfTest(device);
  console.log(`kernel self-test vs CPU reference: ${JSON.stringify(selfTest)}`);
  const positions = 512;
  const vocabSize = 151_936;
  const logits = uploadLogits(device, randomLogits(positions * vocabSize, 7));
  const kernel = await benchKernelReduce(device, logits, positions, vocabSize, 10);
  const download = await benchDownloadReduce(device, logits, positions, vocabSize, 3);
  console.log(`post-processing [${positions} x ${vocabSize}]:`);
  for (const t of [kernel, download]) console.log(`  ${JSON.stringify(t)}`);
  logits.destroy();
  device.destroy();
}

/** readFileSync stops at 2 GiB; external data of a 0.5B fp32 model is larger. */
function readLarge(path: string): Uint8Array {
  const fd = openSync(path, 'r');
  try {
    const bytes = new Uint8Array(fstatSync(fd).size);
    for (let offset = 0; offset < bytes.length;) offset += readSync(fd, bytes, offset, Math.min(1 << 30, bytes.length - offset), offset);
    return bytes;
  } finally {
    closeSync(fd);
  }
}

function loadModel(dir: string): ModelFiles {
  const model = new Uint8Array(readFileSync(join(dir, 'onnx/model.onnx')));
  const externalData = ['model.onnx_data', 'model.onnx.data']
    .filter((name) => existsSync(join(dir, 'onnx', name)))
    .map((name) => ({ path: name, data: readLarge(join(dir, 'onnx', name)) }));
  return {
    name: dir.split('/').pop() ?? dir,
    config: JSON.parse(readFileSync(join(dir, 'config.json'), 'utf8')),
    tokenizerJson: '{}',
    tokenizerConfig: {},
    model,
    externalData,
    byteLength: model.byteLength + externalData.reduce((n, f) => n + f.data.byteLength, 0),
  };
}

async function modelThroughput(dir: string): Promise<void> {
  const files = loadModel(dir);
  const vocabSize = Number(files.config.vocab_size);
  const loadStarted = performance.now();
  const engine = await ScoringEngine.load(files, 'webgpu');
  console.log(`model ${files.name}: ${(files.byteLength / 2 ** 20).toFixed(0)} MiB, backend ${engine.info.backend} (${engine.info.backendReason}), load ${(performance.now() - loadStarted).toFixed(0)} ms`);
  for (const tokens of [512, 512, 4096]) {
    const ids = Int32Array.from({ length: tokens }, (_, i) => (i * 7919 + 13) % vocabSize);
    engine.resetStats();
    const started = performance.now();
    const scores = await engine.score(ids, { chunkLength: 512 });
    const ms = performance.now() - started;
    const stats = engine.stats;
    console.log(`  ${tokens} tokens: ${(tokens / (ms / 1000)).toFixed(0)} tokens/s (${ms.toFixed(0)} ms; model ${stats.modelMs.toFixed(0)} ms, reduce ${stats.reduceMs.toFixed(0)} ms; read back ${(stats.byteLengthReadBack / tokens).toFixed(1)} B/token; logprob[1]=${scores.logprob[1].toFixed(4)})`);
  }
  await engine.dispose();
}

const which = process.argv[2] ?? 'all';
if (which === 'all' || which === 'post') await postProcessing();
if ((which === 'all' || which === 'model') && process.argv[3]) await modelThroughput(process.argv[3]);
console.log('gpu-bench: done');
process.exit(0);
