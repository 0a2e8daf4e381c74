// One trace from text to pivots: tokenize (with an optional context prefix), get the chosen token
// track through the scoring ports (or an imported sidecar), detect pivots, snap, build the record.
import type { TraceRecord } from '../../cot/trace.ts';
import type { RewardScorer, ScoreOptions, TextTokenizer, TokenizedText, TokenScorer } from '../ports.ts';
import { detectRuns, resultFromRuns } from './detect.ts';
import { trackForTrace, type TrackSidecar } from './sidecar.ts';
import { boundaryFlags, snapRuns, type SnapTarget } from './snapping.ts';
import { entropyTrack, implicitRewardTrack } from './tracks.ts';
import type { PivotOptions, PivotResult, Sign } from './types.ts';

export type PivotTrackKind = 'reward' | 'implicit' | 'entropy' | 'imported';

export interface TrackSources {
  tokenizer: TextTokenizer;
  /** Reward model with a per-token output (track 'reward'). */
  reward?: RewardScorer;
  /** Policy LM (tracks 'implicit' and 'entropy'). */
  policy?: TokenScorer;
  /** Reference LM (track 'implicit'). */
  reference?: TokenScorer;
  /** Imported tracks (track 'imported'), over the tokens of the reasoning text alone. */
  sidecar?: TrackSidecar;
  /** Context put before the reasoning (e.g. the problem); its tokens are scored but get no pivots. */
  prefix?: (trace: TraceRecord) => string;
  /** β of the implicit reward (default 0.1). */
  beta?: number;
}

export interface ScoredTrace {
  /** Tokens of the reasoning text; offsets are into trace.reasoning. */
  tokens: TokenizedText;
  track: Float64Array;
}

function concatIds(a: Int32Array, b: Int32Array): Int32Array {
  const ids = new Int32Array(a.length + b.length);
  ids.set(a, 0);
  ids.set(b, a.length);
  return ids;
}

function need<T>(value: T | undefined, what: string, kind: PivotTrackKind): T {
  if (value === undefined) throw new Error(`track '${kind}' needs ${what}`);
  return value;
}

/** Scores the whole input and returns the part of the track over the reasoning tokens. */
async function rawTrack(kind: PivotTrackKind, ids: Int32Array, sources: TrackSources, options?: ScoreOptions): Promise<ArrayLike<number>> {
  if (kind === 'reward') return need(sources.reward, 'a reward model', kind).rewards(ids, options);
  const policy = await need(sources.policy, 'a language model', kind).score(ids, options);
  if (kind === 'entropy') return entropyTrack(policy);
  const reference = await need(sources.reference, 'a reference model (--ref-model)', kind).score(ids, options);
  return implicitRewardTrack(policy.logprob, reference.logprob, sources.beta ?? 0.1);
}

export async function scoreTrace(trace: TraceRecord, kind: PivotTrackKind, sources: TrackSources, options?: ScoreOptions): Promise<ScoredTrace> {
  const tokens = sources.tokenizer.encode(trace.reasoning);
  if (kind === 'imported') {
    const sidecar = need(sources.sidecar, 'a sidecar file (--sidecar)', kind);
    return { tokens, track: trackForTrace(sidecar, trace.id, sources.tokenizer, tokens.ids.length) };
  }
  const prefixText = sources.prefix?.(trace) ?? '';
  const prefixIds = prefixText === '' ? new Int32Array(0) : sources.tokenizer.encode(prefixText).ids;
  const full = await rawTrack(kind, concatIds(prefixIds, tokens.ids), sources, options);
  if (full.length !== prefixIds.length + tokens.ids.length) {
    throw new Error(`scorer returned ${full.length} values for ${prefixIds.length + tokens.ids.length} tokens`);
  }
  const track = new Float64Array(tokens.ids.length);
  for (let t = 0; t < track.length; t++) track[t] = full[prefixIds.length + t];
  return { tokens, track };
}

export interface SnapOptions {
  target: SnapTarget;
  /** How far (in tokens) a pivot may move to reach a boundary. */
  maxShiftTokens: number;
}

/** Pivots of a scored trace, optionally snapped to word or sentence starts of `text`. */
export function pivotsOfScored(text: string, scored: ScoredTrace, polarity: Sign, pivot: Partial<PivotOptions>, snap: SnapOptions | null): PivotResult {
  let runs = detectRuns(scored.track, pivot);
  if (snap) runs = snapRuns(runs, boundaryFlags(text, scored.tokens, snap.target), snap.maxShiftTokens);
  return resultFromRuns(runs, scored.track, polarity, scored.tokens);
}

/** One line of `trellis pivots` output. */
export interface PivotRecord {
  id: string;
  track: PivotTrackKind;
  pivots: number[];
  segments: Array<{ tokenStart: number; tokenEnd: number; charStart: number; charEnd: number; sign: Sign; mean: number | null; kept: boolean }>;
  polarity: Sign;
  polaritySource: string;
  tokens: number;
}

export function toPivotRecord(id: string, track: PivotTrackKind, result: PivotResult, polaritySource: string, tokenCount: number): PivotRecord {
  return {
    id,
    track,
    pivots: result.pivots,
    segments: result.segments.map((s) => ({
      tokenStart: s.tokenStart,
      tokenEnd: s.tokenEnd,
      charStart: s.charStart,
      charEnd: s.charEnd,
      sign: s.sign,
      mean: Number.isFinite(s.mean) ? s.mean : null,
      kept: s.kept,
    })),
    polarity: result.polarity,
    polaritySource,
    tokens: tokenCount,
  };
}
