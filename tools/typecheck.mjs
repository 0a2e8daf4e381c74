// Type-checks each layer with its own `lib`, so e.g. `window` in src/cot or `fs` in src/data fails.
import { spawnSync } from 'node:child_process';
const projects = ['tsconfig.pure.json', 'tsconfig.data.json', 'tsconfig.worker.json', 'tsconfig.ui.json', 'tsconfig.node.json'];
let failed = 0;
for (const project of projects) {
  const started = Date.now();
  const result = spawnSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', project], { encoding: 'utf8' });
  const output = `${result.stdout}${result.stderr}`;
  const empty = output.includes('TS18003');
  if (!empty) process.stdout.write(output);
  const verdict = empty ? 'no files yet' : result.status === 0 ? 'ok' : 'FAILED';
  console.log(`typecheck ${project}: ${verdict} (${Date.now() - started} ms)`);
  if (result.status !== 0 && !empty) failed++;
}
process.exit(failed ? 1 : 0);
