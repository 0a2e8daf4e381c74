// Mixed numbers: "4 4/9" = 40/9 and "918\frac{1}{2}" = 918.5. An improper or zero-denominator
// fraction part ("11 6/6", "4 0/0") is not a mixed number: it stays opaque and equals only itself.
import type { Node } from './ast.ts';
import { num } from './ast.ts';
import type { Parser } from './parse.ts';
import { parseDecimal } from './rational.ts';

/** "4 4/9" and "918\frac{1}{2}": whole part plus a proper fraction. */
export function mixedNumber(p: Parser, start: number, first: Node): Node | null {
  const signed = first.type === 'neg' && p.tokenAt(start)?.text === '-';
  const whole = p.tokenAt(signed ? start + 1 : start);
  const value = signed && first.type === 'neg' ? first.arg : first;
  if (p.position() !== start + (signed ? 2 : 1) || !whole || whole.kind !== 'num' || !/^\d+$/.test(whole.text) || value.type !== 'num') return null;
  const mixed = mixedTail(p, whole.text, value);
  if (!mixed || !signed) return mixed;
  return mixed.type === 'opaque' ? { type: 'opaque', key: `-${mixed.key}` } : { type: 'neg', arg: mixed };
}

function mixedTail(p: Parser, wholeText: string, first: Node): Node | null {
  let n: string | undefined;
  let d: string | undefined;
  const a = p.peek(), b = p.peek(1), c = p.peek(2);
  if (a?.kind === 'num' && a.space && b?.kind === 'op' && b.text === '/' && c?.kind === 'num' && !p.isOp('^', 3)) {
    n = a.text; d = c.text;
    if (!/^\d+$/.test(n) || !/^\d+$/.test(d)) return null;
    p.skip(3);
  } else if (a?.kind === 'cmd' && a.text === 'frac') {
    const m = /^\{(\d+)\}\{(\d+)\}$/.exec([1, 2, 3, 4, 5, 6].map((k) => p.peek(k)?.text ?? '').join(''));
    if (!m) return null;
    n = m[1]; d = m[2];
    p.skip(7);
  } else return null;
  const key = `${wholeText} ${n}/${d}`;
  if (BigInt(d) === 0n || BigInt(n) >= BigInt(d)) return { type: 'opaque', key };
  return { type: 'add', terms: [first, { type: 'div', num: num(parseDecimal(n)!), den: num(parseDecimal(d)!) }] };
}
