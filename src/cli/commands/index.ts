import type { CliCommand } from '../command.ts';
import { answersCommand } from './answers.ts';
import { inspectCommand } from './inspect.ts';
import { pivotsCommand } from './pivots.ts';
import { scoreCommand } from './score.ts';
import { segmentCommand } from './segment.ts';

// Each command lives in its own file; add it here once.
export const COMMANDS: CliCommand[] = [
  answersCommand,
  inspectCommand,
  pivotsCommand,
  scoreCommand,
  segmentCommand,
];
