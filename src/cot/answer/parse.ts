// Recursive-descent parser from tokens to the expression tree (ast.ts). Lowest precedence first:
// list (, ; and or) > relation chain > union > sum > product (explicit and implicit) > unary > power.
import type { Node, RelOp } from './ast.ts';
import { num, sym } from './ast.ts';
import { parseDecimal } from './rational.ts';
import type { Token } from './tokenize.ts';
import { parseEnvironment } from './parse-matrix.ts';
import { commandAtom, FUNCTIONS } from './parse-commands.ts';
import { mixedNumber } from './parse-mixed.ts';

// Not an Error subclass: parse failures are routine and capturing a stack for each is costly.
class ParseError {
  constructor(readonly message: string) {}
}

const MAX_DEPTH = 120;
const REL_OPS: Record<string, RelOp> = {
  '=': '=', '<': '<', '>': '>', '<=': '<=', '>=': '>=', '!=': '!=', le: '<=', leq: '<=', ge: '>=', geq: '>=',
  lt: '<', gt: '>', ne: '!=', neq: '!=', approx: '~', sim: '~', equiv: '=', in: 'in',
};
const CONNECTORS = new Set(['and', 'or']);
const CONNECTOR_TEXT = /(?:^|\s)(?:and|or)(?:\s|$)/i;
const PERCENT_WORDS = new Set(['percent', 'percentage', 'pct']);

export class Parser {
  private pos = 0;
  private depth = 0;
  constructor(private readonly tokens: Token[]) {}

  peek(offset = 0): Token | undefined {
    return this.tokens[this.pos + offset];
  }
  next(): Token {
    const t = this.tokens[this.pos++];
    if (!t) throw new ParseError('unexpected end');
    return t;
  }
  isOp(text: string, offset = 0): boolean {
    const t = this.peek(offset);
    return !!t && t.kind === 'op' && t.text === text;
  }
  isCmd(text: string, offset = 0): boolean {
    const t = this.peek(offset);
    return !!t && t.kind === 'cmd' && t.text === text;
  }
  expectOp(...texts: string[]): string {
    const t = this.next();
    if (t.kind !== 'op' || !texts.includes(t.text)) throw new ParseError(`expected ${texts.join(' ')}`);
    return t.text;
  }
  fail(message: string): never {
    throw new ParseError(message);
  }
  atEnd(): boolean {
    return this.pos >= this.tokens.length;
  }
  /** Absolute token access and position, for the helper modules (mixed numbers). */
  tokenAt(index: number): Token | undefined {
    return this.tokens[index];
  }
  position(): number {
    return this.pos;
  }
  skip(count: number): void {
    this.pos += count;
  }

  private isSeparator(): boolean {
    const t = this.peek();
    if (!t) return false;
    if (t.kind === 'op') return t.text === ',' || t.text === ';';
    if (t.kind === 'word') return CONNECTORS.has(t.text.toLowerCase());
    if (t.kind === 'text') return CONNECTOR_TEXT.test(t.text); // "12\text{ and }13", "3 \text{ hours and } 24"
    return false;
  }

  list(): Node {
    const items = [this.relation()];
    while (this.isSeparator()) {
      while (this.isSeparator()) this.pos++;
      if (this.atEnd() || this.isClosing()) break;
      items.push(this.relation());
    }
    return items.length === 1 ? items[0] : { type: 'list', items };
  }

  private isClosing(): boolean {
    const t = this.peek();
    return !!t && ((t.kind === 'op' && [')', ']', '}', '\\}', '&', '\\\\'].includes(t.text)) || t.kind === 'end');
  }

  relation(): Node {
    const items = [this.union()];
    const ops: RelOp[] = [];
    for (;;) {
      const t = this.peek();
      const op = t && (t.kind === 'op' || t.kind === 'cmd') ? REL_OPS[t.text] : undefined;
      if (!op) break;
      this.pos++;
      ops.push(op);
      items.push(this.union());
    }
    return ops.length ? { type: 'rel', ops, items } : items[0];
  }

  private union(): Node {
    const items = [this.sum()];
    while (this.isCmd('cup') || (this.peek()?.kind === 'id' && this.peek()?.text === 'U' && this.peek(1)?.kind === 'op')) {
      this.pos++;
      items.push(this.sum());
    }
    return items.length === 1 ? items[0] : { type: 'union', items };
  }

  sum(): Node {
    let acc: Node;
    if (this.isCmd('pm') || this.isCmd('mp')) {
      this.pos++;
      acc = { type: 'pm', left: null, right: this.product() };
    } else {
      acc = this.product();
    }
    const terms: Node[] = [acc];
    for (;;) {
      if (this.isOp('+')) { this.pos++; terms.push(this.product()); }
      else if (this.isOp('-')) { this.pos++; terms.push({ type: 'neg', arg: this.product() }); }
      else if (this.isCmd('pm') || this.isCmd('mp')) {
        this.pos++;
        const left: Node = terms.length === 1 ? terms[0] : { type: 'add', terms: terms.slice() };
        terms.length = 0;
        terms.push({ type: 'pm', left, right: this.product() });
      } else break;
    }
    return terms.length === 1 ? terms[0] : { type: 'add', terms };
  }

  private product(): Node {
    const start = this.pos;
    const factors: Node[] = [this.unary()];
    const mixed = mixedNumber(this, start, factors[0]);
    if (mixed) factors[0] = this.postfixOps(mixed);
    for (;;) {
      const t = this.peek();
      if (!t) break;
      if ((t.kind === 'op' && t.text === '*') || (t.kind === 'cmd' && (t.text === 'cdot' || t.text === 'times'))) {
        this.pos++;
        factors.push(this.unary());
      } else if ((t.kind === 'op' && t.text === '/') || (t.kind === 'cmd' && t.text === 'div')) {
        this.pos++;
        const den = this.unary();
        const numer: Node = factors.length === 1 ? factors[0] : { type: 'mul', factors: factors.slice() };
        factors.length = 0;
        factors.push({ type: 'div', num: numer, den });
      } else if (this.isUnit(t)) {
        this.pos++; // "5 cm", "10\text{ units}", "3 \text{m}^2": units do not change the value
        if (this.isOp('^')) { this.pos++; this.arg(); }
      } else if (this.startsAtom(t)) {
        factors.push(this.unary());
      } else break;
    }
    return factors.length === 1 ? factors[0] : { type: 'mul', factors };
  }

  private isUnit(t: Token): boolean {
    if (t.kind === 'text') return !CONNECTOR_TEXT.test(t.text) && !PERCENT_WORDS.has(t.text); // "12 \mathrm{m}^2"
    return t.kind === 'word' && !CONNECTORS.has(t.text) && !PERCENT_WORDS.has(t.text) && !FUNCTIONS.has(t.text) &&
      !['pi', 'inf', 'infinity', 'infty', 'oo'].includes(t.text);
  }

  startsAtom(t: Token): boolean {
    if (t.kind === 'num' || t.kind === 'id' || t.kind === 'begin') return true;
    if (t.kind === 'op') return t.text === '(' || t.text === '{' || t.text === '\\{';
    if (t.kind === 'cmd') return ['frac', 'sqrt', 'pi', 'infty', 'inf', 'binom', 'boxed', 'fbox', 'lfloor', 'lceil', 'langle'].includes(t.text) || FUNCTIONS.has(t.text);
    if (t.kind === 'word') return FUNCTIONS.has(t.text) || t.text === 'pi';
    return false;
  }

  unary(): Node {
    if (++this.depth > MAX_DEPTH) this.fail('too deep');
    try {
      if (this.isOp('-')) { this.pos++; return { type: 'neg', arg: this.unary() }; }
      if (this.isOp('+')) { this.pos++; return this.unary(); }
      return this.power();
    } finally {
      this.depth--;
    }
  }

  private power(): Node {
    let base = this.postfix();
    if (this.isOp('^')) {
      this.pos++;
      const exp = this.isOp('-') ? (this.pos++, { type: 'neg', arg: this.postfix() } as Node) : this.postfix();
      base = { type: 'pow', base, exp };
      base = this.postfixOps(base);
    }
    return base;
  }

  private postfix(): Node {
    return this.postfixOps(this.atom());
  }

  postfixOps(node: Node): Node {
    for (;;) {
      const t = this.peek();
      if (!t) return node;
      if (t.kind === 'op' && t.text === '!' && !this.isOp('=', 1)) { this.pos++; node = { type: 'fn', name: 'factorial', args: [node] }; }
      else if ((t.kind === 'op' && t.text === '%') || ((t.kind === 'word' || t.kind === 'text') && PERCENT_WORDS.has(t.text))) { this.pos++; node = { type: 'percent', arg: node }; }
      else if (t.kind === 'op' && t.text === '_') { this.pos++; node = this.subscript(node); }
      else if (t.kind === 'cmd' && t.text === 'degree') { this.pos++; node = { type: 'fn', name: 'degrees', args: [node] }; }
      else if (t.kind === 'op' && t.text === "'") { this.pos++; node = node.type === 'sym' ? sym(`${node.name}'`) : node; }
      else return node;
    }
  }

  private subscript(base: Node): Node {
    const sub = this.arg();
    const key = nodeKey(sub);
    if (base.type === 'sym') return sym(`${base.name}_${key}`);
    if (base.type === 'num') return { type: 'opaque', key: `${nodeKey(base)}_${key}` };
    return this.fail('subscript on an expression');
  }

  /** One macro argument: a {group}, a single digit of a longer number (\frac13), or one atom. */
  arg(): Node {
    const t = this.peek();
    if (!t) this.fail('missing argument');
    if (t.kind === 'op' && t.text === '{') return this.group();
    if (t.kind === 'num' && t.text.length > 1 && !t.text.includes('.')) {
      this.tokens[this.pos] = { ...t, text: t.text.slice(1), space: false };
      return num(parseDecimal(t.text[0])!);
    }
    return this.atom();
  }

  group(): Node {
    this.expectOp('{');
    if (this.isOp('}')) { this.pos++; return { type: 'list', items: [] }; }
    const inner = this.list();
    if (!this.atEnd()) this.expectOp('}'); // an unclosed final group is read as closed
    return inner;
  }

  atom(): Node {
    const t = this.next();
    switch (t.kind) {
      case 'num': {
        const value = parseDecimal(t.text);
        if (!value) this.fail('bad number');
        return num(value, t.text.includes('.') ? t.text.length - t.text.indexOf('.') - 1 : 0);
      }
      case 'id': return sym(t.text);
      case 'word': return this.wordAtom(t.text);
      case 'text': return textAtom(t.text);
      case 'cmd': return commandAtom(this, t.text);
      case 'begin': return parseEnvironment(this, t.text);
      case 'end': return this.fail('unexpected end of environment');
      case 'op': return this.bracketAtom(t.text);
    }
  }

  private wordAtom(word: string): Node {
    if (word === 'pi') return sym('pi');
    if (['inf', 'infinity', 'infty', 'oo'].includes(word)) return sym('inf');
    if (FUNCTIONS.has(word)) return { type: 'fn', name: word, args: [this.unary()] };
    return { type: 'text', text: word };
  }

  private bracketAtom(open: string): Node {
    if (open === '{') { this.pos--; return this.group(); }
    if (open === '\\{') {
      if (this.isOp('\\}')) { this.pos++; return { type: 'set', items: [] }; }
      const inner = this.list();
      this.expectOp('\\}');
      return { type: 'set', items: inner.type === 'list' ? inner.items : [inner] };
    }
    if (open === '|') { const inner = this.sum(); this.expectOp('|'); return { type: 'fn', name: 'abs', args: [inner] }; }
    if (open !== '(' && open !== '[') this.fail(`unexpected ${open}`);
    const inner = this.list();
    const close = this.expectOp(')', ']');
    if (inner.type === 'list') return { type: 'tuple', open, close, items: inner.items };
    if (open === '(' && close === ')') return inner;
    if (open === '[' && close === ']' && inner.type === 'matrix') return inner;
    return { type: 'tuple', open, close, items: [inner] };
  }
}

function textAtom(text: string): Node {
  const letter = /^\(?([a-zA-Z])\)?$/.exec(text);
  if (letter) return sym(letter[1]);
  return { type: 'text', text };
}

/** A stable string for a node, used for subscripts and opaque keys. */
function nodeKey(n: Node): string {
  switch (n.type) {
    case 'num': return `${n.value.num}/${n.value.den}`;
    case 'sym': return n.name;
    case 'opaque': return n.key;
    case 'text': return n.text;
    default: return JSON.stringify(n, (_k, v) => (typeof v === 'bigint' ? v.toString() : v));
  }
}

/** Parses a whole token list; null when it is not one well-formed answer. */
export function parseTokens(tokens: Token[]): Node | null {
  if (tokens.length === 0) return null;
  try {
    const p = new Parser(tokens);
    const node = p.list();
    return p.atEnd() ? node : null;
  } catch (error) {
    if (error instanceof ParseError) return null;
    throw error;
  }
}

