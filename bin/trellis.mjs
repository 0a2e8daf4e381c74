#!/usr/bin/env node
// The `trellis` CLI: runs the TypeScript sources through tsx, so the CLI and the studio share
// src/cot, src/data and src/reward without a separate build step.
import { register } from 'tsx/esm/api';

register();
// `trellis segment … | head` closes stdout early: that is a normal end, not a crash.
process.stdout.on('error', (error) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
