// `npm run models:train`: regenerate the data, train, export, evaluate, and write the model cards and
// the manifest. Three modes:
//   (default)  recover the committed tokenizer and LM from public/models, retrain the RM on 2 CPU
//              threads (recipe cpu-rm), calibrate its zero crossing on validation traces and
//              export it. Measured: 55.8 min, and a model.onnx byte-identical to the committed one
//              (which was trained on 1 thread).
//   --full     train the tokenizer, the LM and the RM from scratch on 2 CPU threads (recipe cpu) and
//              export both into public/models.
//   --quick    a minutes-long smoke run of --full that writes into tools/models/.work/quick-models.
// PyTorch comes from Debian (python3-torch); $PYTHON overrides the interpreter. Debian's reference
// BLAS is ~17x slower than OpenBLAS on this kind of machine, so OpenBLAS is used when installed
// (apt-get install libopenblas0-pthread) or unpacked under tools/models/.work/openblas.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

const here = import.meta.dirname;
const mode = process.argv.includes('--quick') ? 'quick' : process.argv.includes('--full') ? 'full' : 'rm';
const python = process.env.PYTHON ?? (existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3');
const openblas = [
  '/usr/lib/x86_64-linux-gnu/openblas-pthread',
  join(here, '.work/openblas/usr/lib/x86_64-linux-gnu/openblas-pthread'),
].find((dir) => existsSync(join(dir, 'libblas.so.3')));
const env = { ...process.env, OPENBLAS_NUM_THREADS: '2', OMP_NUM_THREADS: '2' };
if (openblas) env.LD_LIBRARY_PATH = [openblas, process.env.LD_LIBRARY_PATH].filter(Boolean).join(':');
else console.warn('OpenBLAS not found: training falls back to the reference BLAS and is much slower');
if (mode === 'quick') {
  env.TRELLIS_MODELS_OUT = join(here, '.work/quick-models');
  env.TRELLIS_SUMMARY = join(here, '.work/quick-models/training-summary.json');
}

function step(command, args) {
  console.log(`\n$ ${command} ${args.join(' ')}`);
  const started = Date.now();
  const result = spawnSync(command, args, { stdio: 'inherit', env });
  if (result.status !== 0) process.exit(result.status ?? 1);
  console.log(`(${((Date.now() - started) / 60000).toFixed(1)} min)`);
}

const started = Date.now();
const calibrate = [join(here, 'calibrate_rm.py'), join(here, '.work/weights'), join(here, '.work/data/synthetic-train-unseen.jsonl'), '--write'];
const summary = env.TRELLIS_SUMMARY ?? join(here, 'training-summary.json');
step('npx', ['tsx', join(here, 'generate-data.ts')]);
if (mode === 'rm') {
  step(python, [join(here, 'recover_lm.py'), '--force']);
  step(python, [join(here, 'train.py'), 'rm', '--recipe', 'cpu-rm', '--no-export']);
  step(python, [...calibrate, '--summary', summary]);
  step(python, [join(here, 'train.py'), 'export-rm']);
} else {
  const recipe = mode === 'quick' ? ['--quick'] : ['--recipe', 'cpu'];
  step(python, [join(here, 'train.py'), 'tokenizer', ...recipe]);
  step(python, [join(here, 'train.py'), 'fit', ...recipe]);
  step(python, [...calibrate, '--summary', summary]);
  step(python, [join(here, 'train.py'), 'export', ...recipe]);
}
step('npx', ['tsx', join(here, 'evaluate.ts'), '--write']);
console.log(`\nmodels:train (${mode}) took ${((Date.now() - started) / 60000).toFixed(1)} min`);
