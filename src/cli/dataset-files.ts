// Turning command-line paths into the DatasetFile objects openDataset reads (the same Blob-based
// code path the studio's worker uses), and naming where a dataset error happened.
import { openAsBlob } from 'node:fs';
import { stat } from 'node:fs/promises';
import { basename } from 'node:path';
import type { CliIo } from './command.ts';
import type { DatasetError, DatasetFile } from '../data/open-dataset.ts';

/** Opens every path as a Blob; on the first unusable path says why on stderr and returns null. */
export async function openDatasetFiles(paths: string[], commandName: string, io: CliIo): Promise<DatasetFile[] | null> {
  const files: DatasetFile[] = [];
  for (const path of paths) {
    try {
      if (!(await stat(path)).isFile()) throw new Error('not a regular file');
      files.push({ name: basename(path), blob: await openAsBlob(path) });
    } catch (error) {
      const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : error instanceof Error ? error.message : String(error);
      io.stderr(`trellis ${commandName}: ${path}: ${reason}\n`);
      return null;
    }
  }
  return files;
}

/** "file:line", "file row N" or "file". */
export function errorLocation(error: DatasetError): string {
  if (error.line !== undefined) return `${error.file}:${error.line}`;
  return error.row !== undefined ? `${error.file} row ${error.row}` : error.file;
}
