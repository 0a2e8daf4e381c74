// `npm run models:train`: regenerate data, train tokenizer + both models, export ONNX, evaluate,
// write the model cards and the manifest. Pass --quick for a minutes-long smoke run.
// PyTorch comes from Debian (python3-torch); $PYTHON overrides the interpreter. Debian's reference
// BLAS is ~8x slower than OpenBLAS on this kind of machine, so OpenBLAS is used when installed
// (apt-get install libopenblas0-pthread) or unpacked under tools/models/.work/openblas.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

const here = import.meta.dirname;
const quick = process.argv.includes('--quick') ? ['--quick'] : [];
const python = process.env.PYTHON ?? (existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3');
const openblas = [
  '/usr/lib/x86_64-linux-gnu/openblas-pthread',
  join(here, '.work/openblas/usr/lib/x86_64-linux-gnu/openblas-pthread'),
].find((dir) => existsSync(join(dir, 'libblas.so.3')));
const env = { ...process.env, OPENBLAS_NUM_THREADS: '2', OMP_NUM_THREADS: '2' };
if (openblas) env.LD_LIBRARY_PATH = [openblas, process.env.LD_LIBRARY_PATH].filter(Boolean).join(':');
else console.warn('OpenBLAS not found: training falls back to the reference BLAS and is much slower');

function step(command, args) {
  console.log(`\n$ ${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, { stdio: 'inherit', env });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

step('npx', ['tsx', join(here, 'generate-data.ts')]);
step(python, [join(here, 'train.py'), 'all', ...quick]);
step('npx', ['tsx', join(here, 'evaluate.ts'), '--write']);
