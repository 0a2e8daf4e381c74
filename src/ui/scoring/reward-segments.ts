// From a reward track to what the studio shows: the subsequences between pivots (SPEC.md §2, found
// by src/reward/pivots with the SPEC defaults) with a short excerpt each, and the pivot markers.
import { detectPivots } from '../../reward/pivots/detect.ts';
import { DEFAULT_PIVOT_OPTIONS, type PivotOptions, type Sign, type TokenOffsets } from '../../reward/pivots/types.ts';

export interface RewardSegment {
  /** Position in the list, from 0. */
  index: number;
  tokenStart: number;
  /** Exclusive. */
  tokenEnd: number;
  /** UTF-16 offsets into the scored text. */
  charStart: number;
  charEnd: number;
  sign: Sign;
  /** Mean raw reward over the segment's tokens (NaN when none is finite). */
  meanReward: number;
  tokenCount: number;
  excerpt: string;
  /** True for every segment but the first: its first token is a pivot. */
  startsAtPivot: boolean;
}

const EXCERPT_CHARS = 48;

/** Whitespace collapsed, cut to maxChars with an ellipsis. */
export function excerptOf(text: string, maxChars = EXCERPT_CHARS): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= maxChars ? flat : `${flat.slice(0, maxChars - 1).trimEnd()}…`;
}

/**
 * Segments of a reward track. The UI shows signs, not the kept mask, so the polarity passed to the
 * detector does not matter here (+1).
 */
export function rewardSegments(
  text: string,
  rewards: ArrayLike<number>,
  offsets: TokenOffsets,
  options: Partial<PivotOptions> = DEFAULT_PIVOT_OPTIONS,
): RewardSegment[] {
  const result = detectPivots(rewards, 1, options, offsets);
  return result.segments.map((segment, index) => ({
    index,
    tokenStart: segment.tokenStart,
    tokenEnd: segment.tokenEnd,
    charStart: segment.charStart,
    charEnd: segment.charEnd,
    sign: segment.sign,
    meanReward: segment.mean,
    tokenCount: segment.tokenEnd - segment.tokenStart,
    excerpt: segment.charStart >= 0 ? excerptOf(text.slice(segment.charStart, segment.charEnd)) : '',
    startsAtPivot: index > 0,
  }));
}

/** Accessible label of the marker before a pivot token. */
export function pivotLabel(sign: Sign): string {
  return sign < 0 ? 'pivot: reward turns negative' : 'pivot: reward turns positive';
}

export function signWord(sign: Sign): 'positive' | 'negative' {
  return sign < 0 ? 'negative' : 'positive';
}

export function countPivots(segments: readonly RewardSegment[]): number {
  return segments.filter((segment) => segment.startsAtPivot).length;
}
