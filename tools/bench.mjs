// `npm run bench`: runs every tools/bench/*.bench.ts in turn (each prints its own figures and its
// ratio against a baseline measured in the same run). `npm run bench -- NAME` runs only matching ones.
import { readdirSync } from 'node:fs';
import { spawnSync } from 'node:child_process';

const filter = process.argv[2];
const benches = readdirSync('tools/bench').filter((f) => f.endsWith('.bench.ts') && (!filter || f.includes(filter))).sort();
let failed = 0;
for (const file of benches) {
  console.log(`\n=== ${file} ===`);
  const result = spawnSync(process.execPath, ['--expose-gc', '--import', 'tsx', `tools/bench/${file}`], { stdio: 'inherit' });
  if (result.status !== 0) { failed++; console.log(`${file}: FAILED (exit ${result.status})`); }
}
process.exit(failed ? 1 : 0);
