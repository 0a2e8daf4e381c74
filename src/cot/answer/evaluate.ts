// Exact (rational) and numeric (float, with variables bound to sample points) evaluation.
import type { Node } from './ast.ts';
import * as Q from './rational.ts';
import type { Rational } from './rational.ts';

const CONSTANTS = new Set(['pi', 'inf']);

export type ExactEnv = ReadonlyMap<string, Rational>;
const NO_SYMBOLS: ExactEnv = new Map();

/** Exact value for expressions built from numbers (and symbols bound in env) with + - * / and
 * integer powers; else null. */
export function evalExact(n: Node, env: ExactEnv = NO_SYMBOLS): Rational | null {
  switch (n.type) {
    case 'num': return n.value;
    case 'sym': return env.get(n.name) ?? null;
    case 'neg': { const a = evalExact(n.arg, env); return a && Q.neg(a); }
    case 'percent': { const a = evalExact(n.arg, env); return a && Q.div(a, { num: 100n, den: 1n }); }
    case 'add': {
      let acc: Rational | null = Q.ZERO;
      for (const t of n.terms) { const v = evalExact(t, env); acc = v && acc && Q.add(acc, v); if (!acc) return null; }
      return acc;
    }
    case 'mul': {
      let acc: Rational | null = Q.ONE;
      for (const f of n.factors) { const v = evalExact(f, env); acc = v && acc && Q.mul(acc, v); if (!acc) return null; }
      return acc;
    }
    case 'div': { const a = evalExact(n.num, env); const b = evalExact(n.den, env); return a && b ? Q.div(a, b) : null; }
    case 'pow': {
      const b = evalExact(n.base, env); const e = evalExact(n.exp, env);
      if (!b || !e || e.den !== 1n || (b.num === 0n && e.num <= 0n)) return null;
      return Q.powInt(b, e.num);
    }
    case 'fn': {
      if (n.name !== 'sqrt' && n.name !== 'abs') return null;
      const a = evalExact(n.args[0], env);
      if (!a) return null;
      if (n.name === 'abs') return a.num < 0n ? Q.neg(a) : a;
      return exactSqrt(a);
    }
    default: return null;
  }
}

function isqrt(x: bigint): bigint | null {
  if (x < 0n) return null;
  if (x < 2n) return x;
  let r = BigInt(Math.floor(Math.sqrt(Number(x))));
  while (r * r > x) r--;
  while ((r + 1n) * (r + 1n) <= x) r++;
  return r * r === x ? r : null;
}

function exactSqrt(a: Rational): Rational | null {
  const n = isqrt(a.num); const d = isqrt(a.den);
  return n !== null && d !== null ? Q.rational(n, d) : null;
}

export type Env = ReadonlyMap<string, number>;

function factorial(x: number): number {
  if (!Number.isInteger(x) || x < 0 || x > 170) return NaN;
  let r = 1;
  for (let i = 2; i <= x; i++) r *= i;
  return r;
}

function binom(n: number, k: number): number {
  if (!Number.isInteger(n) || !Number.isInteger(k) || k < 0 || n < 0 || n > 1000) return NaN;
  if (k > n) return 0;
  let r = 1;
  for (let i = 1; i <= k; i++) r = (r * (n - k + i)) / i;
  return Math.round(r);
}

function root(x: number, k: number): number {
  if (!Number.isInteger(k) || k < 1) return Math.pow(x, 1 / k);
  if (x < 0 && k % 2 === 1) return -Math.pow(-x, 1 / k);
  return Math.pow(x, 1 / k);
}

const UNARY: Record<string, (x: number) => number> = {
  sqrt: Math.sqrt, abs: Math.abs, sin: Math.sin, cos: Math.cos, tan: Math.tan, sec: (x) => 1 / Math.cos(x),
  csc: (x) => 1 / Math.sin(x), cot: (x) => 1 / Math.tan(x), arcsin: Math.asin, arccos: Math.acos, arctan: Math.atan,
  sinh: Math.sinh, cosh: Math.cosh, tanh: Math.tanh, log: Math.log, ln: Math.log, lg: Math.log10, exp: Math.exp,
  factorial, floor: Math.floor, ceil: Math.ceil, degrees: (x) => (x * Math.PI) / 180,
};

/** Float value with free symbols taken from env; NaN when undefined or not a scalar. */
export function evalNum(n: Node, env: Env): number {
  switch (n.type) {
    case 'num': return Q.toNumber(n.value);
    case 'sym': return n.name === 'pi' ? Math.PI : n.name === 'inf' ? Infinity : env.get(n.name) ?? NaN;
    case 'neg': return -evalNum(n.arg, env);
    case 'percent': return evalNum(n.arg, env) / 100;
    case 'add': return n.terms.reduce((acc, t) => acc + evalNum(t, env), 0);
    case 'mul': return n.factors.reduce((acc, f) => acc * evalNum(f, env), 1);
    case 'div': return evalNum(n.num, env) / evalNum(n.den, env);
    case 'pow': return power(evalNum(n.base, env), evalNum(n.exp, env));
    case 'fn': return evalFunction(n.name, n.args.map((a) => evalNum(a, env)));
    default: return NaN;
  }
}

function power(b: number, e: number): number {
  if (b < 0 && !Number.isInteger(e)) return NaN;
  return Math.pow(b, e);
}

function evalFunction(name: string, args: number[]): number {
  const f = UNARY[name];
  if (f) return f(args[0]);
  if (name === 'root') return root(args[0], args[1]);
  if (name === 'binom') return binom(args[0], args[1]);
  if (name === 'logb') return args[0] > 0 && args[0] !== 1 ? Math.log(args[1]) / Math.log(args[0]) : NaN;
  return NaN;
}

/** Free variables of an expression (pi and infinity are constants). */
export function freeSymbols(n: Node, out: Set<string> = new Set()): Set<string> {
  if (n.type === 'sym') { if (!CONSTANTS.has(n.name)) out.add(n.name); return out; }
  for (const child of children(n)) freeSymbols(child, out);
  return out;
}

export function children(n: Node): Node[] {
  switch (n.type) {
    case 'add': return n.terms;
    case 'mul': return n.factors;
    case 'div': return [n.num, n.den];
    case 'neg': case 'percent': return [n.arg];
    case 'pow': return [n.base, n.exp];
    case 'fn': return n.args;
    case 'pm': return n.left ? [n.left, n.right] : [n.right];
    case 'tuple': case 'set': case 'list': case 'union': return n.items;
    case 'matrix': return n.rows.flat();
    case 'rel': return n.items;
    default: return [];
  }
}

/** The same sample point as exact rationals (denominator 97), for polynomials and rational functions. */
export function exactSamplePoint(point: ReadonlyMap<string, number>): Map<string, Rational> {
  const env = new Map<string, Rational>();
  for (const [name, value] of point) env.set(name, Q.rational(BigInt(Math.round(value * 97)), 97n)!);
  return env;
}

/** Deterministic sample point in (0.6, 2.3) per symbol and trial, so verdicts are reproducible. */
export function samplePoint(symbols: Iterable<string>, trial: number): Map<string, number> {
  const env = new Map<string, number>();
  for (const name of symbols) {
    let h = 2166136261 ^ trial;
    for (let i = 0; i < name.length; i++) h = Math.imul(h ^ name.charCodeAt(i), 16777619);
    h = Math.imul(h ^ (h >>> 15), 2246822507);
    h ^= h >>> 13;
    env.set(name, 0.6 + ((h >>> 0) / 4294967296) * 1.7);
  }
  return env;
}
