// One answer string -> expression tree, or null when it is not a single well-formed answer.
import type { Node } from './ast.ts';
import { cleanAnswer } from './clean.ts';
import { children } from './evaluate.ts';
import { parseTokens } from './parse.ts';
import { tokenize } from './tokenize.ts';

const MAX_ANSWER_CHARS = 2000;

/** Words may stand alone or as list items, never inside arithmetic ("Answer 9" is not a product). */
function wellFormed(n: Node, top: boolean): boolean {
  if (n.type === 'text') return top;
  const itemsAreTop = n.type === 'list' || n.type === 'set';
  return children(n).every((c) => wellFormed(c, itemsAreTop && top));
}

// Recently parsed answers: a gold answer is usually checked against many candidates.
const MEMO_SIZE = 2048;
const memo = new Map<string, Node | null>();

/** Forgets memoised parses (benchmarks measure cold parsing with it). */
export function clearAnswerMemo(): void {
  memo.clear();
}

/** Parses one answer string; trees are shared between calls, so callers must not mutate them. */
export function parseAnswer(raw: string, options: { decimalComma?: boolean } = {}): Node | null {
  if (raw.length > MAX_ANSWER_CHARS) return null;
  const key = options.decimalComma ? `,${raw}` : raw;
  const known = memo.get(key);
  if (known !== undefined) return known;
  const node = parseUncached(raw, options);
  if (memo.size >= MEMO_SIZE) memo.clear();
  memo.set(key, node);
  return node;
}

function parseUncached(raw: string, options: { decimalComma?: boolean }): Node | null {
  let s = cleanAnswer(raw);
  if (options.decimalComma) s = s.replace(/^([-+]?\d+),(\d{1,2})$/, '$1.$2');
  const tokens = tokenize(s);
  if (!tokens) return null;
  const node = parseTokens(tokens);
  return node && wellFormed(node, true) ? node : null;
}

/** Surface form used for the cheap "written identically" test. */
export function surfaceKey(raw: string): string {
  return cleanAnswer(raw).replace(/\\text\s*\{([^{}]*)\}/g, '$1').replace(/\s+/g, '');
}
