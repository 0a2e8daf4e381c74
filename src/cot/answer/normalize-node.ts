// Tree-level normalisation of one parsed answer: "x = 3" -> 3, "x = 5+5+1 = 11" -> x = 11,
// "x \approx 11" -> 11, "x \in [a,b]" -> [a,b], a ± b -> {a+b, a-b}, products of numeric matrices.
import type { Node, RelOp } from './ast.ts';
import { evalExact, freeSymbols } from './evaluate.ts';
import * as Q from './rational.ts';
import type { Rational } from './rational.ts';

/** A left-hand side that only names the answer: x, x_1, AB, f(x), |AB|, (p,q). */
export function isLabel(n: Node): boolean {
  switch (n.type) {
    case 'sym': return n.name !== 'pi' && n.name !== 'inf';
    case 'fn': return n.name === 'abs' && isLabel(n.args[0]);
    case 'tuple': return n.open === '(' && n.items.every(isLabel);
    case 'mul': return n.factors[0].type === 'sym' && n.factors.every((f) => f.type === 'sym' || f.type === 'num' || (f.type === 'tuple' && f.items.every((i) => i.type === 'sym' || i.type === 'num')));
    default: return false;
  }
}

export function normalizeNode(n: Node): Node {
  switch (n.type) {
    case 'rel': return normalizeRelation(n.ops, n.items);
    case 'list': return flattenList(n.items.map(normalizeNode));
    case 'pm': return expandPm(n.left, n.right);
    case 'mul': return matrixProduct(n.factors) ?? n;
    default: return n;
  }
}

function flattenList(items: Node[]): Node {
  const out: Node[] = [];
  for (const item of items) {
    if (item.type === 'list') out.push(...item.items);
    else out.push(item);
  }
  return out.length === 1 ? out[0] : { type: 'list', items: out };
}

function expandPm(left: Node | null, right: Node): Node {
  if (!left) return { type: 'list', items: [right, { type: 'neg', arg: right }] };
  return { type: 'list', items: [{ type: 'add', terms: [left, right] }, { type: 'add', terms: [left, { type: 'neg', arg: right }] }] };
}

function normalizeRelation(opsIn: RelOp[], itemsIn: Node[]): Node {
  let ops = opsIn.slice();
  let items = itemsIn.slice();
  const approx = ops.indexOf('~');
  if (approx > 0) {
    ops = ops.slice(0, approx);
    items = items.slice(0, approx + 1);
  } else if (approx === 0) {
    ops = ['='];
    items = items.slice(0, 2);
  }
  if (ops.length >= 2 && ops.every((o) => o === '=')) {
    items = [items[0], items[items.length - 1]];
    ops = ['='];
  }
  if (ops.length === 1 && (ops[0] === '=' || ops[0] === 'in') && isLabel(items[0])) return normalizeNode(items[1]);
  // "2 \cdot 3 = 6": a computation ending in its result.
  if (ops.length === 1 && ops[0] === '=' && freeSymbols(items[0]).size === 0 && freeSymbols(items[1]).size === 0) return normalizeNode(items[1]);
  return { type: 'rel', ops, items };
}

function matrixProduct(factors: Node[]): Node | null {
  if (factors.length < 2 || !factors.every((f) => f.type === 'matrix')) return null;
  let acc: Rational[][] | null = toExact(factors[0]);
  for (const f of factors.slice(1)) {
    const m = toExact(f);
    if (!acc || !m || acc[0].length !== m.length) return null;
    acc = multiply(acc, m);
  }
  if (!acc) return null;
  return { type: 'matrix', rows: acc.map((row) => row.map((value) => ({ type: 'num', value, decimals: 0 }) as Node)) };
}

function toExact(n: Node): Rational[][] | null {
  if (n.type !== 'matrix') return null;
  const rows = n.rows.map((r) => r.map((cell) => evalExact(cell)));
  const width = rows[0].length;
  if (rows.some((r) => r.length !== width || r.some((v) => !v))) return null;
  return rows as Rational[][];
}

function multiply(a: Rational[][], b: Rational[][]): Rational[][] | null {
  const out: Rational[][] = [];
  for (const row of a) {
    const outRow: Rational[] = [];
    for (let j = 0; j < b[0].length; j++) {
      let acc: Rational | null = Q.ZERO;
      for (let k = 0; k < row.length && acc; k++) {
        const p = Q.mul(row[k], b[k][j]);
        acc = p && Q.add(acc, p);
      }
      if (!acc) return null;
      outRow.push(acc);
    }
    out.push(outRow);
  }
  return out;
}
