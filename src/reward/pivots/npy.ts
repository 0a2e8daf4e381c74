// A small reader for NumPy .npy files (format versions 1–3) holding float32/float64 tracks.
// Pure: takes the bytes, returns the shape and the values; errors name the file and the reason.

export interface NpyArray {
  shape: number[];
  /** Row-major (C order) values. */
  data: Float64Array;
}

export class NpyError extends Error {
  constructor(file: string, reason: string) {
    super(`${file}: not a readable .npy track file: ${reason}`);
    this.name = 'NpyError';
  }
}

const MAGIC = [0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59]; // \x93NUMPY

interface NpyHeader {
  descr: string;
  fortranOrder: boolean;
  shape: number[];
  dataOffset: number;
}

export function parseNpy(bytes: Uint8Array, file = 'array.npy'): NpyArray {
  const header = readHeader(bytes, file);
  const { littleEndian, byteSize } = parseDescr(header.descr, file);
  const count = header.shape.reduce((a, b) => a * b, 1);
  const byteLength = count * byteSize;
  if (bytes.byteLength - header.dataOffset < byteLength) {
    throw new NpyError(file, `shape (${header.shape.join(', ')}) needs ${byteLength} data bytes, file has ${bytes.byteLength - header.dataOffset}`);
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset + header.dataOffset, byteLength);
  const data = new Float64Array(count);
  for (let i = 0; i < count; i++) {
    data[i] = byteSize === 4 ? view.getFloat32(i * 4, littleEndian) : view.getFloat64(i * 8, littleEndian);
  }
  return { shape: header.shape, data: header.fortranOrder ? toRowMajor(data, header.shape) : data };
}

function readHeader(bytes: Uint8Array, file: string): NpyHeader {
  if (bytes.byteLength < 10 || MAGIC.some((b, i) => bytes[i] !== b)) throw new NpyError(file, 'missing the \\x93NUMPY magic');
  const major = bytes[6];
  if (major < 1 || major > 3) throw new NpyError(file, `unsupported format version ${major}.${bytes[7]}`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const lengthBytes = major === 1 ? 2 : 4;
  const headerLength = major === 1 ? view.getUint16(8, true) : view.getUint32(8, true);
  const start = 8 + lengthBytes;
  if (start + headerLength > bytes.byteLength) throw new NpyError(file, 'header runs past the end of the file');
  const text = new TextDecoder(major === 3 ? 'utf-8' : 'latin1').decode(bytes.subarray(start, start + headerLength));
  const descr = /['"]descr['"]\s*:\s*['"]([^'"]+)['"]/.exec(text)?.[1];
  const fortran = /['"]fortran_order['"]\s*:\s*(True|False)/.exec(text)?.[1];
  const shapeText = /['"]shape['"]\s*:\s*\(([^)]*)\)/.exec(text)?.[1];
  if (descr === undefined) throw new NpyError(file, "header has no 'descr'");
  if (fortran === undefined) throw new NpyError(file, "header has no 'fortran_order'");
  if (shapeText === undefined) throw new NpyError(file, "header has no 'shape'");
  return { descr, fortranOrder: fortran === 'True', shape: parseShape(shapeText, file), dataOffset: start + headerLength };
}

function parseShape(text: string, file: string): number[] {
  const parts = text.split(',').map((p) => p.trim()).filter((p) => p !== '');
  const shape = parts.map((p) => Number(p.replace(/L$/, '')));
  if (shape.some((n) => !Number.isInteger(n) || n < 0)) throw new NpyError(file, `bad shape (${text})`);
  return shape;
}

function parseDescr(descr: string, file: string): { littleEndian: boolean; byteSize: 4 | 8 } {
  const match = /^([<>=|]?)f([48])$/.exec(descr);
  if (!match) throw new NpyError(file, `dtype '${descr}' is not float32 or float64`);
  return { littleEndian: match[1] !== '>', byteSize: match[2] === '4' ? 4 : 8 };
}

/** Column-major (Fortran) data to row-major. */
function toRowMajor(data: Float64Array, shape: number[]): Float64Array {
  if (shape.length < 2) return data;
  const out = new Float64Array(data.length);
  const rank = shape.length;
  const index = new Array<number>(rank).fill(0);
  for (let f = 0; f < data.length; f++) {
    let c = 0;
    for (let d = 0; d < rank; d++) c = c * shape[d] + index[d];
    out[c] = data[f];
    for (let d = 0; d < rank; d++) {
      if (++index[d] < shape[d]) break;
      index[d] = 0;
    }
  }
  return out;
}

/** Rows of a 1-D (one track) or 2-D ([traces, tokens]) array, trailing NaN padding trimmed. */
export function npyRows(array: NpyArray, file = 'array.npy'): Float64Array[] {
  if (array.shape.length === 1) return [trimNaN(array.data)];
  if (array.shape.length !== 2) throw new NpyError(file, `expected 1 or 2 dimensions, got shape (${array.shape.join(', ')})`);
  const [rows, cols] = array.shape;
  return Array.from({ length: rows }, (_, r) => trimNaN(array.data.subarray(r * cols, (r + 1) * cols)));
}

function trimNaN(row: Float64Array): Float64Array {
  let end = row.length;
  while (end > 0 && Number.isNaN(row[end - 1])) end--;
  return row.slice(0, end);
}
