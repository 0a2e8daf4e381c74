// Parquet through hyparquet, one row group at a time (snappy/zstd/… via hyparquet-compressors), so
// only the current row group's rows are in memory. Reads the Blob by slices: no whole-file load.
import { parquetMetadataAsync, parquetReadObjects, type AsyncBuffer, type FileMetaData } from 'hyparquet';
import { compressors } from 'hyparquet-compressors';
import type { Row } from '../cot/formats/types.ts';
import type { RawRow } from './raw-row.ts';

function blobBuffer(blob: Blob, onBytes: (byteLength: number) => void): AsyncBuffer {
  return {
    byteLength: blob.size,
    async slice(start: number, end?: number) {
      const buffer = await blob.slice(start, end).arrayBuffer();
      onBytes(buffer.byteLength);
      return buffer;
    },
  };
}

/** Safe-range int64 values become numbers so ids and answers print like the JSON layouts. */
function normalise(row: Record<string, unknown>): Row {
  const out: Row = {};
  for (const [key, value] of Object.entries(row)) {
    out[key] = typeof value === 'bigint' && value <= BigInt(Number.MAX_SAFE_INTEGER) && value >= BigInt(Number.MIN_SAFE_INTEGER) ? Number(value) : value;
  }
  return out;
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export async function* readParquet(blob: Blob, onBytes: (byteLength: number) => void): AsyncGenerator<RawRow> {
  const file = blobBuffer(blob, onBytes);
  let metadata: FileMetaData;
  try {
    metadata = await parquetMetadataAsync(file);
  } catch (error) {
    yield { row: 0, error: { reason: `corrupt Parquet footer: ${message(error)}` } };
    return;
  }
  let rowStart = 0;
  for (const [groupIndex, group] of metadata.row_groups.entries()) {
    const rowEnd = rowStart + Number(group.num_rows);
    let rows: Record<string, unknown>[] = [];
    try {
      rows = await parquetReadObjects({ file, metadata, rowStart, rowEnd, compressors });
    } catch (error) {
      yield { row: rowStart, error: { reason: `row group ${groupIndex} (rows ${rowStart}–${rowEnd - 1}) could not be read: ${message(error)}` } };
    }
    for (const [offset, value] of rows.entries()) yield { row: rowStart + offset, value: normalise(value) };
    rowStart = rowEnd;
  }
}
