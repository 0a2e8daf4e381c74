// The canonical trace record every layout adapter produces and every engine consumes.
// Offsets are UTF-16 code units. `completion` is the raw model output exactly as stored, so an
// untouched trace can be written back byte for byte; reasoning/answer are spans of it.

export const TRACE_SCHEMA_VERSION = 1;

export interface CharSpan {
  charStart: number;
  charEnd: number;
}

export interface TraceSource {
  /** File name as the user opened it (no directories from the user's disk). */
  file: string;
  /** 0-based row index within the file (JSONL line index among non-empty lines, array index, Parquet row). */
  row: number;
  /** 1-based physical line number for line-oriented files. */
  line?: number;
  /** Index into the row's list of generations, for multi-generation layouts. */
  generation?: number;
}

export interface TraceFlags {
  /** Reasoning has an opening tag (or implied one) but never closes: generation was cut off. */
  truncated: boolean;
  /** A closing `</think>` without an opening one (R1-distill templates put `<think>` in the prompt). */
  missingOpenTag: boolean;
  /** More than one think block in the completion. */
  multipleThinkBlocks: boolean;
}

export interface TraceRecord {
  /** Unique within an opened dataset, stable across reloads. */
  id: string;
  /** Id of the layout adapter that produced it (see formats/registry). */
  layout: string;
  source: TraceSource;
  problem: string;
  /** Reference (ground-truth) answer when the layout has one. */
  reference: string | null;
  /** Reference worked solution when the layout has one. */
  referenceSolution: string | null;
  /** Raw completion as stored (for separate-field layouts: the reasoning and answer fields joined, see `joiner`). */
  completion: string;
  /** Where the reasoning lies in `completion` (empty span when there is none). */
  reasoningSpan: CharSpan;
  /** Where the final answer lies in `completion` (empty span when there is none). */
  answerSpan: CharSpan;
  /** completion.slice(reasoningSpan) — the exact string all reasoning offsets refer to. */
  reasoning: string;
  /** completion.slice(answerSpan). */
  answer: string;
  flags: TraceFlags;
  /** Columns the adapter did not consume, carried along untouched. */
  extra: Record<string, unknown>;
  /** Separate-field layouts only: which fields `completion` was joined from, and the joiner between them. */
  joined?: { reasoningField: string; answerField: string; joiner: string };
}

export function sliceSpan(text: string, span: CharSpan): string {
  return text.slice(span.charStart, span.charEnd);
}
