// Scalar comparison: exact rationals first, then floats at sample points for roots, pi and
// variables. A decimal written with k places matches a value that rounds to it (0.3333 ~ 1/3).
import type { Node } from './ast.ts';
import { children, evalExact, evalNum, exactSamplePoint, freeSymbols, samplePoint } from './evaluate.ts';
import type { Rational } from './rational.ts';

function exactToFloat(env: Map<string, Rational>): Map<string, number> {
  return new Map([...env].map(([k, v]) => [k, Q.toNumber(v)]));
}
import * as Q from './rational.ts';

export type Verdict = boolean | null;

const REL_TOL = 1e-9;
const TRIALS = 5;
const ABS_FLOOR = 1e-12;
/** "0.333" may stand for 1/3, "0.33" may not (too coarse to tell a rounding from a wrong answer). */
const MIN_ROUNDED_DECIMALS = 3;
/** Letters that may be constants (e, i): a mismatch with them free is undecided, not false. */
const MAYBE_CONSTANTS = ['e', 'i'];

/** Digits after the point when `n` is a decimal literal (optionally negated), else 0. */
function literalDecimals(n: Node): number {
  if (n.type === 'num') return n.decimals;
  if (n.type === 'neg') return literalDecimals(n.arg);
  return 0;
}

function isLiteral(n: Node): boolean {
  return n.type === 'num' || (n.type === 'neg' && n.arg.type === 'num');
}

/** Relative closeness; the small absolute floor absorbs float noise around 0 (sin π ≈ 1e-16). */
function close(a: number, b: number, tol = REL_TOL): boolean {
  const diff = Math.abs(a - b);
  return diff <= tol * Math.max(Math.abs(a), Math.abs(b)) || diff <= ABS_FLOOR;
}

/** Digits after the point of the rounded side, or 0 when the rounding rule does not apply. */
function roundedDecimals(a: Node, b: Node): number {
  if (isLiteral(a) && isLiteral(b)) return 0;
  const k = Math.max(literalDecimals(a), literalDecimals(b));
  return k >= MIN_ROUNDED_DECIMALS ? k : 0;
}

/** True when one side is a decimal literal that the other side's value rounds to. */
function withinWrittenPrecision(a: Node, b: Node, va: number, vb: number): boolean {
  const k = roundedDecimals(a, b);
  return k > 0 && Math.abs(va - vb) <= 0.5 * 10 ** -k * (1 + 1e-9);
}

/** The same rule on exact values: |a - b| <= 1/2 · 10^-k, with no float error at ties. */
function withinWrittenPrecisionExact(a: Node, b: Node, ea: Rational, eb: Rational): boolean {
  const k = roundedDecimals(a, b);
  if (k === 0) return false;
  const diff = Q.sub(ea, eb);
  const half = Q.rational(1n, 2n * 10n ** BigInt(k));
  if (!diff || !half) return false;
  return Q.compare(diff.num < 0n ? Q.neg(diff) : diff, half) <= 0;
}

/** +1 / -1 for \infty / -\infty, else 0. */
function infinitySign(n: Node): number {
  if (n.type === 'sym' && n.name === 'inf') return 1;
  if (n.type === 'neg') return -infinitySign(n.arg);
  return 0;
}

export function compareScalar(a: Node, b: Node): Verdict {
  if (a.type === 'sym' && b.type === 'sym' && a.name === b.name) return true;
  const ia = infinitySign(a);
  const ib = infinitySign(b);
  if (ia || ib) return ia === ib;
  const ea = evalExact(a);
  const eb = evalExact(b);
  if (ea && eb) {
    if (Q.equals(ea, eb)) return true;
    return withinWrittenPrecisionExact(a, b, ea, eb);
  }
  const symbols = freeSymbols(a);
  freeSymbols(b, symbols);
  const verdict = symbols.size === 0 ? compareConstants(a, b) : compareAtSamples(a, b, symbols);
  if (verdict !== false) return verdict;
  // "\log 100" may mean base 10 or base e; e and i may be constants or variables.
  const ambiguous = hasFunction(a, 'log') || hasFunction(b, 'log') || MAYBE_CONSTANTS.some((c) => symbols.has(c));
  return ambiguous ? null : false;
}

function compareConstants(a: Node, b: Node): Verdict {
  const va = evalNum(a, new Map());
  const vb = evalNum(b, new Map());
  if (!Number.isFinite(va) || !Number.isFinite(vb)) return null; // overflow or outside the domain
  return close(va, vb) || withinWrittenPrecision(a, b, va, vb);
}

function hasFunction(n: Node, name: string): boolean {
  return (n.type === 'fn' && n.name === name) || children(n).some((c) => hasFunction(c, name));
}

function compareAtSamples(a: Node, b: Node, symbols: Set<string>): Verdict {
  let agreed = 0;
  for (let t = 0; t < TRIALS; t++) {
    const env = samplePoint(symbols, t);
    const exact = exactSamplePoint(env);
    const ea = evalExact(a, exact);
    const eb = evalExact(b, exact);
    if (ea && eb) {
      // Rational functions are compared exactly: no float tolerance to hide x vs x + 1e-9·x.
      if (!Q.equals(ea, eb)) return false;
      agreed++;
      continue;
    }
    const va = evalNum(a, exactToFloat(exact));
    const vb = evalNum(b, exactToFloat(exact));
    if (!Number.isFinite(va) || !Number.isFinite(vb)) continue;
    if (!close(va, vb, 1e-8)) return false;
    agreed++;
  }
  return agreed >= 2 ? true : null;
}

/** Whether f = k·g for one constant k (k > 0 when `positive`), over sample points. */
export function proportional(f: Node, g: Node, positive: boolean): Verdict {
  const symbols = freeSymbols(f);
  freeSymbols(g, symbols);
  let ratio: number | null = null;
  let valid = 0;
  for (let t = 0; t < TRIALS; t++) {
    const env = samplePoint(symbols, t);
    const vf = evalNum(f, env);
    const vg = evalNum(g, env);
    if (!Number.isFinite(vf) || !Number.isFinite(vg)) continue;
    const fz = Math.abs(vf) < 1e-12;
    const gz = Math.abs(vg) < 1e-12;
    if (fz && gz) continue;
    if (fz !== gz) return false;
    const r = vf / vg;
    if (ratio === null) ratio = r;
    else if (!close(ratio, r, 1e-7)) return false;
    valid++;
    if (symbols.size === 0) break;
  }
  if (ratio === null || valid === 0) return null;
  if (positive && ratio < 0) return false;
  return symbols.size === 0 || valid >= 2 ? true : null;
}
