// Equations and inequalities: "x-2y+z-1=0" ~ "2x-4y+2z=2", "x <= 1" ~ "-x >= -1",
// "-2 <= x <= 7" ~ "[-2, 7]".
import type { Node, RelOp } from './ast.ts';
import { proportional, type Verdict } from './compare-scalar.ts';
import { isLabel } from './normalize-node.ts';

type Rel = Extract<Node, { type: 'rel' }>;
type Cmp = (a: Node, b: Node) => Verdict;

const INEQ = new Set<RelOp>(['<', '<=', '>', '>=']);
const FLIP: Partial<Record<RelOp, RelOp>> = { '<': '>', '>': '<', '<=': '>=', '>=': '<=', '=': '=', '!=': '!=' };

const minus = (l: Node, r: Node): Node => ({ type: 'add', terms: [l, { type: 'neg', arg: r }] });

function sameShape(a: Rel, b: Rel, cmp: Cmp): Verdict {
  if (a.ops.length !== b.ops.length) return false;
  const forward = a.ops.every((o, i) => o === b.ops[i]);
  const reversed = a.ops.every((o, i) => FLIP[o] === b.ops[b.ops.length - 1 - i]);
  let unknown = false;
  for (const [ok, items] of [[forward, b.items], [reversed, b.items.slice().reverse()]] as const) {
    if (!ok) continue;
    const verdicts = a.items.map((x, i) => cmp(x, items[i]));
    if (verdicts.every((v) => v === true)) return true;
    if (verdicts.some((v) => v === null)) unknown = true;
  }
  return unknown ? null : false;
}

/** lhs - rhs with the relation turned into "< 0" or "<= 0" form. */
function oneSided(r: Rel): { f: Node; op: RelOp } | null {
  if (r.ops.length !== 1) return null;
  const [l, rhs] = r.items;
  const op = r.ops[0];
  if (op === '>' || op === '>=') return { f: minus(rhs, l), op: op === '>' ? '<' : '<=' };
  return { f: minus(l, rhs), op };
}

export function compareRelations(a: Rel, b: Rel, cmp: Cmp): Verdict {
  const shape = sameShape(a, b, cmp);
  if (shape === true) return true;
  const sa = oneSided(a);
  const sb = oneSided(b);
  if (sa && sb) {
    if (sa.op !== sb.op) return false;
    if (sa.op === '=' || sa.op === '!=') return proportional(sa.f, sb.f, false);
    if (INEQ.has(sa.op)) return proportional(sa.f, sb.f, true);
    return shape;
  }
  const ia = relationToInterval(a);
  const ib = relationToInterval(b);
  if (ia && ib) return cmp(ia, ib);
  return shape;
}

const INF: Node = { type: 'sym', name: 'inf' };
const NEG_INF: Node = { type: 'neg', arg: INF };

/** "a < x <= b" -> (a, b]; "x >= a" -> [a, \infty). Null when not of that form. */
export function relationToInterval(r: Rel): Node | null {
  if (!r.ops.every((o) => INEQ.has(o))) return null;
  let { ops, items } = r;
  if (ops.every((o) => o === '>' || o === '>=')) {
    items = items.slice().reverse();
    ops = ops.slice().reverse().map((o) => FLIP[o]!);
  }
  if (!ops.every((o) => o === '<' || o === '<=')) return null;
  const open = (o: RelOp) => (o === '<' ? '(' : '[');
  const close = (o: RelOp) => (o === '<' ? ')' : ']');
  if (items.length === 3 && isLabel(items[1])) {
    return { type: 'tuple', open: open(ops[0]), close: close(ops[1]), items: [items[0], items[2]] };
  }
  if (items.length === 2 && isLabel(items[0])) return { type: 'tuple', open: '(', close: close(ops[0]), items: [NEG_INF, items[1]] };
  if (items.length === 2 && isLabel(items[1])) return { type: 'tuple', open: open(ops[0]), close: ')', items: [items[0], INF] };
  return null;
}
