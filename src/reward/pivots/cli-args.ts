// Argument parsing for `trellis pivots` (pure, so it is tested without Node and reusable by the UI's
// "copy as CLI command"). Returns the parsed options or one error message.
import type { PolarityMode } from './polarity.ts';
import type { PivotTrackKind, SnapOptions } from './pipeline.ts';
import type { PivotOptions } from './types.ts';
import { DEFAULT_FORKING_RHO, type ForkingRule } from './forking.ts';
import type { StepSource } from './record-extras.ts';

export interface PivotArgs {
  files: string[];
  track: PivotTrackKind;
  model: string | null;
  refModel: string | null;
  sidecar: string | null;
  beta: number;
  /** Put the problem before the reasoning as context (the bundled models were trained without it). */
  withProblem: boolean;
  /** Only the options the user gave; the rest take the defaults. */
  pivot: Partial<PivotOptions>;
  polarity: PolarityMode;
  snap: SnapOptions | null;
  limit: number | null;
  summary: boolean;
  /** Overlap of pivots with DLCoT approach starts and forking tokens (entropy from --lm). */
  overlap: { toleranceTokens: number; forking: ForkingRule } | null;
  /** LM for the forking tokens of --overlap (null: the track's own LM or the bundled one). */
  lm: string | null;
  steps: StepSource | null;
  /** Pair chosen/rejected traces of one problem and preview the DPO margin (implicit track). */
  lossPreview: boolean;
}

const TRACKS: readonly PivotTrackKind[] = ['reward', 'implicit', 'entropy', 'imported'];
const POLARITIES: readonly PolarityMode[] = ['chosen', 'rejected', 'auto'];
const VALUE_FLAGS = new Set(['--lm', '--steps', '--overlap-tolerance', '--forking-rho', '--forking-tau', '--track', '--model', '--ref-model', '--sidecar', '--beta', '--baseline', '--window', '--hysteresis', '--min-len', '--polarity', '--snap', '--snap-max', '--limit']);
const BOOLEAN_FLAGS = new Set(['--summary', '--with-problem', '--overlap', '--loss-preview']);

function number(flag: string, text: string, integer: boolean, min: number): number | string {
  const value = Number(text);
  if (text.trim() === '' || !Number.isFinite(value) || (integer && !Number.isInteger(value)) || value < min) {
    return `${flag} expects ${integer ? 'an integer' : 'a number'} >= ${min}, got '${text}'`;
  }
  return value;
}

function splitArgs(args: string[]): { files: string[]; values: Map<string, string>; flags: Set<string> } | string {
  const files: string[] = [];
  const values = new Map<string, string>();
  const flags = new Set<string>();
  for (let i = 0; i < args.length; i++) {
    const [flag, inline] = args[i].startsWith('--') && args[i].includes('=') ? [args[i].slice(0, args[i].indexOf('=')), args[i].slice(args[i].indexOf('=') + 1)] : [args[i], undefined];
    if (BOOLEAN_FLAGS.has(flag)) flags.add(flag);
    else if (VALUE_FLAGS.has(flag)) {
      const value = inline ?? args[++i];
      if (value === undefined) return `${flag} needs a value`;
      values.set(flag, value);
    } else if (flag.startsWith('-') && flag !== '-') return `unknown option ${flag}`;
    else files.push(flag);
  }
  return { files, values, flags };
}

/** [flag, integer?, minimum] of every numeric option. */
const NUMBER_SPECS: ReadonlyArray<[string, boolean, number]> = [
  ['--baseline', false, Number.NEGATIVE_INFINITY], ['--window', true, 1], ['--hysteresis', false, 0], ['--min-len', true, 1],
  ['--beta', false, Number.MIN_VALUE], ['--snap-max', true, 0], ['--limit', true, 1], ['--overlap-tolerance', true, 0],
  ['--forking-rho', false, 0], ['--forking-tau', false, Number.NEGATIVE_INFINITY],
];

function parseNumbers(values: Map<string, string>): Record<string, number> | string {
  const numbers: Record<string, number> = {};
  for (const [flag, integer, min] of NUMBER_SPECS) {
    const text = values.get(flag);
    if (text === undefined) continue;
    const value = number(flag, text, integer, min === Number.MIN_VALUE ? 0 : min);
    if (typeof value === 'string') return value;
    if (min === Number.MIN_VALUE && value === 0) return `${flag} must be > 0`;
    numbers[flag] = value;
  }
  return numbers;
}

/** Choices and combinations; null when all is well. */
function checkChoices(track: PivotTrackKind, values: Map<string, string>, flags: Set<string>, numbers: Record<string, number>): string | null {
  const polarity = values.get('--polarity') ?? 'auto';
  const snap = values.get('--snap');
  const steps = values.get('--steps');
  if (!TRACKS.includes(track)) return `--track must be one of ${TRACKS.join(', ')}`;
  if (!POLARITIES.includes(polarity as PolarityMode)) return `--polarity must be one of ${POLARITIES.join(', ')}`;
  if (snap !== undefined && snap !== 'word' && snap !== 'sentence') return '--snap must be word or sentence';
  if (steps !== undefined && steps !== 'dlcot' && steps !== 'segments') return '--steps must be dlcot or segments';
  if ((numbers['--forking-rho'] ?? 0) > 1) return '--forking-rho must lie in [0, 1]';
  if ('--forking-rho' in numbers && '--forking-tau' in numbers) return 'give --forking-rho or --forking-tau, not both';
  if (track === 'implicit' && (!values.has('--model') || !values.has('--ref-model'))) return '--track implicit needs --model (policy) and --ref-model (reference)';
  if (flags.has('--loss-preview') && track !== 'implicit') return '--loss-preview needs --track implicit (the log-ratio of policy and reference)';
  if (track === 'imported' && !values.has('--sidecar')) return '--track imported needs --sidecar FILE';
  return null;
}

function pivotOptions(numbers: Record<string, number>): Partial<PivotOptions> {
  const pivot: Partial<PivotOptions> = {};
  if ('--baseline' in numbers) pivot.baseline = numbers['--baseline'];
  if ('--window' in numbers) pivot.window = numbers['--window'];
  if ('--hysteresis' in numbers) pivot.hysteresis = numbers['--hysteresis'];
  if ('--min-len' in numbers) pivot.minLen = numbers['--min-len'];
  return pivot;
}

export function parsePivotArgs(args: string[]): PivotArgs | string {
  const split = splitArgs(args);
  if (typeof split === 'string') return split;
  const { files, values, flags } = split;
  if (files.length === 0) return 'give at least one dataset FILE';
  const numbers = parseNumbers(values);
  if (typeof numbers === 'string') return numbers;
  const track = (values.get('--track') ?? 'reward') as PivotTrackKind;
  const problem = checkChoices(track, values, flags, numbers);
  if (problem) return problem;
  const snapTarget = values.get('--snap') as SnapOptions['target'] | undefined;
  return {
    files,
    track,
    model: values.get('--model') ?? null,
    refModel: values.get('--ref-model') ?? null,
    sidecar: values.get('--sidecar') ?? null,
    beta: numbers['--beta'] ?? 0.1,
    withProblem: flags.has('--with-problem'),
    pivot: pivotOptions(numbers),
    polarity: (values.get('--polarity') ?? 'auto') as PolarityMode,
    snap: snapTarget ? { target: snapTarget, maxShiftTokens: numbers['--snap-max'] ?? 4 } : null,
    limit: numbers['--limit'] ?? null,
    summary: flags.has('--summary'),
    overlap: flags.has('--overlap') ? { toleranceTokens: numbers['--overlap-tolerance'] ?? 2, forking: forkingRule(numbers) } : null,
    lm: values.get('--lm') ?? null,
    steps: (values.get('--steps') as StepSource | undefined) ?? null,
    lossPreview: flags.has('--loss-preview'),
  };
}

function forkingRule(numbers: Record<string, number>): ForkingRule {
  if ('--forking-tau' in numbers) return { kind: 'threshold', tau: numbers['--forking-tau'] };
  return { kind: 'top', rho: numbers['--forking-rho'] ?? DEFAULT_FORKING_RHO };
}
