import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { NpyError, npyRows, parseNpy } from './npy.ts';

const fixture = (name: string): Uint8Array => new Uint8Array(readFileSync(new URL(`./fixtures/${name}`, import.meta.url)));

describe('parseNpy on files written by NumPy', () => {
  it('reads a 1-D little-endian float32 track', () => {
    const array = parseNpy(fixture('track-f4.npy'));
    expect(array.shape).toEqual([4]);
    expect([...array.data]).toEqual([0.5, -1.25, 2, -0.0625]);
  });

  it('reads 2-D float64 rows and trims NaN padding', () => {
    const array = parseNpy(fixture('tracks-f8.npy'));
    expect(array.shape).toEqual([2, 3]);
    const rows = npyRows(array);
    expect([...rows[0]]).toEqual([0.1, -0.2, 0.3]);
    expect([...rows[1]]).toEqual([1.5, -2.5]);
  });

  it('reads big-endian Fortran-order data in row-major order', () => {
    const array = parseNpy(fixture('tracks-be-fortran.npy'));
    expect(array.shape).toEqual([2, 3]);
    expect([...array.data]).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('reads a version 2 header', () => {
    expect([...parseNpy(fixture('track-v2.npy')).data]).toEqual([7, -8]);
  });

  it('rejects non-float dtypes, bad magic and truncated data, naming the file', () => {
    expect(() => parseNpy(fixture('ints.npy'), 'ints.npy')).toThrow(/ints\.npy.*'<i4' is not float32 or float64/);
    expect(() => parseNpy(new TextEncoder().encode('{"a":1}'), 'x.npy')).toThrow(NpyError);
    const bytes = fixture('tracks-f8.npy');
    expect(() => parseNpy(bytes.subarray(0, bytes.length - 8), 'cut.npy')).toThrow(/cut\.npy.*needs 48 data bytes/);
  });

  it('rejects arrays of more than two dimensions for tracks', () => {
    expect(() => npyRows({ shape: [1, 1, 1], data: new Float64Array(1) }, 'cube.npy')).toThrow(/cube\.npy.*1 or 2 dimensions/);
  });
});
