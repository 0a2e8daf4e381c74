// Seeded synthetic long-CoT traces with exact labels (approaches, label1, errors, repairs).
export { generateTrace, generateTraces, type SyntheticOptions, type SyntheticTrace } from './generate';
export { rewardTargetAt, type SyntheticLabels, type LabelledApproach, type LabelledError, type LabelledSection, type Label1, type MacroLabel } from './labels';
export type { ProblemKind } from './problems';
export type { ErrorKind } from './steps';
export { TEMPLATE_FAMILIES, type FamilyId, type TemplateFamily } from './templates';
export { createRng, type Rng } from './prng';
