// Splits Solution_Explore into approaches and Verify into verification steps plus the alternative
// approaches the model tries while checking (SPEC §1.1). Works on unit indices; a block is a
// contiguous unit range opened by a cue (or by the start of its section).
//
// Restart phrasing ("let me try a different approach", "start over") opens an approach on its own;
// "alternatively" and musing cues ("wait, maybe…") can be asked for evidence of a new method: a
// technique the current approach has not named yet (techniques.ts), or enough working since the
// current one started. A one-paragraph announcement or a short set-up joins the approach after it.
import { matchApproachCue, matchCheckOpen, type CueMatch } from './cues.ts';
import { techniqueMask } from './techniques.ts';
import { LEAD_CHARS, type Unit } from './units.ts';

export interface BlockOptions {
  /** Minimum cue weight that opens a new approach. */
  approachThreshold: number;
  /** A restart cue opens an approach only after this many characters of working since the last start. */
  minCharsForCue: number;
  /** A musing cue (weight below 1) needs at least this many. */
  minCharsForWeakCue: number;
  /** A strong non-restart cue ("alternatively, I can…") naming no new technique needs this many (default 0). */
  minCharsForAlternative?: number;
  /** A musing cue that names a technique new to the current approach needs this many (default: never). */
  minCharsForWeakCueWithNewTechnique?: number;
}

// Chosen on DeltaBench's 9 labelled traces (see tools/eval-segments.ts) in coarse steps, so the
// setting is not fitted to those traces. Measured there: asking "alternatively" for a new technique
// (or 800-1500 characters) and letting a musing cue open on a new technique both lowered F1 (human
// annotators do mark most "alternatively, I can…" paragraphs), so those gates are off by default.
export const DEFAULT_BLOCK_OPTIONS: BlockOptions = {
  approachThreshold: 0.7,
  minCharsForCue: 0,
  minCharsForWeakCue: 1500,
  minCharsForAlternative: 0,
  minCharsForWeakCueWithNewTechnique: Infinity,
};

export interface Block {
  kind: 'approach' | 'verification';
  origin: 'explore' | 'verify';
  unitStart: number;
  unitEnd: number;
  cue: CueMatch | null;
}

// A first approach shorter than this is a set-up (the equations restated), and a one-paragraph
// approach with a shorter visible text is an announcement ("Let me think of another approach."):
// either joins the approach that follows it.
const MIN_APPROACH_CHARS = 400;
const MAX_ANNOUNCEMENT_CHARS = 120;

/** Cues that announce a change of strategy by themselves. */
const RESTART_KINDS = new Set(['another-way', 'try-different', 'start-over', 'think-again', 'better-way', 'instead', 'one-approach']);

/** Techniques named so far in the current approach, read lazily from unit leads. */
class MethodEvidence {
  private seen = 0;
  private scanned = 0;

  constructor(private readonly text: string, private readonly units: Unit[]) {}

  reset(unitIndex: number): void {
    this.seen = 0;
    this.scanned = unitIndex;
  }

  /** Whether unit `i`'s lead names a technique not named in the current approach before it. */
  isNew(i: number): boolean {
    for (; this.scanned < i; this.scanned++) this.seen |= this.maskOf(this.scanned);
    return (this.maskOf(i) & ~this.seen) !== 0;
  }

  private maskOf(i: number): number {
    const u = this.units[i];
    return techniqueMask(this.text, u.leadStart, Math.min(u.charEnd, u.leadStart + LEAD_CHARS));
  }
}

function opensApproach(cue: CueMatch | null, since: number, evidence: () => boolean, options: BlockOptions): boolean {
  if (!cue || cue.weight < options.approachThreshold || since < options.minCharsForCue) return false;
  if (RESTART_KINDS.has(cue.kind)) return true;
  if (cue.weight >= 1) return since >= (options.minCharsForAlternative ?? 0) || evidence();
  return since >= options.minCharsForWeakCue || (since >= (options.minCharsForWeakCueWithNewTechnique ?? Infinity) && evidence());
}

function isPreamble(b: Block, units: Unit[], first: boolean): boolean {
  const chars = units[b.unitEnd - 1].charEnd - units[b.unitStart].charStart;
  if (first) return chars < MIN_APPROACH_CHARS;
  return b.unitEnd - b.unitStart === 1 && units[b.unitStart].charEnd - units[b.unitStart].leadStart <= MAX_ANNOUNCEMENT_CHARS;
}

/** Merges a set-up or announcement into the approach right after it (keeping its start and cue). */
function mergeShort(blocks: Block[], units: Unit[]): Block[] {
  const out: Block[] = [];
  for (const b of blocks) {
    const prev = out.at(-1);
    if (prev && prev.kind === 'approach' && b.kind === 'approach' && prev.unitEnd === b.unitStart && isPreamble(prev, units, out.length === 1 && prev.origin === 'explore')) {
      prev.unitEnd = b.unitEnd;
      prev.cue ??= prev.origin === 'explore' && out.length === 1 ? null : b.cue;
    } else {
      out.push(b);
    }
  }
  return out;
}

/** Approaches of exploration: the first starts with the section, each cue with evidence opens the next. */
export function exploreBlocks(text: string, units: Unit[], unitStart: number, unitEnd: number, options = DEFAULT_BLOCK_OPTIONS): Block[] {
  const blocks: Block[] = [];
  const evidence = new MethodEvidence(text, units);
  let current: Block | null = null;
  for (let i = unitStart; i < unitEnd; i++) {
    const cue: CueMatch | null = current ? matchApproachCue(text, units[i].leadStart, units[i].charEnd) : null;
    const since = current ? units[i].charStart - units[current.unitStart].charStart : 0;
    if (!current || opensApproach(cue, since, () => evidence.isNew(i), options)) {
      current = { kind: 'approach', origin: 'explore', unitStart: i, unitEnd: i + 1, cue };
      blocks.push(current);
      evidence.reset(i);
    } else {
      current.unitEnd = i + 1;
    }
  }
  return mergeShort(blocks, units);
}

/** Verification: check steps (each opened by a check cue) and alternative approaches (approach cues). */
export function verifyBlocks(text: string, units: Unit[], unitStart: number, unitEnd: number, options = DEFAULT_BLOCK_OPTIONS): Block[] {
  const blocks: Block[] = [];
  const evidence = new MethodEvidence(text, units);
  let current: Block | null = null;
  // Evidence is read since the last approach (or the start of Verify): checks re-use its methods.
  evidence.reset(unitStart);
  for (let i = unitStart; i < unitEnd; i++) {
    const approachCue = matchApproachCue(text, units[i].leadStart, units[i].charEnd);
    const since = current ? units[i].charStart - units[current.unitStart].charStart : Infinity;
    const checkCue = approachCue ? null : matchCheckOpen(text, units[i].leadStart, units[i].charEnd);
    let next: Block | null = null;
    if (opensApproach(approachCue, since, () => evidence.isNew(i), options)) {
      next = { kind: 'approach', origin: 'verify', unitStart: i, unitEnd: i + 1, cue: approachCue };
      evidence.reset(i);
    } else if (!current || (checkCue && current.kind === 'approach') || (checkCue && since > 0)) {
      next = { kind: 'verification', origin: 'verify', unitStart: i, unitEnd: i + 1, cue: checkCue };
    }
    if (next) {
      blocks.push(next);
      current = next;
    } else if (current) {
      current.unitEnd = i + 1;
    }
  }
  return mergeShort(blocks, units);
}
