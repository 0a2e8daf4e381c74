// Import of the DLCoT authors' intermediate JSONL (SPEC §1.6) as proposals: the LLM's copies of
// the source text are re-anchored onto it, and the record passes or fails their fidelity rule.
// Field names follow their released scripts (split_result_part1_formate, solutions, verifications,
// cluster, solution{i}.label1/label2/quoted_erroneous_parts, solution_to_delete, incorrect_parts,
// Drop_Multipilation, incorrect_solution, incomplete_solution, first_*_solution_index).
import { anchorSegment, fidelity, type Fidelity } from './fidelity.ts';
import { MACRO_LABELS, type Label1, type MacroSection, type RemovalReason } from './schema.ts';

type Obj = Record<string, unknown>;

export interface ImportedApproach {
  id: string;
  name: string;
  charStart: number;
  charEnd: number;
  components: Array<{ name: string; charStart: number; charEnd: number }>;
  label1: Label1 | null;
  label2: { type: string; explanation: string; quoted: string[] } | null;
}

export interface ImportedRemoval {
  id: string;
  charStart: number;
  charEnd: number;
  reason: RemovalReason;
  /** The authors' field it came from. */
  field: string;
  target: string;
}

export interface AuthorsProposal {
  id: string;
  question: string | null;
  reference: string | null;
  fidelity: Fidelity;
  macro: MacroSection[];
  approaches: ImportedApproach[];
  verification: Array<{ id: string; category: string; charStart: number; charEnd: number }>;
  clusters: Array<{ id: string; solutions: string[]; isComplete: boolean | null }>;
  removals: ImportedRemoval[];
  firstCorrectSolutionIndex: number | null;
  firstVerifySolutionIndex: number | null;
  /** Copied segments that could not be found in the source, by name. */
  unanchored: string[];
  /** Problems with individual fields (the rest of the record is still imported). */
  problems: string[];
}

const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string | null => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : null);
const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);
const solutionKey = (name: string) => `Solution${name.replace(/\D+/g, '')}`;

function textOf(v: unknown): string {
  if (typeof v === 'string') return v;
  if (isObj(v)) return Object.values(v).map(textOf).join('');
  return Array.isArray(v) ? v.map(textOf).join('') : '';
}

function anchorMacro(source: string, parts: Obj, unanchored: string[]): MacroSection[] {
  const found: Array<{ label: MacroSection['label']; charStart: number }> = [];
  let cursor = 0;
  for (const label of MACRO_LABELS) {
    const text = str(parts[label]);
    if (!text || !text.trim()) continue;
    const anchor = anchorSegment(source, text, cursor);
    if (!anchor) {
      unanchored.push(label);
      continue;
    }
    found.push({ label, charStart: found.length === 0 ? 0 : anchor.charStart });
    cursor = anchor.charEnd;
  }
  // Each section runs to the next one's start, so the proposal partitions the source like ours.
  return found
    .map((f, i) => ({ id: `macro:${f.label}`, provenance: 'import' as const, label: f.label, charStart: f.charStart, charEnd: i + 1 < found.length ? found[i + 1].charStart : source.length }))
    .filter((m) => m.charEnd > m.charStart);
}

function solutionsOf(record: Obj): Obj | null {
  for (const key of ['solutions', 'split_dic', 'Solution_Explore_split', 'solution_explore_split']) if (isObj(record[key])) return record[key] as Obj;
  return null;
}

function labelsOf(record: Obj, index: number): Pick<ImportedApproach, 'label1' | 'label2'> {
  const entry = record[`solution${index}`];
  if (!isObj(entry)) return { label1: null, label2: null };
  const l1 = str(entry.label1);
  const label1 = l1 === 'Correct' || l1 === 'Incorrect' || l1 === 'Incomplete' ? l1 : null;
  const l2 = Array.isArray(entry.label2) ? entry.label2.map((x) => str(x) ?? '') : str(entry.label2) ? [str(entry.label2)!] : [];
  const quotedRaw = entry.quoted_erroneous_parts;
  const quoted = Array.isArray(quotedRaw) ? quotedRaw.map(textOf) : quotedRaw ? [textOf(quotedRaw)] : [];
  return { label1, label2: l2.length ? { type: l2[0], explanation: l2.slice(1).join(' '), quoted } : null };
}

function anchorApproaches(source: string, record: Obj, from: number, until: number, unanchored: string[]): ImportedApproach[] {
  const solutions = solutionsOf(record);
  if (!solutions) return [];
  const out: ImportedApproach[] = [];
  let cursor = from;
  for (const [name, value] of Object.entries(solutions)) {
    const parts = isObj(value) ? Object.entries(value) : [[name, value] as [string, unknown]];
    const components: ImportedApproach['components'] = [];
    for (const [component, text] of parts) {
      const anchor = anchorSegment(source, textOf(text), cursor);
      if (!anchor) unanchored.push(`${name}/${component}`);
      else {
        components.push({ name: component, charStart: anchor.charStart, charEnd: anchor.charEnd });
        cursor = anchor.charEnd;
      }
    }
    if (components.length === 0) continue;
    const index = Number(name.replace(/\D+/g, ''));
    out.push({ id: `approach:${components[0].charStart}`, name: solutionKey(name), charStart: components[0].charStart, charEnd: components.at(-1)!.charEnd, components, ...labelsOf(record, index) });
  }
  for (let i = 0; i < out.length; i++) out[i].charEnd = Math.max(out[i].charEnd, i + 1 < out.length ? out[i + 1].charStart : Math.max(until, out[i].charEnd));
  return out;
}

function removalsOf(source: string, record: Obj, approaches: ImportedApproach[], problems: string[]): ImportedRemoval[] {
  const byName = new Map(approaches.map((a) => [a.name, a]));
  const out: ImportedRemoval[] = [];
  const whole = (field: string, name: string, reason: RemovalReason) => {
    const a = byName.get(solutionKey(name));
    if (!a) problems.push(`${field}: ${name} is not an anchored solution`);
    else out.push({ id: `import-removal:${a.charStart}`, charStart: a.charStart, charEnd: a.charEnd, reason, field, target: a.name });
  };
  const lists: Array<[string, RemovalReason]> = [['Drop_Multipilation', 'redundant'], ['incorrect_solution', 'incorrect'], ['incomplete_solution', 'incomplete']];
  for (const [field, reason] of lists) {
    const v = record[field];
    if (Array.isArray(v)) for (const name of v) whole(field, String(name), reason);
  }
  if (isObj(record.solution_to_delete)) for (const key of Object.keys(record.solution_to_delete)) whole('solution_to_delete', key, 'redundant');
  if (isObj(record.incorrect_parts)) {
    for (const [key, value] of Object.entries(record.incorrect_parts)) {
      if (isObj(value)) whole('incorrect_parts', key, 'incorrect');
      else for (const quote of Array.isArray(value) ? value.map(textOf) : [textOf(value)]) {
        const owner = byName.get(solutionKey(key));
        const anchor = anchorSegment(source, quote, owner ? owner.charStart : 0);
        if (anchor) out.push({ id: `import-removal:${anchor.charStart}`, charStart: anchor.charStart, charEnd: anchor.charEnd, reason: 'error-span', field: 'incorrect_parts', target: solutionKey(key) });
        else problems.push(`incorrect_parts: quoted text of ${key} not found in the source`);
      }
    }
  }
  return out.sort((a, b) => a.charStart - b.charStart);
}

/** Parses one record of the authors' JSONL into a proposal anchored onto `source` (default: its `result`). */
export function importAuthorsRecord(record: unknown, source?: string): AuthorsProposal | { error: string } {
  if (!isObj(record)) return { error: 'record is not a JSON object' };
  const text = source ?? str(record.result) ?? str(record.full_cot);
  if (text === null) return { error: 'no source text: field "result" (or "full_cot") is missing' };
  const unanchored: string[] = [];
  const problems: string[] = [];
  const parts = isObj(record.split_result_part1_formate) ? record.split_result_part1_formate : null;
  if (!parts) problems.push('split_result_part1_formate: missing; no macro sections imported');
  const macro = parts ? anchorMacro(text, parts, unanchored) : [];
  const explore = macro.find((m) => m.label === 'Solution_Explore');
  const approaches = anchorApproaches(text, record, explore?.charStart ?? 0, explore?.charEnd ?? 0, unanchored);
  const verifyStart = macro.find((m) => m.label === 'Verify')?.charStart ?? explore?.charEnd ?? 0;
  const verifications = isObj(record.verifications) ? record.verifications : isObj(record.split_result_part4_formate) && isObj(record.split_result_part4_formate.Verify) ? record.split_result_part4_formate.Verify : {};
  const verification: AuthorsProposal['verification'] = [];
  let cursor = verifyStart;
  for (const [category, value] of Object.entries(verifications)) {
    const anchor = anchorSegment(text, textOf(value), cursor);
    if (!anchor) unanchored.push(`verify/${category}`);
    else {
      verification.push({ id: `verify:${anchor.charStart}`, category, charStart: anchor.charStart, charEnd: anchor.charEnd });
      cursor = anchor.charEnd;
    }
  }
  const clusters = isObj(record.cluster)
    ? Object.entries(record.cluster).map(([id, c]) => ({ id, solutions: isObj(c) && Array.isArray(c.solutions) ? c.solutions.map((s) => solutionKey(String(s))) : [], isComplete: isObj(c) && typeof c.is_complete_solution === 'boolean' ? c.is_complete_solution : null }))
    : [];
  const copy = parts ? MACRO_LABELS.map((l) => str(parts[l]) ?? '').join('') : textOf(solutionsOf(record));
  return {
    id: str(record.id) ?? '',
    question: str(record.prompt) ?? str(record.question),
    reference: str(record.ground_truth),
    fidelity: fidelity(copy, text),
    macro,
    approaches,
    verification,
    clusters,
    removals: removalsOf(text, record, approaches, problems),
    firstCorrectSolutionIndex: num(record.first_correct_solution_index),
    firstVerifySolutionIndex: num(record.first_verify_solution_index),
    unanchored,
    problems,
  };
}

/** Parses the authors' JSONL text: one proposal per valid line, errors name the line. */
export function importAuthorsJsonl(jsonl: string, sourceOf?: (id: string) => string | undefined): { proposals: AuthorsProposal[]; errors: Array<{ line: number; reason: string }> } {
  const proposals: AuthorsProposal[] = [];
  const errors: Array<{ line: number; reason: string }> = [];
  jsonl.split('\n').forEach((line, i) => {
    if (!line.trim()) return;
    let record: unknown;
    try {
      record = JSON.parse(line);
    } catch (error) {
      errors.push({ line: i + 1, reason: `invalid JSON: ${error instanceof Error ? error.message : String(error)}` });
      return;
    }
    const id = isObj(record) ? str(record.id) : null;
    const result = importAuthorsRecord(record, id !== null ? sourceOf?.(id) : undefined);
    if ('error' in result) errors.push({ line: i + 1, reason: result.error });
    else proposals.push(result);
  });
  return { proposals, errors };
}
