// A CLI sub-command: one file per command under src/cli/commands, registered in commands/index.ts.
export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

export interface CliCommand {
  name: string;
  /** One line for `trellis --help`. */
  summary: string;
  /** Full usage text for `trellis NAME --help`. */
  usage: string;
  /** Returns the process exit code. */
  run(args: string[], io: CliIo): Promise<number>;
}
