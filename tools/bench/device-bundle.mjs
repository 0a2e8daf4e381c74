// esbuild bundle of device-reduce.ts; resolves Vite's `?raw` WGSL imports to their text.
import { build } from 'esbuild';
import { readFile } from 'node:fs/promises';
import { resolve, dirname } from 'node:path';

const rawPlugin = {
  name: 'raw',
  setup(b) {
    b.onResolve({ filter: /\?raw$/ }, (args) => ({ path: resolve(dirname(args.importer), args.path.replace(/\?raw$/, '')), namespace: 'raw' }));
    b.onLoad({ filter: /.*/, namespace: 'raw' }, async (args) => ({ contents: await readFile(args.path, 'utf8'), loader: 'text' }));
  },
};
await build({
  entryPoints: ['tools/bench/device-reduce.ts'], bundle: true, platform: 'node', format: 'esm', target: 'node20',
  outfile: process.argv[2], external: ['webgpu'], plugins: [rawPlugin], logLevel: 'warning',
});
