// Imported token tracks (scores computed elsewhere, e.g. a 70B reward model on a cluster).
// JSON sidecar: {"tokenizer": {"name", "hash"}, "traces": {"<id>": [numbers | null]}} or, for NPY
// data, {"tokenizer": …, "npy": "rewards.npy", "ids": ["<id>", …], "lengths"?: [n, …]} where row i of
// a 2-D float32/float64 array is the track of ids[i]. A track is only used with the same tokenizer.
import { npyRows, parseNpy } from './npy.ts';

export interface TokenizerKey {
  name: string;
  hash: string;
}

export interface SidecarIssue {
  file: string;
  field: string;
  reason: string;
}

export interface TrackSidecar {
  file: string;
  tokenizer: TokenizerKey;
  tracks: Map<string, Float64Array>;
  /** Set when the values live in an .npy file still to be attached with attachNpy. */
  npy: { file: string; ids: string[]; lengths: number[] | null } | null;
}

export class SidecarError extends Error {
  constructor(readonly issue: SidecarIssue) {
    super(`${issue.file}: ${issue.field}: ${issue.reason}`);
    this.name = 'SidecarError';
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Parses the JSON sidecar. Throws SidecarError for a broken header; bad tracks go to `issues`. */
export function parseSidecarJson(text: string, file: string): { sidecar: TrackSidecar; issues: SidecarIssue[] } {
  let root: unknown;
  try {
    root = JSON.parse(text);
  } catch (error) {
    throw new SidecarError({ file, field: '(root)', reason: `invalid JSON (${(error as Error).message})` });
  }
  if (!isRecord(root)) throw new SidecarError({ file, field: '(root)', reason: 'expected a JSON object' });
  const tokenizer = readTokenizer(root.tokenizer, file);
  const issues: SidecarIssue[] = [];
  const tracks = new Map<string, Float64Array>();
  if (isRecord(root.traces)) {
    for (const [id, values] of Object.entries(root.traces)) {
      const track = readTrack(values);
      if (track) tracks.set(id, track);
      else issues.push({ file, field: `traces.${id}`, reason: 'expected an array of numbers (null for missing)' });
    }
    return { sidecar: { file, tokenizer, tracks, npy: null }, issues };
  }
  if (typeof root.npy === 'string') return { sidecar: { file, tokenizer, tracks, npy: readNpyRef(root, file) }, issues };
  throw new SidecarError({ file, field: 'traces', reason: "expected an object of id → numbers, or an 'npy' file with 'ids'" });
}

function readTokenizer(value: unknown, file: string): TokenizerKey {
  if (!isRecord(value) || typeof value.name !== 'string' || typeof value.hash !== 'string') {
    throw new SidecarError({ file, field: 'tokenizer', reason: 'expected {"name": string, "hash": string} (the sha256 of tokenizer.json)' });
  }
  return { name: value.name, hash: value.hash.toLowerCase() };
}

function readTrack(values: unknown): Float64Array | null {
  if (!Array.isArray(values)) return null;
  const out = new Float64Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v === null) out[i] = Number.NaN;
    else if (typeof v === 'number') out[i] = v;
    else return null;
  }
  return out;
}

function readNpyRef(root: Record<string, unknown>, file: string): NonNullable<TrackSidecar['npy']> {
  const ids = root.ids;
  if (!Array.isArray(ids) || !ids.every((id) => typeof id === 'string')) {
    throw new SidecarError({ file, field: 'ids', reason: 'expected an array of trace ids, one per row of the .npy array' });
  }
  const lengths = root.lengths;
  if (lengths !== undefined && (!Array.isArray(lengths) || lengths.length !== ids.length || !lengths.every((n) => Number.isInteger(n) && n >= 0))) {
    throw new SidecarError({ file, field: 'lengths', reason: 'expected one non-negative integer per id' });
  }
  return { file: root.npy as string, ids: ids as string[], lengths: (lengths as number[] | undefined) ?? null };
}

/** Fills the sidecar's tracks from the bytes of its .npy file. */
export function attachNpy(sidecar: TrackSidecar, bytes: Uint8Array): void {
  const ref = sidecar.npy;
  if (!ref) return;
  const rows = npyRows(parseNpy(bytes, ref.file), ref.file);
  if (rows.length !== ref.ids.length) {
    throw new SidecarError({ file: sidecar.file, field: 'ids', reason: `${ref.ids.length} ids but ${ref.file} has ${rows.length} rows` });
  }
  ref.ids.forEach((id, i) => {
    const length = ref.lengths?.[i];
    if (length !== undefined && length > rows[i].length) {
      throw new SidecarError({ file: sidecar.file, field: `lengths[${i}]`, reason: `${length} exceeds the ${rows[i].length} values of row ${i}` });
    }
    sidecar.tracks.set(id, length === undefined ? rows[i] : rows[i].slice(0, length));
  });
}

/**
 * The imported track of one trace, checked against the tokenizer the trace was tokenized with and
 * its token count. Throws SidecarError with a message that says what differs.
 */
export function trackForTrace(sidecar: TrackSidecar, id: string, tokenizer: TokenizerKey, tokenCount: number): Float64Array {
  const want = sidecar.tokenizer;
  if (want.name !== tokenizer.name || want.hash !== tokenizer.hash.toLowerCase()) {
    throw new SidecarError({
      file: sidecar.file,
      field: 'tokenizer',
      reason: `tracks were computed with tokenizer ${want.name} (${want.hash.slice(0, 12)}…) but this run uses ${tokenizer.name} (${tokenizer.hash.slice(0, 12)}…); token positions would not line up`,
    });
  }
  const track = sidecar.tracks.get(id);
  if (!track) throw new SidecarError({ file: sidecar.file, field: `traces.${id}`, reason: 'no track for this trace id' });
  if (track.length !== tokenCount) {
    throw new SidecarError({ file: sidecar.file, field: `traces.${id}`, reason: `${track.length} values but the trace has ${tokenCount} tokens` });
  }
  return track;
}
