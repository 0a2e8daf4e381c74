import type { CliCommand } from '../command.ts';

// Each command lives in its own file; add it here once.
export const COMMANDS: CliCommand[] = [];
