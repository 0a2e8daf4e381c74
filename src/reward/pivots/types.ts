// Shared shapes of the pivot-token method (SPEC.md §2): token tracks split into signed runs.

/** Parameters of pivot detection; defaults follow SPEC.md §2 (b = 0, w = 1, h = 0, minLen = 1). */
export interface PivotOptions {
  /** Baseline b the reward is compared with. */
  baseline: number;
  /** Width w of the centred moving average (1 = no smoothing). */
  window: number;
  /** Hysteresis band h: the sign flips only once the value leaves [b - h, b + h]. */
  hysteresis: number;
  /** Minimum segment length in tokens; shorter runs merge into their neighbours. */
  minLen: number;
}

export const DEFAULT_PIVOT_OPTIONS: Readonly<PivotOptions> = Object.freeze({
  baseline: 0,
  window: 1,
  hysteresis: 0,
  minLen: 1,
});

export type Sign = 1 | -1;

/** A half-open token range [tokenStart, tokenEnd) whose track stays on one side of the baseline. */
export interface SignedRun {
  tokenStart: number;
  tokenEnd: number;
  sign: Sign;
}

/** A subsequence between two pivots, as written by `trellis pivots`. */
export interface Subsequence extends SignedRun {
  /** UTF-16 offsets into the tokenized text (-1 when no offsets were given). */
  charStart: number;
  charEnd: number;
  /** Mean of the raw (unsmoothed) track over the run; NaN when it holds no finite value. */
  mean: number;
  /** Whether the run agrees with the trace's polarity, i.e. its tokens are kept (m_t = 1). */
  kept: boolean;
}

/** Token offsets of the text a track was computed on (from TokenizedText). */
export interface TokenOffsets {
  charStart: ArrayLike<number>;
  charEnd: ArrayLike<number>;
}

export interface PivotResult {
  /** Token indices where a new run starts (every run but the first). */
  pivots: number[];
  segments: Subsequence[];
  /** m_t per token: 1 where the token's run is kept. */
  mask: Uint8Array;
  polarity: Sign;
}
