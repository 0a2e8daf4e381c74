// The DLCoT engine's output (SPEC §1) as a versioned zod schema. Every decision (boundary, label,
// cluster, removal) is a plain object with a stable id so the studio can record a human override
// against it. Ids are derived from the text position they anchor to, so they survive re-runs of the
// engine on the same reasoning text. Offsets are UTF-16 code units into the trace's `reasoning`.
import { z } from 'zod';

export const DLCOT_SCHEMA_VERSION = 1;

export const MACRO_LABELS = ['Question_Repeat', 'Problem_Understand', 'Solution_Explore', 'Verify', 'Conclusion'] as const;
export const POLICIES = [
  'delete_multi_all',
  'delete_multi_1',
  'delete_multi_2',
  'keep_one_global+delete_solution',
  'keep_one_global+delete_all',
] as const;

export const MacroLabelSchema = z.enum(MACRO_LABELS);
export const PolicySchema = z.enum(POLICIES);
/** `Unknown`: an answer was reached but could not be judged (no reference, or undecidable). */
export const Label1Schema = z.enum(['Correct', 'Incorrect', 'Incomplete', 'Unknown']);
export const StanceSchema = z.enum(['affirm', 'negate', 'check']);
export const OriginSchema = z.enum(['explore', 'verify']);
/** Who made a decision: this engine, an imported LLM proposal, or a person. */
export const ProvenanceSchema = z.enum(['engine', 'import', 'human']);
/** `unverified`: off the trunk, reached an answer that could not be judged (so not `Correct`). */
export const RemovalReasonSchema = z.enum(['redundant', 'incorrect', 'incomplete', 'unverified', 'error-span']);

const span = { charStart: z.number().int().nonnegative(), charEnd: z.number().int().nonnegative() };
const decision = { id: z.string().min(1), provenance: ProvenanceSchema };

export const CueSchema = z.object({ text: z.string(), kind: z.string() });

export const MacroSectionSchema = z.object({ ...decision, ...span, label: MacroLabelSchema });

export const StepSchema = z.object({ ...decision, ...span });

export const AnswerRefSchema = z.object({ ...span, text: z.string(), kind: z.string() });

export const ErrorSpanSchema = z.object({
  ...decision,
  ...span,
  /** Why it is thought wrong, e.g. the negation that points back at it. */
  reason: z.string(),
  evidenceCharStart: z.number().int().nonnegative(),
});

export const ApproachSchema = z.object({
  ...decision,
  ...span,
  /** `Solution1..N` in text order, as the authors name them. */
  name: z.string(),
  origin: OriginSchema,
  /** The phrase that opened it (null for the first approach of exploration). */
  cue: CueSchema.nullable(),
  steps: z.array(StepSchema),
  answer: AnswerRefSchema.nullable(),
  label1: Label1Schema,
  label1Reason: z.string(),
  /** label2: calculation or derivation errors found in the working. */
  errors: z.array(ErrorSpanSchema),
  clusterId: z.string(),
  redundant: z.boolean(),
  onTrunk: z.boolean(),
});

export const VerificationStepSchema = z.object({ ...decision, ...span, stance: StanceSchema, cue: CueSchema.nullable() });

export const ClusterSchema = z.object({
  ...decision,
  /** Member approach ids in text order; the first is kept, the rest are redundant. */
  approachIds: z.array(z.string()),
  redundantIds: z.array(z.string()),
  method: z.array(z.string()),
  reason: z.string(),
});

export const RemovalSchema = z.object({ ...decision, ...span, reason: RemovalReasonSchema, targetId: z.string(), detail: z.string() });

export const TokenTallySchema = z.object({ key: z.string(), before: z.number(), removed: z.number(), after: z.number() });

export const SimplificationSchema = z.object({
  policy: PolicySchema,
  removed: z.array(RemovalSchema),
  /** The stitched text (only when requested: it can be large). */
  text: z.string().nullable(),
  tokensBefore: z.number(),
  tokensAfter: z.number(),
  byMacro: z.array(TokenTallySchema),
  byReason: z.array(TokenTallySchema),
});

export const TreeNodeSchema = z.object({
  id: z.string(),
  parentId: z.string().nullable(),
  kind: z.enum(['trace', 'macro', 'approach', 'step', 'verification']),
  label: z.string(),
  ...span,
});

export const TrunkSchema = z.object({
  approachIds: z.array(z.string()),
  /** The approach that closes the trunk, or null when none qualifies. */
  endId: z.string().nullable(),
  /** How the trunk end was chosen: first `Correct` approach, or (no reference) first reaching the final answer. */
  basis: z.enum(['reference', 'final-answer', 'none']),
});

export const DlcotAnalysisSchema = z.object({
  schemaVersion: z.literal(DLCOT_SCHEMA_VERSION),
  traceId: z.string(),
  reasoningLength: z.number().int().nonnegative(),
  reference: z.string().nullable(),
  firstAnswerCharStart: z.number().int().nonnegative().nullable(),
  macro: z.array(MacroSectionSchema),
  approaches: z.array(ApproachSchema),
  verification: z.array(VerificationStepSchema),
  clusters: z.array(ClusterSchema),
  trunk: TrunkSchema,
  flags: z.object({ noCorrect: z.boolean(), noReference: z.boolean(), noAnswer: z.boolean() }),
  simplifications: z.array(SimplificationSchema),
  tree: z.array(TreeNodeSchema),
});

export type MacroLabel = z.infer<typeof MacroLabelSchema>;
export type Policy = z.infer<typeof PolicySchema>;
export type Label1 = z.infer<typeof Label1Schema>;
export type Stance = z.infer<typeof StanceSchema>;
export type Provenance = z.infer<typeof ProvenanceSchema>;
export type RemovalReason = z.infer<typeof RemovalReasonSchema>;
export type Cue = z.infer<typeof CueSchema>;
export type MacroSection = z.infer<typeof MacroSectionSchema>;
export type Step = z.infer<typeof StepSchema>;
export type AnswerRef = z.infer<typeof AnswerRefSchema>;
export type ErrorSpan = z.infer<typeof ErrorSpanSchema>;
export type Approach = z.infer<typeof ApproachSchema>;
export type VerificationStep = z.infer<typeof VerificationStepSchema>;
export type Cluster = z.infer<typeof ClusterSchema>;
export type Removal = z.infer<typeof RemovalSchema>;
export type TokenTally = z.infer<typeof TokenTallySchema>;
export type Simplification = z.infer<typeof SimplificationSchema>;
export type TreeNode = z.infer<typeof TreeNodeSchema>;
export type Trunk = z.infer<typeof TrunkSchema>;
export type DlcotAnalysis = z.infer<typeof DlcotAnalysisSchema>;
