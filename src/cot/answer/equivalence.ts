// isEquivalent: extract an answer from each side, parse, normalise and compare.
// true / false are confident; null means "could not decide" (unparseable gold, domain errors…).
import type { Node } from './ast.ts';
import { findBoxes } from './boxed.ts';
import { compareNodes, type CompareContext } from './compare.ts';
import type { Verdict } from './compare-scalar.ts';
import { answerCandidates, type MatchType } from './extract.ts';
import { parseAnswer, surfaceKey } from './parse-answer.ts';

export interface EquivalenceOptions {
  /** Which extractors may read the texts (Math-Verify's match_types). Default: both. */
  matchTypes?: MatchType[];
  /** Allow a relation prediction to match a set gold ("x >= 1" vs "[1, \infty)"). Default true. */
  allowSetRelation?: boolean;
  /** false: an answer in one other variable also matches ("f(y)" for "f(x)"). Default true. */
  strict?: boolean;
  /** Reward mode (DeepScaleR/rllm): the prediction needs "</think>" and a \boxed answer after it; undecided counts as false. */
  requireThinkAndBoxed?: boolean;
}

interface Parsed {
  node: Node | null;
  text: string | null;
}

function firstParsed(text: string, matchTypes: MatchType[] | undefined): Parsed {
  let first: string | null = null;
  for (const c of answerCandidates(text, matchTypes)) {
    if (!c.text.trim()) continue;
    if (!c.whole) first ??= c.text;
    const node = parseAnswer(c.text, c);
    if (node) return { node, text: c.text };
  }
  return { node: null, text: first };
}

/** The boxed answer after </think>, or null (reward mode). */
function thinkBoxedAnswer(pred: string): string | null {
  const close = pred.lastIndexOf('</think>');
  if (close < 0) return null;
  const boxes = findBoxes(pred, close);
  const last = boxes[boxes.length - 1];
  if (!last) return null;
  const content = pred.slice(last.contentStart, last.contentEnd);
  return content.trim() ? content : null;
}

function renameSingleSymbol(n: Node, from: string, to: string): Node {
  return JSON.parse(JSON.stringify(n, (_k, v) => (typeof v === 'bigint' ? `${v}n` : v)), (_k, v) =>
    typeof v === 'string' && /^-?\d+n$/.test(v) ? BigInt(v.slice(0, -1)) : v === from ? to : v) as Node;
}

function compareParsed(gold: Node, pred: Node, options: EquivalenceOptions): Verdict {
  const exprOnly = options.matchTypes !== undefined && !options.matchTypes.includes('latex');
  const ctx: CompareContext = { allowSetRelation: options.allowSetRelation ?? true, percentLenient: !exprOnly };
  const verdict = compareNodes(gold, pred, ctx);
  if (verdict !== false || options.strict !== false) return verdict;
  // Non-strict: the same expression in another single variable.
  const goldSymbols = symbolsOf(gold);
  const predSymbols = symbolsOf(pred);
  const gs = [...goldSymbols].filter((s) => !predSymbols.has(s));
  const ps = [...predSymbols].filter((s) => !goldSymbols.has(s));
  if (gs.length === 1 && ps.length === 1) return compareNodes(gold, renameSingleSymbol(pred, ps[0], gs[0]), ctx);
  return verdict;
}

function symbolsOf(n: Node, out = new Set<string>()): Set<string> {
  if (n.type === 'sym' && n.name !== 'pi' && n.name !== 'inf') out.add(n.name);
  for (const v of Object.values(n)) {
    if (Array.isArray(v)) for (const c of v.flat()) { if (c && typeof c === 'object' && 'type' in c) symbolsOf(c as Node, out); }
    else if (v && typeof v === 'object' && 'type' in v) symbolsOf(v as Node, out);
  }
  return out;
}

/** Whether `pred` is mathematically equivalent to `gold`. */
export function isEquivalent(gold: string, pred: string, options: EquivalenceOptions = {}): Verdict {
  if (!gold.trim() || !pred.trim()) return false;
  let predText = pred;
  if (options.requireThinkAndBoxed) {
    const boxed = thinkBoxedAnswer(pred);
    if (boxed === null) return false;
    predText = boxed;
  }
  if (gold.trim() === predText.trim()) return true;
  const g = firstParsed(gold, options.matchTypes);
  const p = firstParsed(predText, options.matchTypes);
  if (p.text === null) return false; // the response gives no answer at all
  if (g.text !== null && surfaceKey(g.text) === surfaceKey(p.text) && surfaceKey(g.text) !== '') return true;
  const verdict = g.node && p.node ? compareParsed(g.node, p.node, options) : null;
  return verdict === null && options.requireThinkAndBoxed ? false : verdict;
}

/** Any-of gold answers (rllm passes several acceptable forms). */
export function isEquivalentToAny(golds: readonly string[], pred: string, options: EquivalenceOptions = {}): Verdict {
  let unknown = false;
  for (const gold of golds) {
    const v = isEquivalent(gold, pred, options);
    if (v === true) return true;
    if (v === null) unknown = true;
  }
  return unknown ? null : false;
}
