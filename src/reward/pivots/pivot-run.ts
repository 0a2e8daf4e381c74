// A run of `trellis pivots` over many traces (pure): per trace polarity → track → pivots → record
// (with optional overlap and step extras), and dataset totals for the summary.
import type { TraceRecord } from '../../cot/trace.ts';
import { datasetOverlap, type TraceOverlap } from './overlap.ts';
import { pivotsOfScored, scoreTrace, toPivotRecord, type PivotRecord, type PivotTrackKind, type SnapOptions, type TrackSources } from './pipeline.ts';
import { polarityForTrace, type PolarityMode } from './polarity.ts';
import { recordExtras, type ExtrasRequest, type RecordExtras } from './record-extras.ts';
import type { PivotOptions, PivotResult } from './types.ts';
import { dpoPreviewFromImplicit, type DpoPreview } from './loss-preview.ts';

export interface PivotRunSettings {
  track: PivotTrackKind;
  polarity: PolarityMode;
  pivot: PivotOptions;
  snap: SnapOptions | null;
  extras: ExtrasRequest;
  /** Pair chosen and rejected traces of the same problem and preview their DPO margins (implicit track). */
  lossPreview?: { beta: number };
}

interface PendingSide { id: string; track: Float64Array; mask: Uint8Array; polarity: 1 | -1 }

export type LossPreviewField = DpoPreview & { chosenId: string; rejectedId: string };

export interface PivotRunSources {
  track: TrackSources;
  /** An LM for the entropy (forking tokens) of --overlap; null when the track is the entropy. */
  entropy: TrackSources | null;
}

export type TraceOutcome =
  | { kind: 'record'; record: PivotRecord & RecordExtras & { lossPreview?: LossPreviewField } }
  | { kind: 'skipped'; reason: string }
  | { kind: 'failed'; reason: string };

export class PivotRun {
  private traces = 0;
  private skipped = 0;
  private failed = 0;
  private pivots = 0;
  private tokens = 0;
  private kept = 0;
  private readonly overlaps: TraceOverlap[] = [];
  /** Traces waiting for the other side of their preference pair, by problem text. */
  private readonly pending = new Map<string, PendingSide>();
  private pairs = 0;
  private maskedMarginSum = 0;
  private unmaskedMarginSum = 0;

  constructor(private readonly settings: PivotRunSettings, private readonly sources: PivotRunSources) {}

  get failures(): number { return this.failed; }

  async process(trace: TraceRecord): Promise<TraceOutcome> {
    const label = polarityForTrace(trace, this.settings.polarity);
    if (!label) {
      this.skipped++;
      return { kind: 'skipped', reason: 'no label (chosen/rejected/advantage) and no decidable answer; skipped (use --polarity)' };
    }
    try {
      const { track, pivot, snap, extras } = this.settings;
      const scored = await scoreTrace(trace, track, this.sources.track);
      const result = pivotsOfScored(trace.reasoning, scored, label.polarity, pivot, snap);
      const entropy = extras.overlap ? await this.entropyOf(trace, scored.track) : null;
      const more = recordExtras(trace, scored, result, entropy, extras);
      this.count(result.pivots.length, result.mask, more);
      const record = { ...toPivotRecord(trace.id, track, result, label.source, scored.tokens.ids.length), ...more };
      const lossPreview = this.settings.lossPreview ? this.pairUp(trace, scored.track, result) : null;
      return { kind: 'record', record: lossPreview ? { ...record, lossPreview } : record };
    } catch (error) {
      this.failed++;
      return { kind: 'failed', reason: error instanceof Error ? error.message : String(error) };
    }
  }

  private async entropyOf(trace: TraceRecord, track: Float64Array): Promise<ArrayLike<number>> {
    if (this.settings.track === 'entropy') return track;
    if (!this.sources.entropy) throw new Error('--overlap needs a language model for the forking tokens');
    return (await scoreTrace(trace, 'entropy', this.sources.entropy)).track;
  }

  private pairUp(trace: TraceRecord, track: Float64Array, result: PivotResult): LossPreviewField | null {
    const side: PendingSide = { id: trace.id, track, mask: result.mask, polarity: result.polarity };
    const other = this.pending.get(trace.problem);
    if (!other || other.polarity === side.polarity) {
      this.pending.set(trace.problem, side);
      return null;
    }
    this.pending.delete(trace.problem);
    const [chosen, rejected] = side.polarity === 1 ? [side, other] : [other, side];
    const preview = dpoPreviewFromImplicit(chosen, rejected, this.settings.lossPreview?.beta ?? 0.1);
    this.pairs++;
    this.maskedMarginSum += preview.masked.margin;
    this.unmaskedMarginSum += preview.unmasked.margin;
    return { chosenId: chosen.id, rejectedId: rejected.id, ...preview };
  }

  private count(pivots: number, mask: Uint8Array, extras: RecordExtras): void {
    this.traces++;
    this.pivots += pivots;
    this.tokens += mask.length;
    this.kept += mask.reduce((n, m) => n + m, 0);
    if (extras.overlap) this.overlaps.push(extras.overlap);
  }

  /** Dataset totals, one paragraph of text. */
  summary(): string {
    const perTrace = this.traces ? (this.pivots / this.traces).toFixed(2) : '0';
    const keptShare = this.tokens ? ((100 * this.kept) / this.tokens).toFixed(1) : '0';
    const lines = [`pivots: ${this.traces} traces (${this.skipped} skipped, ${this.failed} failed), ${this.pivots} pivots (${perTrace} per trace), ${this.tokens} tokens, ${keptShare}% kept`];
    if (this.overlaps.length > 0) {
      const all = datasetOverlap(this.overlaps);
      const pct = (x: number) => (Number.isFinite(x) ? `${(100 * x).toFixed(1)}%` : 'n/a');
      for (const [name, s] of [['approach starts', all.approach], ['forking tokens', all.forking]] as const) {
        lines.push(`  vs ${name}: ${pct(s.precision)} of pivots near one (chance ${pct(s.chancePrecision)}), ${pct(s.recall)} of ${s.targets} near a pivot`);
      }
    }
    if (this.pairs > 0) {
      lines.push(`  DPO preview over ${this.pairs} pairs: mean margin ${(this.maskedMarginSum / this.pairs).toFixed(4)} masked vs ${(this.unmaskedMarginSum / this.pairs).toFixed(4)} unmasked`);
    }
    return `${lines.join('\n')}\n`;
  }
}
