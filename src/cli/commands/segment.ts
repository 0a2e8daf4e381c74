// `trellis segment FILE... [--policy NAME] [--with-text]`: runs the DLCoT engine on every trace and
// writes one JSON object per trace (JSONL) on stdout. The output shape is a contract (issue 4).
import type { CliCommand } from '../command.ts';
import { errorLocation as where, openDatasetFiles } from '../dataset-files.ts';
import { openDataset } from '../../data/open-dataset.ts';
import { analyzeTrace, POLICIES, type DlcotAnalysis, type Policy } from '../../cot/dlcot/index.ts';
import type { TraceRecord } from '../../cot/trace.ts';
import { tokenCounterFor } from '../token-counter.ts';

const DEFAULT_POLICY: Policy = 'keep_one_global+delete_solution';

const USAGE = `Usage: trellis segment FILE... [--policy NAME] [--with-text] [--tokens bundled|words|DIR]

Segments every trace with the DLCoT engine (macro sections, approaches, verification steps,
labels, clusters, trunk) and simplifies it under one policy. Writes one JSON object per trace:
{"id","source":{"file","row","generation"},"reference","reasoningLength","reasoning" (--with-text),
 "firstAnswerCharStart","macro":[{"label","charStart","charEnd"}],
 "approaches":[{"id","charStart","charEnd","origin","answer","label1","cluster","redundant","onTrunk"}],
 "verification":[{"id","charStart","charEnd","stance"}],
 "simplified":{"policy","removed":[{"charStart","charEnd","reason"}],"tokensBefore","tokensAfter"}}
Offsets are UTF-16 code units into "reasoning". tokensBefore/tokensAfter are counted with the
bundled model's tokenizer (public/models/trellis-lm-tiny) unless --tokens says otherwise.

  --policy NAME   ${POLICIES.join(' | ')}
                  (default ${DEFAULT_POLICY})
  --with-text     include the reasoning text in each object
  --tokens SPEC   how tokensBefore/tokensAfter are counted: bundled (default), words, or a
                  folder with a Hugging Face tokenizer.json

Bad rows are reported on stderr (file:line: reason) and skipped. Exit code: 0 when at least one
trace was segmented, 2 on unusable input or options.
`;

interface Options {
  paths: string[];
  policy: Policy;
  withText: boolean;
  tokens: string;
}

function parseArgs(args: string[]): Options | string {
  const paths: string[] = [];
  let policy: Policy = DEFAULT_POLICY;
  let withText = false;
  let tokens = 'bundled';
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--with-text') withText = true;
    else if (a === '--policy' || a.startsWith('--policy=')) {
      const value = a === '--policy' ? args[++i] : a.slice('--policy='.length);
      if (!value || !(POLICIES as readonly string[]).includes(value)) return `unknown policy ${value ?? '(missing)'}; one of ${POLICIES.join(', ')}`;
      policy = value as Policy;
    } else if (a === '--tokens' || a.startsWith('--tokens=')) {
      const value = a === '--tokens' ? args[++i] : a.slice('--tokens='.length);
      if (!value) return '--tokens needs bundled, words or a tokenizer folder';
      tokens = value;
    } else if (a.startsWith('-')) return `unknown option ${a}`;
    else paths.push(a);
  }
  return paths.length === 0 ? 'no input files' : { paths, policy, withText, tokens };
}

/** The contract's JSON object for one trace. */
export function segmentJson(trace: TraceRecord, analysis: DlcotAnalysis, withText: boolean): Record<string, unknown> {
  const simplified = analysis.simplifications[0];
  return {
    id: trace.id,
    source: { file: trace.source.file, row: trace.source.row, generation: trace.source.generation ?? 0 },
    reference: trace.reference,
    reasoningLength: analysis.reasoningLength,
    ...(withText ? { reasoning: trace.reasoning } : {}),
    firstAnswerCharStart: analysis.firstAnswerCharStart,
    macro: analysis.macro.map((m) => ({ label: m.label, charStart: m.charStart, charEnd: m.charEnd })),
    approaches: analysis.approaches.map((a) => ({
      id: a.id,
      charStart: a.charStart,
      charEnd: a.charEnd,
      origin: a.origin,
      answer: a.answer ? a.answer.text : null,
      label1: a.label1,
      cluster: a.clusterId,
      redundant: a.redundant,
      onTrunk: a.onTrunk,
    })),
    verification: analysis.verification.map((v) => ({ id: v.id, charStart: v.charStart, charEnd: v.charEnd, stance: v.stance })),
    simplified: {
      policy: simplified.policy,
      removed: simplified.removed.map((r) => ({ charStart: r.charStart, charEnd: r.charEnd, reason: r.reason })),
      tokensBefore: simplified.tokensBefore,
      tokensAfter: simplified.tokensAfter,
    },
  };
}



export const segmentCommand: CliCommand = {
  name: 'segment',
  summary: 'segment, classify, cluster and simplify every trace (DLCoT), one JSON object per trace',
  usage: USAGE,
  async run(args, io) {
    const options = parseArgs(args);
    if (typeof options === 'string') {
      io.stderr(`trellis segment: ${options}\n\n${USAGE}`);
      return 2;
    }
    let counter;
    try {
      counter = tokenCounterFor(options.tokens);
    } catch (error) {
      io.stderr(`trellis segment: --tokens ${error instanceof Error ? error.message : String(error)}\n`);
      return 2;
    }
    const files = await openDatasetFiles(options.paths, 'segment', io);
    if (!files) return 2;
    let written = 0;
    const summary = await openDataset(files, {
      onTraces: (batch) => {
        const lines = batch.map((trace) => JSON.stringify(segmentJson(trace, analyzeTrace(trace, { policies: [options.policy], count: counter.count }), options.withText)));
        if (lines.length > 0) io.stdout(`${lines.join('\n')}\n`);
        written += lines.length;
      },
      onError: (error) => io.stderr(`trellis segment: ${where(error)}${error.field ? ` [${error.field}]` : ''}: ${error.reason}\n`),
    });
    if (written === 0) {
      io.stderr(`trellis segment: no traces found in ${summary.files.join(', ')} (layout ${summary.layout})\n`);
      return 2;
    }
    return 0;
  },
};
