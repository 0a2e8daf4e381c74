// Gathers a model folder in the Hugging Face / Optimum layout (config.json, tokenizer.json,
// tokenizer_config.json, onnx/model.onnx [+ external data]) from the app's own URL or from files the
// user picked. Nothing leaves the machine.

export interface ModelFiles {
  name: string;
  config: Record<string, unknown>;
  tokenizerJson: string;
  tokenizerConfig: Record<string, unknown>;
  model: Uint8Array;
  externalData: { path: string; data: Uint8Array }[];
  byteLength: number;
}

/** Relative path inside the model folder (e.g. "onnx/model.onnx") → contents. */
export type PickedFiles = Record<string, Blob | ArrayBuffer | Uint8Array>;

const EXTERNAL_DATA = ['model.onnx_data', 'model.onnx.data'];

export async function fetchModelFiles(baseUrl: string, name: string): Promise<ModelFiles> {
  const base = baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`;
  const required = async (path: string): Promise<Uint8Array> => {
    const bytes = await fetchOptional(base + path);
    if (!bytes) throw new Error(`model ${name}: ${base}${path} is missing`);
    return bytes;
  };
  const [config, tokenizer, model] = await Promise.all([required('config.json'), required('tokenizer.json'), required('onnx/model.onnx')]);
  const tokenizerConfig = await fetchOptional(base + 'tokenizer_config.json');
  const externalData = [];
  for (const path of EXTERNAL_DATA) {
    const data = await fetchOptional(`${base}onnx/${path}`);
    if (data) externalData.push({ path, data });
  }
  return assemble(name, { config, tokenizer, tokenizerConfig, model, externalData });
}

/** An SPA server answers unknown paths with index.html: treat HTML as "not there". */
async function fetchOptional(url: string): Promise<Uint8Array | undefined> {
  const response = await fetch(url);
  if (!response.ok || (response.headers.get('content-type') ?? '').includes('text/html')) return undefined;
  return new Uint8Array(await response.arrayBuffer());
}

export async function pickedModelFiles(files: PickedFiles, name: string): Promise<ModelFiles> {
  // Paths may start with the picked folder's name ("qwen/onnx/model.onnx"): match on the tail.
  const entries = Object.entries(files).map(([path, value]) => [path.replace(/\\/g, '/'), value] as const);
  const find = (tail: string) => entries.find(([path]) => path === tail || path.endsWith(`/${tail}`))?.[1];
  const read = async (tail: string, required: boolean): Promise<Uint8Array | undefined> => {
    const value = find(tail);
    if (!value) {
      if (required) throw new Error(`model ${name}: ${tail} is missing (picked: ${entries.map(([p]) => p).join(', ')})`);
      return undefined;
    }
    return value instanceof Uint8Array ? value : new Uint8Array(value instanceof Blob ? await value.arrayBuffer() : value);
  };
  const externalData = [];
  for (const path of EXTERNAL_DATA) {
    const data = await read(`onnx/${path}`, false);
    if (data) externalData.push({ path, data });
  }
  return assemble(name, {
    config: (await read('config.json', true))!,
    tokenizer: (await read('tokenizer.json', true))!,
    tokenizerConfig: await read('tokenizer_config.json', false),
    model: (await read('onnx/model.onnx', true))!,
    externalData,
  });
}

interface RawFiles {
  config: Uint8Array;
  tokenizer: Uint8Array;
  tokenizerConfig?: Uint8Array;
  model: Uint8Array;
  externalData: { path: string; data: Uint8Array }[];
}

function assemble(name: string, raw: RawFiles): ModelFiles {
  const decoder = new TextDecoder();
  const parse = (file: string, bytes: Uint8Array): Record<string, unknown> => {
    try {
      return JSON.parse(decoder.decode(bytes)) as Record<string, unknown>;
    } catch (error) {
      throw new Error(`model ${name}: ${file} is not valid JSON (${(error as Error).message})`, { cause: error });
    }
  };
  const byteLength = raw.model.byteLength + raw.externalData.reduce((sum, file) => sum + file.data.byteLength, 0);
  return {
    name,
    config: parse('config.json', raw.config),
    tokenizerJson: decoder.decode(raw.tokenizer),
    tokenizerConfig: raw.tokenizerConfig ? parse('tokenizer_config.json', raw.tokenizerConfig) : {},
    model: raw.model,
    externalData: raw.externalData,
    byteLength,
  };
}

/** Parameters estimated from the weights' bytes and the config's dtype (the graph is not parsed). */
export function estimateParameterCount(files: ModelFiles): number {
  const dtype = String(files.config.torch_dtype ?? 'float32');
  const bytesPerParameter = dtype.includes('16') ? 2 : 4;
  return Math.round(files.byteLength / bytesPerParameter);
}
