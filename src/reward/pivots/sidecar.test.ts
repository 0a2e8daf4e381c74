import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { SidecarError, attachNpy, parseSidecarJson, trackForTrace } from './sidecar.ts';

const tokenizer = { name: 'trellis-bpe-4k', hash: 'ab'.repeat(32) };
const header = { tokenizer };

describe('JSON sidecar', () => {
  it('gives the track of a trace with the matching tokenizer, null as NaN', () => {
    const text = JSON.stringify({ ...header, traces: { a: [0.5, null, -1], b: [1, 2] } });
    const { sidecar, issues } = parseSidecarJson(text, 'scores.json');
    expect(issues).toEqual([]);
    const track = trackForTrace(sidecar, 'a', tokenizer, 3);
    expect(track[0]).toBe(0.5);
    expect(Number.isNaN(track[1])).toBe(true);
    expect(track[2]).toBe(-1);
  });

  it('keeps valid tracks and names the bad ones', () => {
    const text = JSON.stringify({ ...header, traces: { good: [1], bad: ['x'], worse: 3 } });
    const { sidecar, issues } = parseSidecarJson(text, 'scores.json');
    expect([...sidecar.tracks.keys()]).toEqual(['good']);
    expect(issues.map((i) => i.field)).toEqual(['traces.bad', 'traces.worse']);
  });

  it('refuses a different tokenizer name or hash with a clear error', () => {
    const { sidecar } = parseSidecarJson(JSON.stringify({ ...header, traces: { a: [1] } }), 'scores.json');
    expect(() => trackForTrace(sidecar, 'a', { ...tokenizer, hash: 'cd'.repeat(32) }, 1)).toThrow(/scores\.json: tokenizer: tracks were computed with tokenizer trellis-bpe-4k \(abababababab…\) but this run uses trellis-bpe-4k \(cdcdcdcdcdcd…\)/);
    expect(() => trackForTrace(sidecar, 'a', { ...tokenizer, name: 'qwen3' }, 1)).toThrow(SidecarError);
  });

  it('matches the hash case-insensitively', () => {
    const { sidecar } = parseSidecarJson(JSON.stringify({ tokenizer: { ...tokenizer, hash: tokenizer.hash.toUpperCase() }, traces: { a: [1] } }), 's.json');
    expect(trackForTrace(sidecar, 'a', tokenizer, 1)).toHaveLength(1);
  });

  it('reports a missing trace and a token-count mismatch', () => {
    const { sidecar } = parseSidecarJson(JSON.stringify({ ...header, traces: { a: [1, 2] } }), 's.json');
    expect(() => trackForTrace(sidecar, 'zz', tokenizer, 2)).toThrow(/traces\.zz: no track/);
    expect(() => trackForTrace(sidecar, 'a', tokenizer, 3)).toThrow(/2 values but the trace has 3 tokens/);
  });

  it('throws on a broken header, naming file and field', () => {
    expect(() => parseSidecarJson('{', 'x.json')).toThrow(/x\.json: \(root\): invalid JSON/);
    expect(() => parseSidecarJson(JSON.stringify({ traces: {} }), 'x.json')).toThrow(/x\.json: tokenizer:/);
    expect(() => parseSidecarJson(JSON.stringify({ ...header }), 'x.json')).toThrow(/x\.json: traces:/);
  });
});

describe('NPY-backed sidecar', () => {
  const npy = new Uint8Array(readFileSync(new URL('./fixtures/tracks-f8.npy', import.meta.url)));

  it('maps rows of the array to trace ids', () => {
    const { sidecar } = parseSidecarJson(JSON.stringify({ ...header, npy: 'tracks-f8.npy', ids: ['p', 'q'] }), 'side.json');
    expect(sidecar.npy?.file).toBe('tracks-f8.npy');
    attachNpy(sidecar, npy);
    expect([...trackForTrace(sidecar, 'q', tokenizer, 2)]).toEqual([1.5, -2.5]);
  });

  it('honours explicit lengths and checks the row count', () => {
    const { sidecar } = parseSidecarJson(JSON.stringify({ ...header, npy: 'tracks-f8.npy', ids: ['p', 'q'], lengths: [2, 1] }), 'side.json');
    attachNpy(sidecar, npy);
    expect([...trackForTrace(sidecar, 'p', tokenizer, 2)]).toEqual([0.1, -0.2]);
    const three = parseSidecarJson(JSON.stringify({ ...header, npy: 'tracks-f8.npy', ids: ['p', 'q', 'r'] }), 'side.json').sidecar;
    expect(() => attachNpy(three, npy)).toThrow(/3 ids but tracks-f8\.npy has 2 rows/);
  });
});
