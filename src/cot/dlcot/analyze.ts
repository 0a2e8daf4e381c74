// The DLCoT engine for one trace: units → macro sections → approaches and verification steps →
// labels, clusters, trunk → simplification under each policy → tree. Pure and deterministic.
import type { TraceRecord } from '../trace.ts';
import { answerCandidates, answerCandidatesNear, judge, mayEqualConstant, memoSameAnswer, sameAnswer, valueStatements, type Candidate, type CandidateSets } from './answers.ts';
import { DEFAULT_BLOCK_OPTIONS, exploreBlocks, verifyBlocks, type Block, type BlockOptions } from './blocks.ts';
import { clusterApproaches, continuesMethod, MethodReader } from './cluster.ts';
import { stanceOf } from './cues.ts';
import { findErrorSpans } from './errors.ts';
import { firstSettledStatement } from './first-answer.ts';
import { layoutMacro, type UnitRange } from './macro.ts';
import { DLCOT_SCHEMA_VERSION, POLICIES, type Approach, type DlcotAnalysis, type MacroSection, type Policy, type Trunk, type VerificationStep } from './schema.ts';
import { simplify } from './simplify.ts';
import { countWords, unitRangeCounter, type TokenCounter } from './token-count.ts';
import { buildTree } from './tree.ts';
import { splitUnits, type Unit } from './units.ts';

export interface AnalyzeOptions {
  policies?: readonly Policy[];
  count?: TokenCounter;
  /** Keep each policy's stitched text in the output. */
  withText?: boolean;
  blocks?: BlockOptions;
}

export type TraceInput = Pick<TraceRecord, 'id' | 'reasoning' | 'problem' | 'reference' | 'answer'>;

interface Context {
  text: string;
  units: Unit[];
  candidates: CandidateSets;
  reference: string | null;
  /** The trace's own final answer (after the reasoning, else its last explicit answer). */
  finalAnswer: string | null;
  /** Inline places that state the reference (else the final answer), in text order. */
  reached: Candidate[];
  /** Answer equivalence, remembered for this trace. */
  same: typeof sameAnswer;
  /** Method features of approach heads, shared by segmentation and clustering. */
  methods: MethodReader;
}

function charSpan(units: Unit[], unitStart: number, unitEnd: number) {
  return { charStart: units[unitStart].charStart, charEnd: units[unitEnd - 1].charEnd };
}

/** The last candidate starting inside [charStart, charEnd) (candidates are in text order). */
function lastCandidateIn(candidates: Candidate[], charStart: number, charEnd: number): Candidate | null {
  let lo = 0;
  let hi = candidates.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (candidates[mid].charStart < charEnd) lo = mid + 1;
    else hi = mid;
  }
  const last = candidates[lo - 1];
  return last && last.charStart >= charStart ? last : null;
}

/** The answer an approach reaches: its last explicit answer, else an inline statement of the target value. */
function answerOf(ctx: Context, charStart: number, charEnd: number): Candidate | null {
  return lastCandidateIn(ctx.candidates.strong, charStart, charEnd) ?? lastCandidateIn(ctx.reached, charStart, charEnd);
}

/**
 * Inline results are mostly intermediate values: only those equal to the reference (or, without a
 * reference, to the trace's final answer, which then stays unjudged) count as reaching an answer.
 * Equivalence is asked once per distinct text.
 */
function reachedTarget(text: string, inline: Candidate[], target: string | null, same: typeof sameAnswer): Candidate[] {
  if (target === null) return [];
  // An integer target is written with its digits in any equal answer, and a constant one is not
  // equal to an expression in a free variable: skip the full check for the others.
  const digits = /^-?\d+$/.test(target.trim()) ? target.trim().replace('-', '') : null;
  const constant = digits === null && mayEqualConstant(target, '0') !== null;
  const possible = (c: Candidate) => (digits !== null ? c.text.includes(digits) : !constant || mayEqualConstant(target, c.text) === true);
  const equal = (c: Candidate) => possible(c) && same(target, c.text) === true;
  return [...inline.filter(equal), ...valueStatements(text, target)].sort((a, b) => a.charStart - b.charStart);
}

/** Candidates for the first answer: explicit ones plus the first settled inline statement of the target. */
function firstAnswerCandidates(ctx: Context): Candidate[] {
  const inline = firstSettledStatement(ctx.text, ctx.units, ctx.reached);
  return inline ? [...ctx.candidates.strong, inline].sort((a, b) => a.charStart - b.charStart) : ctx.candidates.strong;
}

function toApproach(ctx: Context, block: Block, index: number): Approach {
  const span = charSpan(ctx.units, block.unitStart, block.unitEnd);
  const answer = answerOf(ctx, span.charStart, span.charEnd);
  const { label1, reason } = judge(answer, ctx.reference, ctx.same);
  const steps = [];
  for (let u = block.unitStart; u < block.unitEnd; u++) {
    steps.push({ id: `step:${ctx.units[u].charStart}`, provenance: 'engine' as const, charStart: ctx.units[u].charStart, charEnd: ctx.units[u].charEnd });
  }
  return {
    id: `approach:${span.charStart}`,
    provenance: 'engine',
    ...span,
    name: `Solution${index + 1}`,
    origin: block.origin,
    cue: block.cue ? { text: block.cue.text, kind: block.cue.kind } : null,
    steps,
    answer: answer ? { text: answer.text, charStart: answer.charStart, charEnd: answer.charEnd, kind: answer.kind } : null,
    label1,
    label1Reason: reason,
    errors: findErrorSpans(ctx.text, ctx.units, block.unitStart, block.unitEnd),
    clusterId: '',
    redundant: false,
    onTrunk: false,
  };
}

// A check states its verdict where it opens ("Wait, that's wrong") or closes ("so it checks out").
const STANCE_WINDOW_CHARS = 400;

function stanceWindow(text: string, charStart: number, charEnd: number): string {
  if (charEnd - charStart <= 2 * STANCE_WINDOW_CHARS) return text.slice(charStart, charEnd);
  return `${text.slice(charStart, charStart + STANCE_WINDOW_CHARS)}\n${text.slice(charEnd - STANCE_WINDOW_CHARS, charEnd)}`;
}

function toVerification(ctx: Context, block: Block): VerificationStep {
  const span = charSpan(ctx.units, block.unitStart, block.unitEnd);
  return {
    id: `verify:${span.charStart}`,
    provenance: 'engine',
    ...span,
    stance: stanceOf(stanceWindow(ctx.text, span.charStart, span.charEnd)),
    cue: block.cue ? { text: block.cue.text, kind: block.cue.kind } : null,
  };
}

/**
 * An approach that reaches no answer and is followed by one with the same method (the same named
 * techniques, or the clustering rule) was not abandoned: the model goes on with the same
 * computation ("alternatively, perhaps the probability…" after a probability argument), so the two
 * are one approach. Measured on DeltaBench: fewer false starts, no lost true ones.
 */
function mergeContinuations(ctx: Context, blocks: Block[]): Block[] {
  const out: Block[] = [];
  for (const b of blocks) {
    const prev = out.at(-1);
    if (prev && prev.kind === 'approach' && b.kind === 'approach' && prev.origin === b.origin && prev.unitEnd === b.unitStart) {
      const p = charSpan(ctx.units, prev.unitStart, prev.unitEnd);
      const n = charSpan(ctx.units, b.unitStart, b.unitEnd);
      if (answerOf(ctx, p.charStart, p.charEnd) === null && continuesMethod(ctx.methods, { id: '', ...p }, { id: '', ...n })) {
        prev.unitEnd = b.unitEnd;
        continue;
      }
    }
    out.push(b);
  }
  return out;
}

function blocksOf(ctx: Context, ranges: UnitRange[], options: BlockOptions): Block[] {
  const blocks: Block[] = [];
  for (const r of ranges) {
    if (r.label === 'Solution_Explore') blocks.push(...exploreBlocks(ctx.text, ctx.units, r.unitStart, r.unitEnd, options));
    if (r.label === 'Verify') blocks.push(...verifyBlocks(ctx.text, ctx.units, r.unitStart, r.unitEnd, options));
  }
  return mergeContinuations(ctx, blocks);
}

function finalAnswerOf(trace: TraceInput, candidates: Candidate[]): string | null {
  const inAnswer = answerCandidates(trace.answer).strong;
  const last = inAnswer.at(-1) ?? candidates.at(-1);
  return last ? last.text : null;
}

/** Trunk: approaches up to the first Correct one; without a reference, up to the first that reaches the final answer. */
function findTrunk(approaches: Approach[], trace: TraceInput, final: string | null, same: typeof sameAnswer): Trunk {
  let end = approaches.findIndex((a) => a.label1 === 'Correct');
  let basis: Trunk['basis'] = 'reference';
  if (end < 0 && trace.reference === null) {
    end = final === null ? -1 : approaches.findIndex((a) => a.answer !== null && same(final, a.answer.text) === true);
    basis = 'final-answer';
  }
  if (end < 0) return { approachIds: approaches.map((a) => a.id), endId: null, basis: 'none' };
  return { approachIds: approaches.slice(0, end + 1).map((a) => a.id), endId: approaches[end].id, basis };
}

function applyClusters(approaches: Approach[], text: string, reader: MethodReader) {
  const clusters = clusterApproaches(text, approaches, reader);
  const byId = new Map(approaches.map((a) => [a.id, a]));
  for (const c of clusters) {
    for (const id of c.approachIds) byId.get(id)!.clusterId = c.id;
    for (const id of c.redundantIds) byId.get(id)!.redundant = true;
  }
  return clusters.map((c) => ({ ...c, provenance: 'engine' as const }));
}

/** Runs the whole DLCoT analysis on one trace. */
export function analyzeTrace(trace: TraceInput, options: AnalyzeOptions = {}): DlcotAnalysis {
  const text = trace.reasoning;
  const units = splitUnits(text);
  // Without a reference the target is the trace's final answer, found from explicit candidates.
  const explicit = trace.reference === null ? answerCandidatesNear(text, units, null) : null;
  const target = trace.reference ?? finalAnswerOf(trace, explicit!.strong);
  const candidates = explicit !== null && target === null ? explicit : answerCandidatesNear(text, units, target);
  const finalAnswer = finalAnswerOf(trace, candidates.strong);
  const same = memoSameAnswer();
  const reached = reachedTarget(text, candidates.inline, target, same);
  const ctx: Context = { text, units, candidates, reference: trace.reference, finalAnswer, reached, same, methods: new MethodReader(text) };
  const layout = layoutMacro(text, units, trace.problem, firstAnswerCandidates(ctx));
  const macro: MacroSection[] = layout.ranges.map((r) => ({ id: `macro:${r.label}`, provenance: 'engine', label: r.label, ...charSpan(units, r.unitStart, r.unitEnd) }));
  const blocks = blocksOf(ctx, layout.ranges, options.blocks ?? DEFAULT_BLOCK_OPTIONS);
  const approaches = blocks.filter((b) => b.kind === 'approach').map((b, i) => toApproach(ctx, b, i));
  const verification = blocks.filter((b) => b.kind === 'verification').map((b) => toVerification(ctx, b));
  const clusters = applyClusters(approaches, text, ctx.methods);
  const trunk = findTrunk(approaches, trace, ctx.finalAnswer, ctx.same);
  const onTrunk = new Set(trunk.approachIds);
  for (const a of approaches) a.onTrunk = onTrunk.has(a.id);
  const input = { text, macro, approaches };
  const countRange = unitRangeCounter(text, units.map((u) => u.charStart), options.count ?? countWords);
  const simplifications = (options.policies ?? POLICIES).map((p) => simplify(input, p, { countRange, withText: options.withText }).simplification);
  return {
    schemaVersion: DLCOT_SCHEMA_VERSION,
    traceId: trace.id,
    reasoningLength: text.length,
    reference: trace.reference,
    firstAnswerCharStart: layout.firstAnswer ? layout.firstAnswer.charStart : null,
    macro,
    approaches,
    verification,
    clusters,
    trunk,
    flags: { noCorrect: !approaches.some((a) => a.label1 === 'Correct'), noReference: trace.reference === null, noAnswer: !approaches.some((a) => a.answer !== null) },
    simplifications,
    tree: buildTree(trace.id, text.length, macro, approaches, verification),
  };
}
