// Bundles tools/device/gpu-bench.ts into .devicekit/gpu-bench.mjs (one file, plus ORT's wasm beside
// it) so the device machine needs only a Node binary and Dawn.
import { build } from 'esbuild';
import { readFileSync, copyFileSync, mkdirSync } from 'node:fs';
import { resolve } from 'node:path';

const out = resolve('.devicekit');
mkdirSync(out, { recursive: true });
const rawText = {
  name: 'raw-text',
  setup(b) {
    b.onResolve({ filter: /\?raw$/ }, (args) => ({ path: resolve(args.resolveDir, args.path.replace(/\?raw$/, '')), namespace: 'raw' }));
    b.onLoad({ filter: /.*/, namespace: 'raw' }, (args) => ({ contents: readFileSync(args.path, 'utf8'), loader: 'text' }));
  },
};
await build({
  entryPoints: ['tools/device/gpu-bench.ts'],
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  outfile: `${out}/gpu-bench.mjs`,
  external: ['webgpu'],
  alias: { 'onnxruntime-web': resolve('node_modules/onnxruntime-web/dist/ort.webgpu.bundle.min.mjs') },
  plugins: [rawText],
  banner: { js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);" },
  logLevel: 'warning',
});
for (const f of ['ort-wasm-simd-threaded.asyncify.wasm', 'ort-wasm-simd-threaded.asyncify.mjs']) copyFileSync(`node_modules/onnxruntime-web/dist/${f}`, `${out}/${f}`);
console.log(`bundled ${out}/gpu-bench.mjs`);
