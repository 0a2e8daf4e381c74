// Answer checker throughput. (1) Equivalence cases/s over the conformance set, repeated for at
// least 1 s (cold: parse memo cleared each round; and warm), against a baseline in the same run: a trim-and-compare of the raw strings. (2)
// findCandidateAnswers over every reasoning text in ../shared/data/traces (skipped when absent),
// against a baseline regex scan for \boxed{. Each prints its figures and the ratio.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runAnswerCase, type AnswerCase } from '../../src/cot/answer/cases.ts';
import { findCandidateAnswers } from '../../src/cot/answer/candidates.ts';
import { clearAnswerMemo } from '../../src/cot/answer/parse-answer.ts';
import { isEquivalent } from '../../src/cot/answer/equivalence.ts';

const MIN_MS = 1000;
const TRACES_DIR = '../shared/data/traces';

interface Rate { perSecond: number; perCpuSecond: number; checksum: number }

/** Runs `work` over and over for at least MIN_MS; items per wall-clock second and per CPU second
 * (the machine is shared, so the CPU figure is the steadier one). */
function rate(items: number, work: () => number): Rate {
  let checksum = work(); // warm-up
  let rounds = 0;
  const cpuStart = process.cpuUsage();
  const started = performance.now();
  let elapsed = 0;
  while (elapsed < MIN_MS) {
    checksum += work();
    rounds++;
    elapsed = performance.now() - started;
  }
  const cpu = process.cpuUsage(cpuStart);
  const cpuMs = (cpu.user + cpu.system) / 1000;
  return { perSecond: (items * rounds * 1000) / elapsed, perCpuSecond: (items * rounds * 1000) / Math.max(cpuMs, 1e-3), checksum };
}

function show(r: Rate, unit: string): string {
  const f = (x: number) => Math.round(x).toLocaleString('en-US');
  return `${f(r.perSecond)} ${unit}/s wall, ${f(r.perCpuSecond)} ${unit}/CPU-s`;
}

function benchEquivalence(): void {
  const all: AnswerCase[] = JSON.parse(readFileSync('test/fixtures/answers/answer-cases.json', 'utf8'));
  const cases = all.filter((c) => c.kind === 'equivalence');
  const run = () => cases.reduce((n, c) => n + ('equal' in runAnswerCase(c) ? 1 : 0), 0);
  // Cold: the parse memo is cleared every round, so each answer is parsed afresh.
  const checker = rate(cases.length, () => { clearAnswerMemo(); return run(); });
  const memoised = rate(cases.length, run);
  const baseline = rate(cases.length, () => cases.reduce((n, c) => n + (String(c.gold).trim() === String(c.pred).trim() ? 1 : 0), 0));
  console.log(`equivalence: ${cases.length} conformance cases`);
  console.log(`  isEquivalent, cold (extract + parse + compare): ${show(checker, 'cases')}`);
  console.log(`  isEquivalent, parse memo warm:                 ${show(memoised, 'cases')}`);
  console.log(`  baseline trim-compare:                         ${show(baseline, 'cases')}`);
  console.log(`  ratio cold checker/baseline (CPU): ${(checker.perCpuSecond / baseline.perCpuSecond).toExponential(2)}`);
}

/** The reasoning text of one trace row in any of the shared layouts. */
function reasoningOf(row: Record<string, unknown>): string | null {
  const base = row.base_solution as Record<string, unknown> | undefined;
  const code = row.code as unknown[] | undefined;
  const candidates = [row.long_cot, base?.full_cot, code?.[0], row.answer];
  const text = candidates.find((t): t is string => typeof t === 'string' && t.length > 200);
  return text ?? null;
}

/** The reference answer of one trace row, when the layout has one. */
function goldOf(row: Record<string, unknown>): string | null {
  const problem = row.problem as Record<string, unknown> | undefined;
  const gold = row.gt_answer ?? row.gt ?? problem?.gt_answer ?? (typeof row.long_cot === 'string' ? row.answer : undefined);
  return typeof gold === 'string' || typeof gold === 'number' ? String(gold) : null;
}

interface TraceText { reasoning: string; gold: string | null }

function loadReasonings(): TraceText[] {
  const texts: TraceText[] = [];
  for (const name of readdirSync(TRACES_DIR).filter((f) => f.endsWith('.jsonl')).sort()) {
    const lines = readFileSync(join(TRACES_DIR, name), 'utf8').split('\n');
    lines.forEach((line, index) => {
      if (!line.trim()) return;
      try {
        const row = JSON.parse(line);
        const reasoning = reasoningOf(row);
        if (reasoning) texts.push({ reasoning, gold: goldOf(row) });
      } catch (error) {
        console.log(`  skipped ${name}:${index + 1}: ${(error as Error).message}`);
      }
    });
  }
  return texts;
}

function benchExtraction(): void {
  if (!existsSync(TRACES_DIR)) {
    console.log(`extraction: ${TRACES_DIR} not found, skipped`);
    return;
  }
  const traces = loadReasonings();
  const texts = traces.map((t) => t.reasoning);
  const chars = texts.reduce((n, t) => n + t.length, 0);
  const checker = rate(texts.length, () => texts.reduce((n, t) => n + findCandidateAnswers(t).length, 0));
  const baseline = rate(texts.length, () => texts.reduce((n, t) => n + (t.match(/\\boxed\{/g)?.length ?? 0), 0));
  const perTrace = texts.reduce((n, t) => n + findCandidateAnswers(t).length, 0) / texts.length;
  console.log(`extraction: ${texts.length} traces, ${(chars / 1e6).toFixed(2)} M chars, ${perTrace.toFixed(1)} candidates per trace`);
  console.log(`  findCandidateAnswers: ${show(checker, 'traces')} (${((checker.perCpuSecond * chars) / texts.length / 1e6).toFixed(1)} M chars/CPU-s)`);
  console.log(`  baseline \\boxed regex: ${show(baseline, 'traces')}`);
  console.log(`  ratio candidates/baseline (CPU): ${(checker.perCpuSecond / baseline.perCpuSecond).toFixed(3)}`);
  benchCandidateChecks(traces);
}

/** The DLCoT workload: every candidate of every trace checked against the trace's reference answer. */
function benchCandidateChecks(traces: TraceText[]): void {
  const pairs = traces.flatMap((t) => (t.gold === null ? [] : findCandidateAnswers(t.reasoning).map((c) => [t.gold!, c.text] as const)));
  const run = () => pairs.reduce((n, [gold, text]) => n + (isEquivalent(gold, text) === true ? 1 : 0), 0);
  const checker = rate(pairs.length, () => { clearAnswerMemo(); return run(); });
  const baseline = rate(pairs.length, () => pairs.reduce((n, [gold, text]) => n + (gold.trim() === text.trim() ? 1 : 0), 0));
  console.log(`candidate checks: ${pairs.length} (reference answer, candidate) pairs, ${run()} equivalent`);
  console.log(`  isEquivalent, cold: ${show(checker, 'pairs')}`);
  console.log(`  baseline trim-compare: ${show(baseline, 'pairs')}`);
  console.log(`  ratio checker/baseline (CPU): ${(checker.perCpuSecond / baseline.perCpuSecond).toExponential(2)}`);
}

benchEquivalence();
benchExtraction();
