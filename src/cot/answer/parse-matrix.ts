// \begin{pmatrix} … \end{pmatrix} and friends: cells split by & and rows by \\.
import type { Node } from './ast.ts';
import type { Parser } from './parse.ts';

const MATRIX_ENVS = new Set(['pmatrix', 'bmatrix', 'Bmatrix', 'matrix', 'smallmatrix', 'array', 'vmatrix', 'Vmatrix']);

export function parseEnvironment(p: Parser, env: string): Node {
  if (!MATRIX_ENVS.has(env)) p.fail(`unsupported environment ${env}`);
  const rows: Node[][] = [];
  let row: Node[] = [];
  for (;;) {
    const t = p.peek();
    if (!t) p.fail('unclosed environment');
    if (t.kind === 'end') {
      p.next();
      if (t.text !== env) p.fail('mismatched environment');
      break;
    }
    if (t.kind === 'op' && t.text === '&') { p.next(); continue; }
    if (t.kind === 'op' && t.text === '\\\\') {
      p.next();
      rows.push(row);
      row = [];
      continue;
    }
    row.push(p.relation());
    const after = p.peek();
    if (after && !(after.kind === 'end' || (after.kind === 'op' && (after.text === '&' || after.text === '\\\\')))) {
      p.fail('unexpected token in matrix cell');
    }
  }
  if (row.length) rows.push(row);
  const kept = rows.filter((r) => r.length > 0);
  if (kept.length === 0) p.fail('empty matrix');
  const node: Node = { type: 'matrix', rows: kept };
  return env === 'vmatrix' ? { type: 'fn', name: 'det', args: [node] } : node;
}
