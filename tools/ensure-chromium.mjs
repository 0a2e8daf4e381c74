// e2e needs Debian's Chromium (Playwright cannot download its own browsers here). Install it when
// we can (root + apt-get), otherwise stop with a message saying how.
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';

export const CHROMIUM_PATH = process.env.TRELLIS_CHROMIUM ?? '/usr/bin/chromium';

if (!existsSync(CHROMIUM_PATH)) {
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const hasApt = spawnSync('sh', ['-c', 'command -v apt-get'], { stdio: 'ignore' }).status === 0;
  if (!isRoot || !hasApt) {
    console.error(`e2e: no Chromium at ${CHROMIUM_PATH}. Install Debian's chromium first:\n` +
      `  sudo apt-get update && sudo apt-get install -y chromium\n` +
      `or point TRELLIS_CHROMIUM at a Chromium binary.`);
    process.exit(1);
  }
  console.log('e2e: installing Debian chromium (apt-get)…');
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  for (const args of [['update', '-qq'], ['install', '-y', '-qq', 'chromium']]) {
    const r = spawnSync('apt-get', args, { stdio: 'inherit', env });
    if (r.status !== 0) { console.error(`e2e: apt-get ${args.join(' ')} failed (exit ${r.status}).`); process.exit(1); }
  }
}
console.log(`e2e: using Chromium at ${CHROMIUM_PATH}`);
