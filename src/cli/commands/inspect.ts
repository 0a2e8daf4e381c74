// `trellis inspect FILE... [--json]`: opens the files as one dataset (shards of one split) and
// reports layout, counts and errors. The --json shape is a contract other tools parse.
import type { CliCommand } from '../command.ts';
import { errorLocation as where, openDatasetFiles } from '../dataset-files.ts';
import { openDataset, type DatasetError, type Detection, type OpenSummary } from '../../data/open-dataset.ts';

const USAGE = `Usage: trellis inspect FILE... [--json]

Opens the files as one dataset (e.g. the shards of one split: .jsonl, .jsonl.gz, .json array,
.parquet) and prints the detected layout, the counts of rows, traces and errors.

  --json   print one JSON object on stdout:
           {"files":[...],"layout":"<id>","rows":N,"traces":N,"withReference":N,"truncated":N,
            "errors":[{"file":...,"line":N,"reason":"..."}]}

Exit code: 0 when at least one trace was read, 2 on unusable input (reason on stderr).
`;

/** Errors as the contract prints them: file, line (or row), field when known, reason. */
function errorJson(error: DatasetError): Record<string, unknown> {
  const out: Record<string, unknown> = { file: error.file };
  if (error.line !== undefined) out.line = error.line;
  else if (error.row !== undefined) out.row = error.row;
  if (error.field !== undefined) out.field = error.field;
  out.reason = error.reason;
  return out;
}


function report(summary: OpenSummary, detections: Detection[]): string {
  const lines = [`files: ${summary.files.join(', ')}`, `layout: ${summary.layout}`];
  for (const d of detections) {
    const container = `${d.container}${d.compressed ? ' (gzip)' : ''}`;
    lines.push(`  ${d.file}: ${container}, ${d.layout ?? 'no layout'}${d.confidence ? ` (confidence ${d.confidence.toFixed(2)})` : ''} — ${d.reason}`);
  }
  lines.push(`rows: ${summary.rows}  traces: ${summary.traces}  with reference: ${summary.withReference}  truncated: ${summary.truncated}  errors: ${summary.errors.length}`);
  const shown = summary.errors.slice(0, 20);
  for (const error of shown) lines.push(`  error ${where(error)}${error.field ? ` [${error.field}]` : ''}: ${error.reason}`);
  if (summary.errors.length > shown.length) lines.push(`  … ${summary.errors.length - shown.length} more errors (use --json for all)`);
  return `${lines.join('\n')}\n`;
}


export const inspectCommand: CliCommand = {
  name: 'inspect',
  summary: 'detect the layout of dataset files and count rows, traces and errors',
  usage: USAGE,
  async run(args, io) {
    const json = args.includes('--json');
    const unknown = args.filter((a) => a.startsWith('-') && a !== '--json');
    const paths = args.filter((a) => !a.startsWith('-'));
    if (unknown.length > 0 || paths.length === 0) {
      io.stderr(`trellis inspect: ${unknown.length ? `unknown option ${unknown[0]}` : 'no input files'}\n\n${USAGE}`);
      return 2;
    }
    const files = await openDatasetFiles(paths, 'inspect', io);
    if (!files) return 2;
    const detections: Detection[] = [];
    const summary = await openDataset(files, { onDetected: (d) => detections.push(d) });
    if (json) {
      io.stdout(`${JSON.stringify({ files: summary.files, layout: summary.layout, rows: summary.rows, traces: summary.traces, withReference: summary.withReference, truncated: summary.truncated, errors: summary.errors.map(errorJson) })}\n`);
    } else {
      io.stdout(report(summary, detections));
    }
    if (summary.traces > 0) return 0;
    const first = summary.errors[0];
    io.stderr(`trellis inspect: no traces read${first ? `: ${where(first)}: ${first.reason}` : ' (no rows)'}\n`);
    return 2;
  },
};
