// Expression tree produced by the answer parser. Small and closed, so every consumer can switch
// over `type` exhaustively.
import type { Rational } from './rational.ts';

export type RelOp = '=' | '<' | '<=' | '>' | '>=' | '!=' | '~' | 'in';

export type Node =
  /** A number as written; `decimals` counts digits after the point (for the precision rule). */
  | { type: 'num'; value: Rational; decimals: number }
  | { type: 'sym'; name: string }
  /** Something we keep but cannot compute with (invalid mixed number, base-n numeral): equal only to itself. */
  | { type: 'opaque'; key: string }
  | { type: 'text'; text: string }
  | { type: 'add'; terms: Node[] }
  | { type: 'mul'; factors: Node[] }
  | { type: 'div'; num: Node; den: Node }
  | { type: 'neg'; arg: Node }
  | { type: 'pow'; base: Node; exp: Node }
  | { type: 'fn'; name: string; args: Node[] }
  | { type: 'pm'; left: Node | null; right: Node }
  | { type: 'percent'; arg: Node }
  /** Bracketed sequence: tuples, points, intervals. `open`/`close` are the bracket characters. */
  | { type: 'tuple'; open: string; close: string; items: Node[] }
  /** An explicit set `\{…\}`. */
  | { type: 'set'; items: Node[] }
  /** A bare comma / "and" / "or" separated list. */
  | { type: 'list'; items: Node[] }
  | { type: 'union'; items: Node[] }
  | { type: 'matrix'; rows: Node[][] }
  /** A relation chain: items[0] ops[0] items[1] ops[1] items[2] … */
  | { type: 'rel'; ops: RelOp[]; items: Node[] };

export const num = (value: Rational, decimals = 0): Node => ({ type: 'num', value, decimals });
export const sym = (name: string): Node => ({ type: 'sym', name });
