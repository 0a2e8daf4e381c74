// `trellis pivots`: pivot tokens and per-subsequence labels (SPEC.md §2) for every trace of the
// given files, one JSON line per trace on stdout; dataset summary and problems on stderr.
import { openAsBlob, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CliCommand, CliIo } from '../command.ts';
import type { TraceRecord } from '../../cot/trace.ts';
import { openDataset, type DatasetError } from '../../data/open-dataset.ts';
import type { TrackSources } from '../../reward/pivots/pipeline.ts';
import { PivotRun, type PivotRunSources } from '../../reward/pivots/pivot-run.ts';
import { validatePivotOptions } from '../../reward/pivots/detect.ts';
import { DEFAULT_PIVOT_OPTIONS, type PivotOptions } from '../../reward/pivots/types.ts';
import { DEFAULT_FORKING_TAU } from '../../reward/pivots/forking.ts';
import { parsePivotArgs, type PivotArgs } from '../../reward/pivots/cli-args.ts';
import type { RewardScorer, TextTokenizer, TokenScorer } from '../../reward/ports.ts';
import { createTokenizer } from '../../reward/tokenizer/hf-tokenizer.ts';
import { sha256Hex } from '../../reward/tokenizer/sha256.ts';
import { NodeRewardScorer, NodeTokenScorer, openNodeModel } from '../scoring/node-scorers.ts';
import { attachNpy, parseSidecarJson, type TrackSidecar } from '../../reward/pivots/sidecar.ts';

const USAGE = `Usage: trellis pivots FILE... [options]

Finds pivot tokens (where a token-level reward crosses the baseline) and labels the subsequences
between them from each trace's sequence-level label (SPEC.md §2). Writes one JSON line per trace:
{"id", "track", "pivots": [tokenIndex…], "segments": [{"tokenStart", "tokenEnd", "charStart",
"charEnd", "sign": 1|-1, "mean", "kept"}], "polarity", "polaritySource", "tokens"}.
Token and char offsets refer to the trace's reasoning text (charEnd and tokenEnd exclusive).

Track:
  --track reward|implicit|entropy|imported   token track (default reward)
      reward    per-token output of a reward model (default: bundled trellis-rm-tiny)
      implicit  beta*(log pi - log pi_ref) from two causal LMs: needs --model and --ref-model
      entropy   predictive entropy of one LM (default: bundled trellis-lm-tiny);
                the baseline defaults to tau = ${DEFAULT_FORKING_TAU} (forking-token threshold)
      imported  values from --sidecar, checked against the tokenizer of --model
  --model DIR        model folder (Hugging Face layout: tokenizer.json, onnx/model.onnx)
  --ref-model DIR    reference LM for --track implicit
  --beta x           beta of the implicit reward (default 0.1)
  --sidecar FILE     JSON sidecar {"tokenizer": {"name", "hash"}, "traces": {id: [numbers]}} or
                     {"tokenizer", "npy": "FILE.npy", "ids": [...], "lengths"?: [...]} (float32/64)
  --with-problem     put the problem before the reasoning as context (default: the reasoning
                     alone, as the bundled models were trained)

Pivots (defaults as in SPEC.md §2):
  --baseline x       baseline b (default 0; entropy track: ${DEFAULT_FORKING_TAU})
  --window n         width of the centred moving average (default 1 = none)
  --hysteresis x     the sign flips only outside [b-x, b+x] (default 0)
  --min-len n        shorter runs merge into their neighbours (default 1)
  --snap word|sentence   move pivots to the nearest word/sentence start
  --snap-max n       at most n tokens (default 4)

Labels:
  --polarity chosen|rejected|auto   trace polarity (default auto: the trace's label field
                     chosen/rejected/accepted/advantage sign, else its answer vs the reference;
                     traces with neither are skipped with a note)

Structure (adds fields to each record):
  --overlap          "overlap": pivots vs DLCoT approach starts and vs forking tokens
                     (precision, recall, chance rate), dataset totals with --summary
  --overlap-tolerance n   a pivot counts as near within n tokens (default 2)
  --forking-rho x    forking tokens = top x of entropy per trace (default 0.2), or
  --forking-tau x    forking tokens = entropy above x nats (e.g. 0.672)
  --lm DIR           LM for the entropy (default: the track's LM, else bundled trellis-lm-tiny)
  --steps dlcot|segments  "steps": sum/mean/min/last value and probability per DLCoT step or
                     per subsequence, and their product (PRM-style solution score)
  --loss-preview     with --track implicit: pairs a chosen and a rejected trace of the same problem
                     and adds "lossPreview" (DPO margin sum m*(log pi - log pi_ref), chosen minus
                     rejected, masked by the pivot labels vs unmasked) to the second of the pair

Output:
  --limit n          stop after n traces
  --summary          print dataset totals (traces, pivots per trace, kept token share) to stderr
`;

export const pivotsCommand: CliCommand = {
  name: 'pivots',
  summary: 'Pivot tokens and per-subsequence labels from token-level rewards (JSONL)',
  usage: USAGE,
  run: (args, io) => runPivots(args, io),
};

export async function runPivots(args: string[], io: CliIo, loaders?: ModelLoaders): Promise<number> {
  const parsed = parsePivotArgs(args);
  if (typeof parsed === 'string') {
    io.stderr(`trellis pivots: ${parsed}\n\nRun \`trellis pivots --help\` for the options.\n`);
    return 2;
  }
  const pivot: PivotOptions = { ...DEFAULT_PIVOT_OPTIONS, ...parsed.pivot };
  if (parsed.track === 'entropy' && parsed.pivot.baseline === undefined) pivot.baseline = DEFAULT_FORKING_TAU;
  const problem = validatePivotOptions(pivot);
  if (problem) { io.stderr(`trellis pivots: ${problem}\n`); return 2; }
  const traces = await readTraces(parsed, io);
  if (traces.length === 0) { io.stderr('trellis pivots: no traces found\n'); return 1; }
  const sources = await loadSources(parsed, io, loaders);
  try {
    return await emitAll(traces, parsed, pivot, sources.sources, io);
  } finally {
    await sources.dispose();
  }
}

function formatDatasetError(error: DatasetError): string {
  const where = [error.file, error.line ?? (error.row !== undefined ? `row ${error.row}` : undefined), error.field].filter((x) => x !== undefined).join(':');
  return `${where}: ${error.reason}`;
}

/** Node's openAsBlob throws synchronously for a missing file; this returns the reason instead. */
async function openBlob(path: string): Promise<Blob | string> {
  try {
    if (!statSync(path).isFile()) return 'not a file';
    return await openAsBlob(path);
  } catch (error) {
    return (error as NodeJS.ErrnoException).code ?? (error as Error).message;
  }
}

async function readTraces(args: PivotArgs, io: CliIo): Promise<TraceRecord[]> {
  const traces: TraceRecord[] = [];
  for (const path of args.files) {
    const blob = await openBlob(path);
    if (typeof blob === 'string') {
      io.stderr(`trellis pivots: ${path}: cannot open (${blob})\n`);
      continue;
    }
    const files = [{ name: basename(path), blob }];
    const controller = new AbortController();
    await openDataset(files, {
      signal: controller.signal,
      onTraces: (batch) => {
        traces.push(...batch);
        if (args.limit !== null && traces.length >= args.limit) controller.abort();
      },
      onError: (error) => io.stderr(`trellis pivots: ${formatDatasetError(error)}\n`),
    });
    if (args.limit !== null && traces.length >= args.limit) break;
  }
  return args.limit === null ? traces : traces.slice(0, args.limit);
}

async function emitAll(traces: TraceRecord[], args: PivotArgs, pivot: PivotOptions, sources: OpenSources['sources'], io: CliIo): Promise<number> {
  const extras = { overlap: args.overlap, steps: args.steps, valuesAre: sources.valuesAre };
  const lossPreview = args.lossPreview ? { beta: args.beta } : undefined;
  const run = new PivotRun({ track: args.track, polarity: args.polarity, pivot, snap: args.snap, extras, lossPreview }, sources);
  for (const trace of traces) {
    const outcome = await run.process(trace);
    if (outcome.kind === 'record') io.stdout(`${JSON.stringify(outcome.record)}\n`);
    else io.stderr(`trellis pivots: ${trace.source.file}:${trace.source.line ?? trace.source.row}: ${trace.id}: ${outcome.reason}\n`);
  }
  if (args.summary) io.stderr(run.summary());
  return run.failures > 0 ? 1 : 0;
}

// ---- models and sidecars -------------------------------------------------------------------------

const MODELS_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../../../public/models');
export const DEFAULT_REWARD_MODEL = join(MODELS_DIR, 'trellis-rm-tiny');
export const DEFAULT_LANGUAGE_MODEL = join(MODELS_DIR, 'trellis-lm-tiny');

export interface LoadedScorer<S> {
  scorer: S;
  dispose(): Promise<void>;
}

/** How models are opened; tests pass their own, the CLI uses the onnxruntime-node runners. */
export interface ModelLoaders {
  rewardModel(dir: string): Promise<LoadedScorer<RewardScorer>>;
  languageModel(dir: string): Promise<LoadedScorer<TokenScorer>>;
}

export async function loadModelTokenizer(dir: string): Promise<TextTokenizer> {
  const bytes = await readFile(join(dir, 'tokenizer.json')).catch(() => {
    throw new Error(`${dir}: no tokenizer.json (expected a model folder in the Hugging Face layout)`);
  });
  const tokenizerConfig = await readFile(join(dir, 'tokenizer_config.json'), 'utf8').catch(() => null);
  return createTokenizer({ name: basename(dir), tokenizerJson: bytes.toString('utf8'), tokenizerConfig, hash: sha256Hex(bytes) });
}

async function loadSidecar(path: string, io: CliIo): Promise<TrackSidecar> {
  const { sidecar, issues } = parseSidecarJson(await readFile(path, 'utf8'), basename(path));
  for (const issue of issues) io.stderr(`trellis pivots: ${issue.file}: ${issue.field}: ${issue.reason}\n`);
  if (sidecar.npy) attachNpy(sidecar, new Uint8Array(await readFile(resolve(dirname(path), sidecar.npy.file))));
  return sidecar;
}

interface OpenSources {
  sources: PivotRunSources & { valuesAre: 'logits' | 'tanh-half' };
  dispose(): Promise<void>;
}

/** The bundled reward model declares its output (tanh(logit / 2), baseline 0) in config.json. */
async function rewardConfig(dir: string): Promise<{ activation?: string; baseline?: number }> {
  const text = await readFile(join(dir, 'config.json'), 'utf8').catch(() => '{}');
  try {
    const config = JSON.parse(text) as { trellis_reward?: { activation?: string; baseline?: number } };
    return config.trellis_reward ?? {};
  } catch {
    return {};
  }
}

async function sameTokenizer(dir: string, tokenizer: TextTokenizer, flag: string): Promise<void> {
  const other = await loadModelTokenizer(dir);
  if (other.hash !== tokenizer.hash) {
    throw new Error(`${flag} ${basename(dir)} uses a different tokenizer from ${tokenizer.name}; the tracks would not line up`);
  }
}

async function loadSources(args: PivotArgs, io: CliIo, loaders: ModelLoaders = nodeLoaders): Promise<OpenSources> {
  const opened: Array<LoadedScorer<unknown>> = [];
  const dispose = async () => { for (const o of opened.splice(0)) await o.dispose(); };
  const open = async <S>(load: Promise<LoadedScorer<S>>): Promise<S> => {
    const model = await load;
    opened.push(model);
    return model.scorer;
  };
  const modelDir = resolve(args.model ?? (args.track === 'reward' ? DEFAULT_REWARD_MODEL : DEFAULT_LANGUAGE_MODEL));
  const tokenizer = await loadModelTokenizer(modelDir);
  const track: TrackSources = { tokenizer, beta: args.beta };
  if (args.withProblem) track.prefix = (trace) => (trace.problem.trim() === '' ? '' : `${trace.problem}\n\n`);
  const sources: OpenSources['sources'] = { track, entropy: null, valuesAre: 'logits' };
  try {
    if (args.track === 'reward') {
      track.reward = await open(loaders.rewardModel(modelDir));
      if ((await rewardConfig(modelDir)).activation?.startsWith('tanh')) sources.valuesAre = 'tanh-half';
    }
    if (args.track === 'entropy' || args.track === 'implicit') track.policy = await open(loaders.languageModel(modelDir));
    if (args.track === 'implicit') {
      const refDir = resolve(args.refModel as string);
      await sameTokenizer(refDir, tokenizer, '--ref-model');
      track.reference = await open(loaders.languageModel(refDir));
    }
    if (args.track === 'imported') track.sidecar = await loadSidecar(resolve(args.sidecar as string), io);
    if (args.overlap && args.track !== 'entropy') sources.entropy = await entropySources(args, track, open, loaders);
  } catch (error) {
    await dispose();
    throw error;
  }
  return { sources, dispose };
}

/** The LM behind the forking tokens of --overlap: --lm, else the track's policy, else the bundled LM. */
async function entropySources(args: PivotArgs, track: TrackSources, open: <S>(load: Promise<LoadedScorer<S>>) => Promise<S>, loaders: ModelLoaders): Promise<TrackSources> {
  if (!args.lm && track.policy) return { tokenizer: track.tokenizer, policy: track.policy, prefix: track.prefix };
  const lmDir = resolve(args.lm ?? DEFAULT_LANGUAGE_MODEL);
  await sameTokenizer(lmDir, track.tokenizer, '--lm');
  return { tokenizer: track.tokenizer, policy: await open(loaders.languageModel(lmDir)), prefix: track.prefix };
}

const nodeLoaders: ModelLoaders = {
  async rewardModel(dir) {
    const model = await openNodeModel(dir);
    return { scorer: new NodeRewardScorer(model), dispose: () => model.release() };
  },
  async languageModel(dir) {
    const model = await openNodeModel(dir);
    return { scorer: new NodeTokenScorer(model), dispose: () => model.release() };
  },
};
