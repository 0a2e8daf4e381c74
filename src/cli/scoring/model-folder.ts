// Reads a model folder in the Hugging Face layout: config.json, tokenizer.json,
// tokenizer_config.json and onnx/model.onnx (external data next to it is found by ORT itself).
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { createTokenizer, type HfTokenizer } from '../../reward/tokenizer/hf-tokenizer.ts';
import { sha256Hex } from '../../reward/tokenizer/sha256.ts';

export interface ModelFolder {
  /** Folder name, used as the model name in outputs. */
  name: string;
  dir: string;
  config: Record<string, unknown>;
  tokenizer: HfTokenizer;
  modelPath: string;
  /** model.onnx plus its external data files. */
  byteLength: number;
}

function readJson(path: string): Record<string, unknown> {
  if (!existsSync(path)) throw new Error(`${path}: file not found`);
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
  } catch (error) {
    throw new Error(`${path}: not valid JSON (${error instanceof Error ? error.message : String(error)})`, { cause: error });
  }
}

/** model.onnx and model.onnx_data / model.onnx.data etc. in the onnx/ folder. */
function onnxByteLength(onnxDir: string): number {
  return readdirSync(onnxDir)
    .filter((f) => f.startsWith('model.onnx'))
    .reduce((sum, f) => sum + statSync(join(onnxDir, f)).size, 0);
}

export function loadModelFolder(dir: string): ModelFolder {
  const root = resolve(dir);
  if (!existsSync(root) || !statSync(root).isDirectory()) throw new Error(`${dir}: model folder not found`);
  const modelPath = join(root, 'onnx', 'model.onnx');
  if (!existsSync(modelPath)) throw new Error(`${dir}: onnx/model.onnx not found (expected the Hugging Face / Optimum layout)`);
  const tokenizerPath = join(root, 'tokenizer.json');
  if (!existsSync(tokenizerPath)) throw new Error(`${tokenizerPath}: file not found`);
  const tokenizerBytes = readFileSync(tokenizerPath);
  const configPath = join(root, 'tokenizer_config.json');
  const tokenizerConfig = existsSync(configPath) ? readJson(configPath) : null;
  let tokenizer: HfTokenizer;
  try {
    tokenizer = createTokenizer({
      name: basename(root), tokenizerJson: tokenizerBytes.toString('utf8'), tokenizerConfig, hash: sha256Hex(tokenizerBytes),
    });
  } catch (error) {
    throw new Error(`${tokenizerPath}: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
  return {
    name: basename(root),
    dir: root,
    config: readJson(join(root, 'config.json')),
    tokenizer,
    modelPath,
    byteLength: onnxByteLength(join(root, 'onnx')),
  };
}
