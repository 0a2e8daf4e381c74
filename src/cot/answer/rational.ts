// Exact rational numbers on BigInt, so 1/3 + 1/6 = 1/2 with no float error.
// Sizes are capped: a result with more than MAX_BITS bits is refused (null), so a
// pathological input like 10^10^10 can never stall a check.

const MAX_BITS = 4096n;

export interface Rational {
  readonly num: bigint;
  /** Always positive. */
  readonly den: bigint;
}

function abs(x: bigint): bigint {
  return x < 0n ? -x : x;
}

function gcd(a: bigint, b: bigint): bigint {
  a = abs(a);
  b = abs(b);
  while (b !== 0n) [a, b] = [b, a % b];
  return a;
}

function tooBig(x: bigint): boolean {
  // Cheap size test: the hex string length bounds the bit length.
  return BigInt(x.toString(16).length) * 4n > MAX_BITS;
}

/** Reduces num/den; null for a zero denominator or an oversized result. */
export function rational(num: bigint, den: bigint = 1n): Rational | null {
  if (den === 0n) return null;
  if (den < 0n) {
    num = -num;
    den = -den;
  }
  const g = gcd(num, den);
  if (g > 1n) {
    num /= g;
    den /= g;
  }
  if (tooBig(num) || tooBig(den)) return null;
  return { num, den };
}

export const ZERO: Rational = { num: 0n, den: 1n };
export const ONE: Rational = { num: 1n, den: 1n };

/** Parses "12", "-0.25", ".5", "1e3" into an exact rational. */
export function parseDecimal(text: string): Rational | null {
  const m = /^([-+]?)(\d*)(?:\.(\d*))?(?:[eE]([-+]?\d{1,4}))?$/.exec(text);
  if (!m || (m[2] === '' && (m[3] ?? '') === '')) return null;
  const frac = m[3] ?? '';
  let num = BigInt((m[2] || '0') + frac);
  let den = 10n ** BigInt(frac.length);
  const exp = m[4] ? Number(m[4]) : 0;
  if (exp > 0) num *= 10n ** BigInt(exp);
  if (exp < 0) den *= 10n ** BigInt(-exp);
  if (m[1] === '-') num = -num;
  return rational(num, den);
}

export function add(a: Rational, b: Rational): Rational | null {
  return rational(a.num * b.den + b.num * a.den, a.den * b.den);
}

export function sub(a: Rational, b: Rational): Rational | null {
  return rational(a.num * b.den - b.num * a.den, a.den * b.den);
}

export function mul(a: Rational, b: Rational): Rational | null {
  return rational(a.num * b.num, a.den * b.den);
}

export function div(a: Rational, b: Rational): Rational | null {
  return rational(a.num * b.den, a.den * b.num);
}

export function neg(a: Rational): Rational {
  return { num: -a.num, den: a.den };
}

/** a^k for an integer k; null when the result would exceed the size cap. */
export function powInt(a: Rational, k: bigint): Rational | null {
  if (k === 0n) return a.num === 0n ? null : ONE;
  const bits = BigInt(a.num.toString(16).length + a.den.toString(16).length) * 4n;
  if (bits * abs(k) > MAX_BITS * 2n) return null;
  const e = abs(k);
  const r = rational(a.num ** e, a.den ** e);
  if (!r) return null;
  return k < 0n ? rational(r.den, r.num) : r;
}

export function isInteger(a: Rational): boolean {
  return a.den === 1n;
}

export function equals(a: Rational, b: Rational): boolean {
  return a.num === b.num && a.den === b.den;
}

export function compare(a: Rational, b: Rational): number {
  const d = a.num * b.den - b.num * a.den;
  return d === 0n ? 0 : d < 0n ? -1 : 1;
}

export function toNumber(a: Rational): number {
  const n = Number(a.num);
  const d = Number(a.den);
  if (Number.isFinite(n) && Number.isFinite(d)) return n / d;
  // Scale both down to keep the quotient representable.
  const shift = BigInt(Math.max(a.num.toString(2).length, a.den.toString(2).length) - 1000);
  return Number(a.num >> shift) / Number(a.den >> shift);
}

export function toString(a: Rational): string {
  return a.den === 1n ? a.num.toString() : `${a.num}/${a.den}`;
}
