// `trellis score FILE... [--model DIR] [--limit N] [--json]`: per-token log-prob, entropy, rank and
// top-k alternatives of each trace's reasoning and answer under a causal LM (onnxruntime-node, CPU).
import { existsSync, openAsBlob } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CliCommand, CliIo } from '../command.ts';
import type { TraceRecord } from '../../cot/trace.ts';
import { openDataset, type DatasetError } from '../../data/open-dataset.ts';
import { loadTokenScorer } from '../scoring/node-scorers.ts';
import { scoreRecord, scoredText } from '../scoring/score-record.ts';

const PROGRESS_INTERVAL_MS = 3000;
const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
/** The bundled LM; until it lands, the random-weights test model stands in (flip by editing this list). */
export const DEFAULT_SCORE_MODEL_DIRS = ['public/models/trellis-lm-tiny', 'test/fixtures/models/tiny-random'];

const USAGE = `Usage: trellis score FILE... [--model DIR] [--limit N] [--json] [options]

Scores every token of each trace with a causal language model (onnxruntime-node on the CPU) and
writes one JSON line per trace on stdout:
  {"id":…, "model":…, "tokenizer":{"name","hash"}, "reasoningChars":N, "answerCharStart":N,
   "tokens":[{"id":N, "charStart":N, "charEnd":N, "logprob":x|null, "entropy":x|null,
              "rank":N|null, "top":[[tokenText, logprob], …]}, …]}
Token t is scored as predicted from tokens before it: the first token has null logprob, entropy
and rank and no alternatives. logprob and entropy are in nats; rank 0 = the model's top choice.

The text scored is reasoning + "\\n\\n" + answer (the separator only when both are non-empty).
charStart/charEnd are UTF-16 code units: into the reasoning text exactly as \`trellis segment
--with-text\` gives it for offsets < reasoningChars; the answer's offsets continue at
answerCharStart = reasoningChars + 2 (answer offset = charStart - answerCharStart; without a
separator answerCharStart = reasoningChars). A token may span the separator. A character split
across byte tokens belongs to the token with its first byte; the other pieces have empty spans
(charStart = charEnd).

Options:
  --model DIR          model folder, Hugging Face layout (config.json, tokenizer.json,
                       tokenizer_config.json, onnx/model.onnx); default: the bundled model
  --limit N            score at most N traces
  --json               only the JSONL on stdout (no per-trace summary on stderr)
  --threads N          onnxruntime intra-op threads (default 1)
  --chunk-length N     tokens per model run, KV cache carried between runs (default 512)
  --top-k N            alternatives per token (default 5)

Exit code: 0 when every trace scored, 1 when some failed (reason on stderr), 2 on bad usage.
`;

interface ScoreArgs {
  files: string[];
  model: string | null;
  limit: number | null;
  json: boolean;
  threads: number;
  chunkLength: number;
  topK: number;
}

const NUMERIC: Record<string, keyof ScoreArgs> = { '--limit': 'limit', '--threads': 'threads', '--chunk-length': 'chunkLength', '--top-k': 'topK' };

export function parseScoreArgs(args: string[]): ScoreArgs | string {
  const out: ScoreArgs = { files: [], model: null, limit: null, json: false, threads: 1, chunkLength: 512, topK: 5 };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === '--json') out.json = true;
    else if (arg === '--model') {
      if (args[i + 1] === undefined) return '--model needs a folder';
      out.model = args[++i];
    } else if (arg in NUMERIC) {
      const value = Number(args[++i]);
      if (!Number.isInteger(value) || value < 1) return `${arg} needs a positive integer, got '${args[i] ?? ''}'`;
      (out as unknown as Record<string, number>)[NUMERIC[arg]] = value;
    } else if (arg.startsWith('-')) return `unknown option ${arg}`;
    else out.files.push(arg);
  }
  return out.files.length === 0 ? 'no input files' : out;
}

function defaultModelDir(): string {
  const found = DEFAULT_SCORE_MODEL_DIRS.map((d) => resolve(REPO_ROOT, d)).find((d) => existsSync(d));
  if (!found) throw new Error(`no bundled model found (looked in ${DEFAULT_SCORE_MODEL_DIRS.join(', ')}); pass --model DIR`);
  return found;
}

function where(error: DatasetError): string {
  const at = error.line !== undefined ? `:${error.line}` : error.row !== undefined ? ` row ${error.row}` : '';
  return `${error.file}${at}${error.field ? ` [${error.field}]` : ''}`;
}

async function readTraces(args: ScoreArgs, io: CliIo): Promise<TraceRecord[]> {
  const traces: TraceRecord[] = [];
  for (const path of args.files) {
    if (!existsSync(path)) { io.stderr(`trellis score: ${path}: no such file\n`); continue; }
    const controller = new AbortController();
    try {
      await openDataset([{ name: basename(path), blob: await openAsBlob(path) }], {
        signal: controller.signal,
        onTraces: (batch) => {
          traces.push(...batch);
          if (args.limit !== null && traces.length >= args.limit) controller.abort();
        },
        onError: (error) => io.stderr(`trellis score: ${where(error)}: ${error.reason}\n`),
      });
    } catch (error) {
      if (!controller.signal.aborted) throw error; // stopping at --limit is not a failure
    }
    if (args.limit !== null && traces.length >= args.limit) break;
  }
  return args.limit === null ? traces : traces.slice(0, args.limit);
}

export const scoreCommand: CliCommand = {
  name: 'score',
  summary: 'per-token log-prob, entropy, rank and top-k of each trace under a language model (JSONL)',
  usage: USAGE,
  async run(argv, io) {
    const args = parseScoreArgs(argv);
    if (typeof args === 'string') {
      io.stderr(`trellis score: ${args}\n\nRun \`trellis score --help\` for the options.\n`);
      return 2;
    }
    const traces = await readTraces(args, io);
    if (traces.length === 0) { io.stderr('trellis score: no traces found\n'); return 1; }
    const modelDir = args.model ? resolve(args.model) : defaultModelDir();
    const loaded = await loadTokenScorer(modelDir, { threads: args.threads, chunkLength: args.chunkLength, topK: args.topK });
    let failed = 0;
    try {
      for (const trace of traces) {
        try {
          await scoreOne(trace, loaded, args, io);
        } catch (error) {
          failed++;
          io.stderr(`trellis score: ${trace.id}: ${error instanceof Error ? error.message : String(error)}\n`);
        }
      }
    } finally {
      await loaded.dispose();
    }
    return failed > 0 ? 1 : 0;
  },
};

async function scoreOne(trace: TraceRecord, loaded: Awaited<ReturnType<typeof loadTokenScorer>>, args: ScoreArgs, io: CliIo): Promise<void> {
  const { tokenizer, name } = loaded.model.folder;
  const scored = scoredText(trace);
  const tokens = tokenizer.encode(scored.text);
  const startedMs = performance.now();
  let lastReportMs = startedMs;
  const scores = await loaded.scorer.score(tokens.ids, {
    // Long traces take a while on the CPU: a progress line every few seconds (not with --json).
    onProgress: args.json ? undefined : ({ tokensDone, tokensTotal }) => {
      if (performance.now() - lastReportMs < PROGRESS_INTERVAL_MS) return;
      lastReportMs = performance.now();
      io.stderr(`trellis score: ${trace.id}: ${tokensDone}/${tokensTotal} tokens\n`);
    },
  });
  const durationMs = performance.now() - startedMs;
  io.stdout(`${JSON.stringify(scoreRecord({ id: trace.id, model: name, tokenizer, scored, tokens, scores }))}\n`);
  if (!args.json) {
    let sum = 0;
    for (let t = 1; t < tokens.ids.length; t++) sum -= scores.logprob[t];
    const meanSurprisal = tokens.ids.length > 1 ? sum / (tokens.ids.length - 1) : 0;
    io.stderr(`trellis score: ${trace.id}: ${tokens.ids.length} tokens, mean surprisal ${meanSurprisal.toFixed(3)} nats, ${(tokens.ids.length / (durationMs / 1000)).toFixed(0)} tokens/s\n`);
  }
}
