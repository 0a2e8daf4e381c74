import { COMMANDS } from './commands/index.ts';
import type { CliIo } from './command.ts';

const nodeIo: CliIo = {
  stdout: (text) => { process.stdout.write(text); },
  stderr: (text) => { process.stderr.write(text); },
};

function overview(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length), 8);
  const lines = COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`);
  return [
    'trellis — headless Trellis: open, segment, score and export long chain-of-thought datasets',
    '',
    'Usage: trellis <command> [options]',
    '',
    'Commands:',
    ...lines,
    '',
    'Run `trellis <command> --help` for a command\'s options.',
    '',
  ].join('\n');
}

export async function main(argv: string[], io: CliIo = nodeIo): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.stdout(overview());
    return 0;
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) {
    io.stderr(`trellis: unknown command '${name}'\n\n${overview()}`);
    return 2;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    io.stdout(command.usage.endsWith('\n') ? command.usage : `${command.usage}\n`);
    return 0;
  }
  try {
    return await command.run(rest, io);
  } catch (error) {
    io.stderr(`trellis ${name}: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
}
