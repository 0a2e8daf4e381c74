// Post-processing comparison on a real GPU through Dawn (the `webgpu` npm package) in Node, for the
// lent device machine (no browser there): WGSL reduction + 52 B/token read-back vs downloading the
// full logits and reducing in JS, at T=512, V=151,936; plus the kernel self-test on that GPU.
// Bundled with esbuild into .bench/device/ by tools/bench/device-reduce.sh; not part of `npm run bench`.
import { create, globals } from 'webgpu';
import { benchDownloadReduce, benchKernelReduce, kernelSelfTest, uploadLogits } from '../../src/gpu/kernel-diagnostics.ts';
import { randomLogits } from '../../src/gpu/random-logits.ts';

const POSITIONS = 512;
const VOCAB = 151_936;

Object.assign(globalThis, globals);
const gpu = create([]) as GPU; // kept referenced for the whole run (Dawn's object is GC-sensitive)
const adapter = await gpu.requestAdapter({ powerPreference: 'high-performance' });
if (!adapter) throw new Error('no WebGPU adapter');
const info = adapter.info as GPUAdapterInfo & { isFallbackAdapter?: boolean };
console.log(`adapter: ${info.vendor} ${info.architecture} ${info.device} ${info.description} fallback=${info.isFallbackAdapter ?? false}`);
const device = await adapter.requestDevice({
  requiredLimits: { maxStorageBufferBindingSize: adapter.limits.maxStorageBufferBindingSize, maxBufferSize: adapter.limits.maxBufferSize },
});
const selfTest = await kernelSelfTest(device);
console.log(`self-test: ${selfTest.passed ? 'PASS' : 'FAIL'} ${JSON.stringify(selfTest.cases)}`);
const logits = uploadLogits(device, randomLogits(POSITIONS * VOCAB, 42, 16));
await benchKernelReduce(device, logits, POSITIONS, VOCAB, 1); // warm-up (pipeline, first dispatch)
const kernel = await benchKernelReduce(device, logits, POSITIONS, VOCAB, 7);
const download = await benchDownloadReduce(device, logits, POSITIONS, VOCAB, 3);
const agree = kernel.sampleLogprob.every((v, i) => Number.isNaN(v) ? Number.isNaN(download.sampleLogprob[i]) : Math.abs(v - download.sampleLogprob[i]) < 1e-3);
for (const t of [kernel, download]) {
  console.log(`${t.method}: median ${t.medianMs.toFixed(2)} ms (runs ${t.runsMs.map((ms) => ms.toFixed(1)).join(', ')}), ${t.bytesPerToken.toFixed(0)} B/token`);
}
console.log(`ratio download/kernel time = ${(download.medianMs / kernel.medianMs).toFixed(1)}×; agree: ${agree}`);
logits.destroy();
device.destroy();
