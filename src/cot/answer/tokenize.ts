// Tokenizer for LaTeX and plain-text math answers ("\frac{1}{2}", "x^2 + 2*x", "1,000", "28 pct").

export type TokenKind = 'num' | 'id' | 'word' | 'cmd' | 'text' | 'op' | 'begin' | 'end';

export interface Token {
  kind: TokenKind;
  text: string;
  /** Whitespace right before this token (mixed numbers "4 4/9" need it). */
  space: boolean;
}

const GREEK = new Set(('alpha beta gamma delta epsilon varepsilon zeta eta theta vartheta iota kappa lambda mu nu xi ' +
  'omicron rho sigma tau upsilon phi varphi chi psi omega Gamma Delta Theta Lambda Xi Pi Sigma Phi Psi Omega ell').split(' '));

const COMMANDS = new Set(('frac sqrt binom pi infty inf cdot times div pm mp le leq ge geq lt gt ne neq approx equiv sim ' +
  'in notin cup cap setminus emptyset varnothing sin cos tan sec csc cot arcsin arccos arctan sinh cosh tanh log ln lg exp ' +
  'text boxed fbox begin end ldots cdots dots vdots quad qquad to rightarrow Rightarrow implies iff mid vert lvert rvert ' +
  'lfloor rfloor lceil rceil langle rangle degree max min gcd lcm deg sum prod int lim over wedge vee land lor neg lnot').split(' '));

const PLAIN_WORDS = new Set(['sin', 'cos', 'tan', 'log', 'ln', 'exp', 'sqrt', 'pi', 'inf', 'infinity', 'infty',
  'and', 'or', 'percent', 'percentage', 'pct', 'sec', 'csc', 'cot', 'arcsin', 'arccos', 'arctan', 'oo']);

const MAX_TOKENS = 4000;

/** Splits an unknown command like "\lex" or "\quadx" into a known command plus letters. */
function splitCommand(name: string): [string, string] {
  if (COMMANDS.has(name) || GREEK.has(name)) return [name, ''];
  for (let len = name.length - 1; len >= 2; len--) {
    const head = name.slice(0, len);
    if (COMMANDS.has(head) || GREEK.has(head)) return [head, name.slice(len)];
  }
  return [name, ''];
}

function readGroup(s: string, open: number): number {
  // Returns the index of the brace matching s[open] === '{', or -1.
  let depth = 0;
  for (let i = open; i < s.length; i++) {
    const c = s[i];
    if (c === '\\') { i++; continue; }
    if (c === '{') depth++;
    else if (c === '}' && --depth === 0) return i;
  }
  return -1;
}

function pushLetters(out: Token[], run: string, space: boolean): void {
  if (PLAIN_WORDS.has(run) || PLAIN_WORDS.has(run.toLowerCase())) {
    out.push({ kind: 'word', text: run.toLowerCase(), space });
    return;
  }
  const connector = /^(and|or)([a-zA-Z]{1,2})$/.exec(run);
  if (connector) {
    out.push({ kind: 'word', text: connector[1], space });
    pushLetters(out, connector[2], false);
    return;
  }
  if (run.length >= 3) {
    out.push({ kind: 'word', text: run, space });
    return;
  }
  for (let i = 0; i < run.length; i++) out.push({ kind: 'id', text: run[i], space: space && i === 0 });
}

const TWO_CHAR_OPS = new Set(['<=', '>=', '!=', '==', '**', '=>', '->', '\\\\']);

/** Tokenizes a cleaned answer; null when the input is too long to be an answer. */
export function tokenize(s: string): Token[] | null {
  const out: Token[] = [];
  let i = 0;
  let space = false;
  while (i < s.length) {
    if (out.length > MAX_TOKENS) return null;
    const c = s[i];
    if (c === ' ' || c === '\n' || c === '\t' || c === '\r') { space = true; i++; continue; }
    const rest = s.slice(i, i + 2);
    if (/[0-9]/.test(c) || (c === '.' && /[0-9]/.test(s[i + 1] ?? ''))) {
      const m = /^(?:\d{1,3}(?:,\d{3})+(?![\d])|\d*)(?:\.\d+)?/.exec(s.slice(i, i + 200));
      const text = m && m[0] ? m[0] : c;
      out.push({ kind: 'num', text: text.replace(/,/g, ''), space });
      i += text.length;
    } else if (/[a-zA-Z]/.test(c)) {
      const run = /^[a-zA-Z]+/.exec(s.slice(i, i + 100))![0];
      pushLetters(out, run, space);
      i += run.length;
    } else if (c === '\\') {
      i = readCommand(s, i, out, space);
    } else if (TWO_CHAR_OPS.has(rest)) {
      out.push({ kind: 'op', text: rest === '**' ? '^' : rest === '==' ? '=' : rest, space });
      i += 2;
    } else {
      out.push({ kind: 'op', text: c, space });
      i++;
    }
    space = false;
  }
  return joinSpaceThousands(out);
}

function readCommand(s: string, i: number, out: Token[], space: boolean): number {
  const next = s[i + 1] ?? '';
  if (!/[a-zA-Z]/.test(next)) {
    // \{ \} \% \\ and friends
    const text = next === '\\' ? '\\\\' : next === '{' ? '\\{' : next === '}' ? '\\}' : next === '%' ? '%' : next === '|' ? '|' : '';
    if (text) out.push({ kind: 'op', text, space });
    return i + 2;
  }
  const name = /^[a-zA-Z]+/.exec(s.slice(i + 1, i + 60))![0];
  let end = i + 1 + name.length;
  const [head, tail] = splitCommand(name);
  if (head === 'text' || head === 'textrm') {
    const open = s.slice(end).search(/\S/) + end;
    if (s[open] === '{') {
      const close = readGroup(s, open);
      if (close > 0) {
        out.push({ kind: 'text', text: s.slice(open + 1, close).trim(), space });
        return close + 1;
      }
    }
    return end;
  }
  if (head === 'begin' || head === 'end') {
    const m = /^\s*\{([a-zA-Z*]+)\}/.exec(s.slice(end));
    if (m) {
      end += m[0].length;
      if (head === 'begin' && m[1] === 'array') {
        const spec = /^\s*\{[^{}]*\}/.exec(s.slice(end));
        if (spec) end += spec[0].length;
      }
      out.push({ kind: head, text: m[1], space });
    }
    return end;
  }
  if (head === 'quad' || head === 'qquad') {
    if (tail) pushLetters(out, tail, true);
    return end;
  }
  out.push({ kind: GREEK.has(head) ? 'id' : 'cmd', text: head, space });
  if (tail) pushLetters(out, tail, false);
  return end;
}

/** "1 000" and "1 000 000" are one number when every later group has exactly three digits. */
function joinSpaceThousands(tokens: Token[]): Token[] {
  const out: Token[] = [];
  let joinable = false;
  for (let k = 0; k < tokens.length; k++) {
    const t = tokens[k];
    const prev = out[out.length - 1];
    const after = tokens[k + 1];
    const isGroup = t.kind === 'num' && t.space && /^\d{3}$/.test(t.text) && !(after && after.kind === 'op' && after.text === '/');
    if (isGroup && joinable && prev && prev.kind === 'num') {
      out[out.length - 1] = { ...prev, text: prev.text + t.text };
      continue;
    }
    joinable = t.kind === 'num' && /^\d{1,3}$/.test(t.text) && !prevIsFracPart(out, t);
    out.push(t);
  }
  return out;
}

function prevIsFracPart(out: Token[], _t: Token): boolean {
  const before = out[out.length - 1];
  return !!before && before.kind === 'op' && (before.text === '/' || before.text === '.' || before.text === '^');
}
