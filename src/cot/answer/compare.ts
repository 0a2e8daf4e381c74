// Structural comparison of two normalised answers: tuples and intervals in order, lists and sets
// in any order, matrices cell by cell, relations by rearrangement; scalars go to compare-scalar.
import type { Node } from './ast.ts';
import { compareScalar, type Verdict } from './compare-scalar.ts';
import { compareRelations, relationToInterval } from './compare-relation.ts';
import { normalizeNode } from './normalize-node.ts';
import { children } from './evaluate.ts';

export interface CompareContext {
  /** Let a relation prediction match a set gold (`x >= 1` vs `[1, \infty)`). Relation gold vs set pred is always allowed. */
  allowSetRelation: boolean;
  /** A percent on one side only may also match the bare number ("10\\%" vs "10"); off for plain-number matching. */
  percentLenient: boolean;
}

const MAX_ITEMS = 64;

const isSeq = (n: Node): boolean => n.type === 'tuple' || n.type === 'list' || n.type === 'set' || n.type === 'union';
const isSetLike = (n: Node): boolean => n.type === 'tuple' || n.type === 'union';

function normText(s: string): string {
  return s.toLowerCase().replace(/\\text|[\s{}()$\\]/g, '');
}

export function compareNodes(goldIn: Node, predIn: Node, ctx: CompareContext): Verdict {
  const a = normalizeNode(goldIn);
  const b = normalizeNode(predIn);
  if (ctx.percentLenient && (a.type === 'percent') !== (b.type === 'percent')) {
    // "20\%" vs "20": models and graders drop the percent sign freely.
    if (compareNodes(a.type === 'percent' ? a.arg : a, b.type === 'percent' ? b.arg : b, ctx) === true) return true;
  }
  if (isDegrees(a) !== isDegrees(b)) {
    // "90^\circ" vs "90" (same unit) or vs "\frac{\pi}{2}" (radians): either reading may be meant.
    if (compareNodes(isDegrees(a) ? degreeValue(a) : a, isDegrees(b) ? degreeValue(b) : b, ctx) === true) return true;
  }
  if (hasMatrixArithmetic(a) || hasMatrixArithmetic(b)) return null; // "2A", "A + B": not evaluated
  if (hasNestedStructure(a) !== hasNestedStructure(b)) return false;
  if (a.type === 'union' && b.type === 'list' && isRelationList(b)) return compareNodes(a, relationsAsUnion(b), ctx);
  if (b.type === 'union' && a.type === 'list' && isRelationList(a)) return compareNodes(relationsAsUnion(a), b, ctx);
  if (a.type === 'text' || b.type === 'text') return a.type === 'text' && b.type === 'text' && normText(a.text) === normText(b.text);
  if (a.type === 'opaque' || b.type === 'opaque') return a.type === 'opaque' && b.type === 'opaque' && a.key === b.key;
  if (a.type === 'rel' || b.type === 'rel') return compareWithRelation(a, b, ctx);
  if (a.type === 'matrix' || b.type === 'matrix') return compareMatrices(a, b, ctx);
  if (isSeq(a) || isSeq(b)) return compareSequences(a, b, ctx);
  return compareScalar(a, b);
}

/** A tuple, set or matrix inside arithmetic ("-[0,1)") cannot equal a number. */
function hasNestedStructure(n: Node): boolean {
  if (n.type === 'neg' || n.type === 'add' || n.type === 'mul' || n.type === 'div' || n.type === 'pow') {
    return children(n).some((c) => c.type === 'tuple' || c.type === 'set' || c.type === 'matrix' || c.type === 'union' || hasNestedStructure(c));
  }
  return false;
}

const isDegrees = (n: Node): boolean => n.type === 'fn' && n.name === 'degrees';
const degreeValue = (n: Node): Node => (n.type === 'fn' ? n.args[0] : n);

function hasMatrixArithmetic(n: Node): boolean {
  return n.type !== 'matrix' && n.type !== 'list' && n.type !== 'tuple' && n.type !== 'set' &&
    children(n).some((c) => c.type === 'matrix' || hasMatrixArithmetic(c));
}

/** A list of relations that each read as an interval ("-5 <= x <= 1 or 3 <= x <= 9"). */
function isRelationList(n: Node): boolean {
  return n.type === 'list' && n.items.every((i) => i.type === 'rel' && relationToInterval(i) !== null);
}

function relationsAsUnion(n: Node): Node {
  const items = n.type === 'list' ? n.items : [];
  return { type: 'union', items: items.map((i) => (i.type === 'rel' ? relationToInterval(i) : null) ?? i) };
}

function compareWithRelation(a: Node, b: Node, ctx: CompareContext): Verdict {
  if (a.type === 'rel' && b.type === 'rel') return compareRelations(a, b, (x, y) => compareNodes(x, y, ctx));
  if (a.type === 'rel' && isSetLike(b)) {
    const interval = relationToInterval(a);
    return interval ? compareNodes(interval, b, ctx) : false;
  }
  if (b.type === 'rel' && isSetLike(a) && ctx.allowSetRelation) {
    const interval = relationToInterval(b);
    return interval ? compareNodes(a, interval, ctx) : false;
  }
  return false;
}

function compareMatrices(a: Node, b: Node, ctx: CompareContext): Verdict {
  if (a.type !== 'matrix' || b.type !== 'matrix') return false;
  if (a.rows.length !== b.rows.length || a.rows.some((r, i) => r.length !== b.rows[i].length)) return false;
  return allOf(a.rows.flat(), b.rows.flat(), ctx);
}

function itemsOf(n: Node): Node[] {
  return n.type === 'tuple' || n.type === 'list' || n.type === 'set' || n.type === 'union' ? n.items : [n];
}

function compareSequences(a: Node, b: Node, ctx: CompareContext): Verdict {
  const ia = itemsOf(a);
  const ib = itemsOf(b);
  if (!isSeq(a) || !isSeq(b)) {
    // A one-element list against a scalar: "{840}" vs "840".
    if (ia.length === 1 && ib.length === 1 && (a.type !== 'tuple' || a.items.length === 1) && (b.type !== 'tuple' || b.items.length === 1)) {
      return compareNodes(ia[0], ib[0], ctx);
    }
    return false;
  }
  if (ia.length !== ib.length) return false;
  if (a.type === 'tuple' && b.type === 'tuple') {
    if (a.open !== b.open || a.close !== b.close) return false;
    return allOf(ia, ib, ctx);
  }
  if (a.type === 'union' || b.type === 'union') {
    if (a.type !== b.type) return false;
    return unordered(ia, ib, ctx);
  }
  // A point or interval is not an explicit set: [1,2] is not {1, 2}.
  if ((a.type === 'tuple' && b.type === 'set') || (a.type === 'set' && b.type === 'tuple')) return false;
  if (a.type === 'tuple' || b.type === 'tuple') return allOf(ia, ib, ctx);
  return unordered(ia, ib, ctx);
}

/** Element-wise, in order. */
function allOf(xs: Node[], ys: Node[], ctx: CompareContext): Verdict {
  let unknown = false;
  for (let i = 0; i < xs.length; i++) {
    const v = compareNodes(xs[i], ys[i], ctx);
    if (v === false) return false;
    if (v === null) unknown = true;
  }
  return unknown ? null : true;
}

/** As multisets: every gold item is matched by a distinct predicted item. */
function unordered(xs: Node[], ys: Node[], ctx: CompareContext): Verdict {
  if (xs.length > MAX_ITEMS) return allOf(xs, ys, ctx);
  const inOrder = allOf(xs, ys, ctx);
  if (inOrder === true) return true;
  const used = new Array<boolean>(ys.length).fill(false);
  let unknown = false;
  for (const x of xs) {
    let found = false;
    for (let j = 0; j < ys.length && !found; j++) {
      if (used[j]) continue;
      const v = compareNodes(x, ys[j], ctx);
      if (v === true) { used[j] = true; found = true; }
      else if (v === null) unknown = true;
    }
    if (!found) return unknown ? null : false;
  }
  return true;
}
