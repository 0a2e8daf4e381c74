// Bundles tools/device/gpu-bench.ts into .devicekit/gpu-bench.mjs (one file, plus ORT's wasm beside
// it) so the device machine needs only a Node binary and Dawn.
import { build } from 'esbuild';
import { readFileSync, copyFileSync, mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { execSync } from 'node:child_process';

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
// What travels must stay under the device tool's 64 MiB: Node and Dawn + ORT's wasm go compressed.
execSync(`xz -T2 -6 -c ${process.execPath} > ${out}/node.xz`);
mkdirSync(`${out}/node_modules`, { recursive: true });
execSync(`rm -rf ${out}/node_modules/webgpu && cp -r node_modules/webgpu ${out}/node_modules/ && rm -rf ${out}/node_modules/webgpu/dist/darwin* ${out}/node_modules/webgpu/dist/win32* ${out}/node_modules/webgpu/dist/linux-arm64`);
execSync(`tar -C ${out} -cJf ${out}/kit.tar.xz node_modules ort-wasm-simd-threaded.asyncify.wasm`);
// Vulkan loader + glvnd for the NVIDIA ICD, unpacked on the device by run.sh.
execSync(`mkdir -p .gl /tmp/amd64/partial && cd .gl && apt-get -oAPT::Architecture=amd64 -oDir::State::Lists=/tmp/amd64 update -qq && apt-get -oAPT::Architecture=amd64 -oDir::State::Lists=/tmp/amd64 download libvulkan1 libegl1 libglvnd0 libopengl0 libgl1 libglx0 libgles2`, { stdio: 'inherit' });
console.log(`bundled ${out}: carry .devicekit/{node.xz,kit.tar.xz,gpu-bench.mjs,ort-wasm-simd-threaded.asyncify.mjs} and .gl`);
