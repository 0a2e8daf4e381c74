#!/usr/bin/env node
// The `trellis` CLI: runs the TypeScript sources through tsx, so the CLI and the studio share
// src/cot, src/data and src/reward without a separate build step.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
