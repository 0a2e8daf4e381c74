// Atoms introduced by a LaTeX command: \frac, \sqrt[n]{}, \binom, functions (\sin, \log_b),
// constants, \pm, floor/ceil/abs delimiters, \langle…\rangle.
import type { Node } from './ast.ts';
import { sym } from './ast.ts';
import type { Parser } from './parse.ts';

export const FUNCTIONS = new Set(['sin', 'cos', 'tan', 'sec', 'csc', 'cot', 'arcsin', 'arccos', 'arctan', 'sinh', 'cosh',
  'tanh', 'log', 'ln', 'lg', 'exp', 'sqrt']);
// Constructs we do not evaluate: an answer holding one is undecidable rather than misread.
const UNSUPPORTED = new Set(['sum', 'prod', 'int', 'lim', 'over', 'to', 'rightarrow', 'Rightarrow', 'implies', 'iff',
  'max', 'min', 'gcd', 'lcm', 'wedge', 'vee', 'land', 'lor', 'neg', 'lnot', 'setminus', 'cap', 'notin', 'deg']);

export function commandAtom(p: Parser, name: string): Node {
  if (name === 'frac') { const n = p.arg(); return { type: 'div', num: n, den: p.arg() }; }
  if (name === 'sqrt') return sqrt(p);
  if (name === 'binom') { const n = p.arg(); return { type: 'fn', name: 'binom', args: [n, p.arg()] }; }
  if (name === 'pi') return sym('pi');
  if (name === 'infty' || name === 'inf') return sym('inf');
  if (name === 'boxed' || name === 'fbox') return p.arg();
  if (name === 'ldots' || name === 'cdots' || name === 'dots' || name === 'vdots') return { type: 'opaque', key: '...' };
  if (name === 'emptyset' || name === 'varnothing') return { type: 'set', items: [] };
  if (name === 'pm' || name === 'mp') return { type: 'pm', left: null, right: p.unary() };
  if (name === 'lfloor' || name === 'lceil') return delimited(p, name === 'lfloor' ? 'floor' : 'ceil', name === 'lfloor' ? 'rfloor' : 'rceil');
  if (name === 'vert' || name === 'lvert' || name === 'mid') return delimited(p, 'abs', name === 'lvert' ? 'rvert' : name);
  if (name === 'langle') { const inner = p.list(); closeCmd(p, 'rangle'); return { type: 'tuple', open: '(', close: ')', items: inner.type === 'list' ? inner.items : [inner] }; }
  if (FUNCTIONS.has(name)) return functionCall(p, name);
  if (UNSUPPORTED.has(name)) p.fail(`unsupported \\${name}`);
  return sym(name);
}

function delimited(p: Parser, fn: string, close: string): Node {
  const inner = p.sum();
  closeCmd(p, close);
  return { type: 'fn', name: fn, args: [inner] };
}

function closeCmd(p: Parser, name: string): void {
  const t = p.next();
  if (t.kind !== 'cmd' || t.text !== name) p.fail(`expected \\${name}`);
}

function functionCall(p: Parser, name: string): Node {
  let base: Node | null = null;
  if (name === 'log' && p.isOp('_')) { p.next(); base = p.arg(); }
  let power: Node | null = null;
  if (p.isOp('^')) { p.next(); power = p.arg(); }
  const argument = p.isOp('(') ? p.atom() : p.unary();
  let call: Node = base ? { type: 'fn', name: 'logb', args: [base, argument] } : { type: 'fn', name, args: [argument] };
  if (power) call = { type: 'pow', base: call, exp: power };
  return call;
}

function sqrt(p: Parser): Node {
  let index: Node | null = null;
  if (p.isOp('[')) { p.next(); index = p.sum(); p.expectOp(']'); }
  let radicand = p.arg();
  if (radicand.type === 'list' && radicand.items.length === 0 && p.isOp('{')) radicand = p.group(); // \sqrt{}{3}
  return index ? { type: 'fn', name: 'root', args: [radicand, index] } : { type: 'fn', name: 'sqrt', args: [radicand] };
}
