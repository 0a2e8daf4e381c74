import { describe, expect, it } from 'vitest';
import { contextLengthOf, DEFAULT_CONTEXT_LENGTH } from './context-length.ts';

describe('contextLengthOf', () => {
  it('reads Llama/Qwen2 and GPT-2 keys from config.json', () => {
    expect(contextLengthOf({ max_position_embeddings: 1024 })).toBe(1024);
    expect(contextLengthOf({ n_positions: 512 })).toBe(512);
    expect(contextLengthOf({ n_ctx: 256 })).toBe(256);
  });

  it('reads a multimodal config through text_config', () => {
    expect(contextLengthOf({ text_config: { max_position_embeddings: 4096 } })).toBe(4096);
  });

  it("falls back to the tokenizer's model_max_length, ignoring the 'no limit' sentinel", () => {
    expect(contextLengthOf({}, { model_max_length: 8192 })).toBe(8192);
    expect(contextLengthOf({}, { model_max_length: 1e30 })).toBe(DEFAULT_CONTEXT_LENGTH);
  });

  it('ignores values that are not positive integers', () => {
    expect(contextLengthOf({ max_position_embeddings: 0, n_positions: 1.5 }, { model_max_length: '512' })).toBe(DEFAULT_CONTEXT_LENGTH);
  });
});
