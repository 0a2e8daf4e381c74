// The JSONL record of `trellis score`: one trace's scored text and per-token statistics.
import type { TraceRecord } from '../../cot/trace.ts';
import type { TextTokenizer, TokenizedText, TokenScores } from '../../reward/ports.ts';

/** Put between reasoning and answer when a trace has both (answer offsets continue after it). */
export const ANSWER_SEPARATOR = '\n\n';

export interface ScoredText {
  text: string;
  /** Length of the reasoning part (UTF-16 units); the answer starts at answerCharStart. */
  reasoningChars: number;
  answerCharStart: number;
}

/** reasoning + separator + answer: reasoning offsets are unchanged, answer offsets follow it. */
export function scoredText(trace: Pick<TraceRecord, 'reasoning' | 'answer'>): ScoredText {
  const separator = trace.reasoning !== '' && trace.answer !== '' ? ANSWER_SEPARATOR : '';
  return {
    text: trace.reasoning + separator + trace.answer,
    reasoningChars: trace.reasoning.length,
    answerCharStart: trace.reasoning.length + separator.length,
  };
}

const round = (x: number): number | null => (Number.isFinite(x) ? Math.round(x * 1e6) / 1e6 : null);

export interface ScoreRecordInput {
  id: string;
  model: string;
  tokenizer: TextTokenizer;
  scored: ScoredText;
  tokens: TokenizedText;
  scores: TokenScores;
}

export function scoreRecord(input: ScoreRecordInput): Record<string, unknown> {
  const { tokenizer, tokens, scores } = input;
  const k = scores.k;
  const rows = Array.from(tokens.ids, (id, t) => {
    const top: Array<[string, number | null]> = [];
    for (let j = 0; j < k; j++) {
      const alt = scores.topIds[t * k + j];
      if (alt >= 0) top.push([tokenizer.tokenText(alt), round(scores.topLogprobs[t * k + j])]);
    }
    return {
      id, charStart: tokens.charStart[t], charEnd: tokens.charEnd[t],
      logprob: round(scores.logprob[t]), entropy: round(scores.entropy[t]),
      rank: scores.rank[t] >= 0 ? scores.rank[t] : null, top,
    };
  });
  return {
    id: input.id,
    model: input.model,
    tokenizer: { name: tokenizer.name, hash: tokenizer.hash },
    reasoningChars: input.scored.reasoningChars,
    answerCharStart: input.scored.answerCharStart,
    tokens: rows,
  };
}
