// Public API of the DLCoT engine (SPEC §1).
export { analyzeTrace, type AnalyzeOptions, type TraceInput } from './analyze.ts';
export { simplify, policyCuts, type SimplifyInput, type SimplifyApproach } from './simplify.ts';
export { countWords, type TokenCounter } from './token-count.ts';
export { splitUnits, type Unit } from './units.ts';
export { DEFAULT_BLOCK_OPTIONS, type BlockOptions } from './blocks.ts';
export * from './schema.ts';
export { importAuthorsRecord, importAuthorsJsonl, type AuthorsProposal, type ImportedApproach, type ImportedRemoval } from './authors-import.ts';
export { fidelity, quickRatio, wordJaccard, anchorSegment, QUICK_RATIO_MIN, JACCARD_MIN, type Fidelity } from './fidelity.ts';
export { applyOverrides, DlcotOverrideSchema, type DlcotOverride } from './overrides.ts';
