// Plain data types the engine reports across the worker boundary (no GPU or ORT types, so the UI's
// type-check can see them without WebGPU typings).

export interface AdapterSummary {
  vendor: string;
  architecture: string;
  device: string;
  description: string;
  isFallbackAdapter: boolean;
  features: string[];
  maxStorageBufferBindingSize: number;
  maxBufferSize: number;
}

export type BackendChoice = 'auto' | 'webgpu' | 'wasm';
export type Backend = 'webgpu' | 'wasm';

export interface BackendDecision {
  backend: Backend;
  /** Why this backend runs, in words for the user. */
  reason: string;
}

export interface SelfTestCase {
  positions: number;
  vocabSize: number;
  maxLogprobError: number;
  maxEntropyError: number;
  ranksEqual: boolean;
  topIdsEqual: boolean;
  passed: boolean;
}

export interface SelfTestResult {
  passed: boolean;
  tolerance: number;
  cases: SelfTestCase[];
  /** Set when no WebGPU device could be had. */
  error?: string;
}

export interface ReduceTiming {
  method: 'wgsl-kernel' | 'download-js';
  positions: number;
  vocabSize: number;
  /** Median wall time of one reduction, including the read-back. */
  medianMs: number;
  runsMs: number[];
  byteLengthReadBack: number;
  bytesPerToken: number;
  /** First rows of the result, so callers can check the two methods agree. */
  sampleLogprob: number[];
  sampleEntropy: number[];
}

/** What a loaded scoring engine tells the user: backend and why, model name and size. */
export interface EngineInfo {
  backend: Backend;
  backendReason: string;
  threads: number;
  modelName: string;
  parameterCount: number;
  byteLength: number;
  hasKvCache: boolean;
}

/** A loaded reward model (`rewards` output): the engine's info plus the window it scores at once. */
export interface RewardEngineInfo extends EngineInfo {
  /** Longest run without a KV cache; longer texts are scored in overlapping windows of this length. */
  contextLength: number;
}
