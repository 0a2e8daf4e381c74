import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { estimateParameterCount, pickedModelFiles } from './model-files.ts';

const DIR = 'test/fixtures/models/tiny-random';
const file = (path: string) => new Blob([readFileSync(`${DIR}/${path}`)]);

describe('pickedModelFiles', () => {
  it('finds the Optimum layout under the picked folder name and sizes the weights', async () => {
    const files = await pickedModelFiles({
      'tiny-random/config.json': file('config.json'),
      'tiny-random/tokenizer.json': file('tokenizer.json'),
      'tiny-random/onnx/model.onnx': file('onnx/model.onnx'),
    }, 'tiny-random');
    expect(files.config.model_type).toBe('qwen2');
    expect(files.tokenizerConfig).toEqual({});
    expect(files.byteLength).toBe(readFileSync(`${DIR}/onnx/model.onnx`).byteLength);
    expect(estimateParameterCount(files)).toBe(Math.round(files.byteLength / 4));
  });

  it('says which file is missing and what was picked', async () => {
    await expect(pickedModelFiles({ 'm/config.json': file('config.json') }, 'm')).rejects.toThrow(/tokenizer\.json is missing \(picked: m\/config\.json\)/);
    await expect(pickedModelFiles({
      'config.json': new Blob(['{oops']), 'tokenizer.json': file('tokenizer.json'), 'onnx/model.onnx': file('onnx/model.onnx'),
    }, 'm')).rejects.toThrow(/config\.json is not valid JSON/);
  });
});
