// Splits Solution_Explore into approaches and Verify into verification steps plus the alternative
// approaches the model tries while checking (SPEC §1.1). Works on unit indices; a block is a
// contiguous unit range opened by a cue (or by the start of its section).
import { matchApproachCue, matchCheckOpen, type CueMatch } from './cues.ts';
import { leadText, type Unit } from './units.ts';

export interface BlockOptions {
  /** Minimum cue weight that opens a new approach. */
  approachThreshold: number;
  /** A strong cue opens an approach only after this many characters of working since the last start. */
  minCharsForCue: number;
  /** Weaker cues (below 1) need at least this many. */
  minCharsForWeakCue: number;
}

// Chosen on DeltaBench's 9 labelled traces (see tools/eval-segments.ts); a coarse setting on
// purpose, so it is not fitted to those traces.
export const DEFAULT_BLOCK_OPTIONS: BlockOptions = { approachThreshold: 0.7, minCharsForCue: 0, minCharsForWeakCue: 1500 };

export interface Block {
  kind: 'approach' | 'verification';
  origin: 'explore' | 'verify';
  unitStart: number;
  unitEnd: number;
  cue: CueMatch | null;
}

function opensApproach(cue: CueMatch | null, charsSinceStart: number, options: BlockOptions): boolean {
  if (!cue || cue.weight < options.approachThreshold) return false;
  return charsSinceStart >= (cue.weight >= 1 ? options.minCharsForCue : options.minCharsForWeakCue);
}

/** Approaches of exploration: the first starts with the section, each strong cue opens the next. */
export function exploreBlocks(text: string, units: Unit[], unitStart: number, unitEnd: number, options = DEFAULT_BLOCK_OPTIONS): Block[] {
  const blocks: Block[] = [];
  let current: Block | null = null;
  for (let i = unitStart; i < unitEnd; i++) {
    const cue = matchApproachCue(leadText(text, units[i]));
    const since = current ? units[i].charStart - units[current.unitStart].charStart : 0;
    if (!current || opensApproach(cue, since, options)) {
      current = { kind: 'approach', origin: 'explore', unitStart: i, unitEnd: i + 1, cue: current ? cue : null };
      blocks.push(current);
    } else {
      current.unitEnd = i + 1;
    }
  }
  return blocks;
}

/** Verification: check steps (each opened by a check cue) and alternative approaches (approach cues). */
export function verifyBlocks(text: string, units: Unit[], unitStart: number, unitEnd: number, options = DEFAULT_BLOCK_OPTIONS): Block[] {
  const blocks: Block[] = [];
  let current: Block | null = null;
  for (let i = unitStart; i < unitEnd; i++) {
    const lead = leadText(text, units[i]);
    const approachCue = matchApproachCue(lead);
    const since = current ? units[i].charStart - units[current.unitStart].charStart : Infinity;
    const checkCue = approachCue ? null : matchCheckOpen(lead);
    let next: Block | null = null;
    if (opensApproach(approachCue, since, options)) {
      next = { kind: 'approach', origin: 'verify', unitStart: i, unitEnd: i + 1, cue: approachCue };
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
  return blocks;
}
