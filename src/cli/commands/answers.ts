// `trellis answers CASES.json`: runs answer-cases.json-shaped records through the answer checker
// and prints one JSON array: {"id","equal"} per equivalence case, {"id","extracted"} per extraction.
import { readFile } from 'node:fs/promises';
import type { CliCommand } from '../command.ts';
import { runAnswerCase, validateCase, type AnswerCase, type CaseResult } from '../../cot/answer/cases.ts';

const USAGE = `Usage: trellis answers CASES.json

Reads a JSON array of cases shaped like answer-cases.json:
  {"id", "kind": "equivalence", "gold", "pred", "options"?}
  {"id", "kind": "extraction", "text", "options"?}
and prints one JSON array on stdout:
  [{"id": …, "equal": true|false|null}, {"id": …, "extracted": "…"|null}, …]
null means undecided (equivalence) or no answer found (extraction). Options such as Math-Verify's
match_types are honoured where they change the result. Invalid cases are reported on stderr (with
their index and field) and given a null result; the exit code is then 1.
`;

function nullResult(raw: unknown, index: number): CaseResult {
  const c = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  const id = typeof c.id === 'string' || typeof c.id === 'number' ? String(c.id) : `#${index}`;
  return c.kind === 'extraction' ? { id, extracted: null } : { id, equal: null };
}

export const answersCommand: CliCommand = {
  name: 'answers',
  summary: 'check math answers: equivalence and extraction over a cases JSON file',
  usage: USAGE,
  async run(args, io) {
    const file = args.find((a) => !a.startsWith('-'));
    if (!file || args.length !== 1) {
      io.stderr(USAGE);
      return 2;
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(await readFile(file, 'utf8'));
    } catch (error) {
      io.stderr(`trellis answers: ${file}: ${error instanceof Error ? error.message : String(error)}\n`);
      return 1;
    }
    if (!Array.isArray(parsed)) {
      io.stderr(`trellis answers: ${file}: expected a JSON array of cases\n`);
      return 1;
    }
    let invalid = 0;
    const results = parsed.map((raw, index) => {
      const problem = validateCase(raw, index);
      if (!problem) return runAnswerCase(raw as AnswerCase);
      invalid++;
      io.stderr(`trellis answers: ${file}: case ${index}${problem.id ? ` (id ${problem.id})` : ''}: field '${problem.field}' ${problem.reason}\n`);
      return nullResult(raw, index);
    });
    io.stdout(`${JSON.stringify(results)}\n`);
    return invalid ? 1 : 0;
  },
};
