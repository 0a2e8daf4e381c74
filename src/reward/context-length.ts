// The longest window a model without a KV cache can score in one run (its context length), read from
// config.json and tokenizer_config.json. Pure: both runtimes (web and Node) size their windows with it.

/** Used when neither file names a context length. */
export const DEFAULT_CONTEXT_LENGTH = 2048;

/** Tokenizers without a limit store a huge sentinel (int(1e30)) as model_max_length: not a real one. */
const MAX_PLAUSIBLE_CONTEXT_LENGTH = 1 << 24;

function contextLengthIn(source: Record<string, unknown>, keys: readonly string[]): number | null {
  for (const key of keys) {
    const value = source[key];
    if (typeof value === 'number' && Number.isInteger(value) && value > 0 && value <= MAX_PLAUSIBLE_CONTEXT_LENGTH) return value;
  }
  return null;
}

/** config.json (max_position_embeddings, n_positions, n_ctx), then tokenizer_config.json's model_max_length, then 2048. */
export function contextLengthOf(config: Record<string, unknown>, tokenizerConfig: Record<string, unknown> = {}): number {
  const text = typeof config.text_config === 'object' && config.text_config !== null ? config.text_config as Record<string, unknown> : config;
  return contextLengthIn(text, ['max_position_embeddings', 'n_positions', 'n_ctx'])
    ?? contextLengthIn(tokenizerConfig, ['model_max_length'])
    ?? DEFAULT_CONTEXT_LENGTH;
}
