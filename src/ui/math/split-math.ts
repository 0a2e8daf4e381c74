// Finds LaTeX in model text. Traces use $…$, $$…$$, \(…\) and \[…\]. A lone `$` (prices, shell
// text) stays literal: inline `$` math must not start or end with a space and must not be followed
// by a digit (the rule Pandoc uses), and `\$` is an escaped dollar.

export type MathPiece =
  | { kind: 'text'; text: string }
  | { kind: 'math'; tex: string; display: boolean; raw: string };

interface Delimiter {
  open: string;
  close: string;
  display: boolean;
}

const DELIMITERS: Delimiter[] = [
  { open: '$$', close: '$$', display: true },
  { open: '\\[', close: '\\]', display: true },
  { open: '\\(', close: '\\)', display: false },
  { open: '$', close: '$', display: false },
];

function isEscaped(text: string, index: number): boolean {
  let backslashes = 0;
  for (let i = index - 1; i >= 0 && text[i] === '\\'; i--) backslashes++;
  return backslashes % 2 === 1;
}

function findClose(text: string, from: number, delimiter: Delimiter): number {
  let at = text.indexOf(delimiter.close, from);
  while (at !== -1) {
    const dollarOk = delimiter.open !== '$' || (!/\s/.test(text[at - 1] ?? '') && !/\d/.test(text[at + 1] ?? '') && text[at + 1] !== '$');
    if (!isEscaped(text, at) && dollarOk) return at;
    if (delimiter.open === '$' && text[at + 1] === '$') return -1;
    at = text.indexOf(delimiter.close, at + 1);
  }
  return -1;
}

/** The math span starting at `index`, if a delimiter opens there and closes later. */
function matchAt(text: string, index: number): { end: number; piece: MathPiece } | null {
  for (const delimiter of DELIMITERS) {
    if (!text.startsWith(delimiter.open, index)) continue;
    if (delimiter.open.startsWith('$') && isEscaped(text, index)) return null;
    if (delimiter.open === '\\(' || delimiter.open === '\\[') {
      if (isEscaped(text, index)) return null;
    }
    const contentStart = index + delimiter.open.length;
    if (delimiter.open === '$' && /\s/.test(text[contentStart] ?? ' ')) return null;
    const close = findClose(text, contentStart, delimiter);
    if (close === -1 || close === contentStart) continue;
    const end = close + delimiter.close.length;
    const tex = text.slice(contentStart, close);
    return { end, piece: { kind: 'math', tex, display: delimiter.display, raw: text.slice(index, end) } };
  }
  return null;
}

export function splitMath(text: string): MathPiece[] {
  const pieces: MathPiece[] = [];
  let textStart = 0;
  let index = 0;
  while (index < text.length) {
    const char = text[index];
    const match = char === '$' || char === '\\' ? matchAt(text, index) : null;
    if (!match) {
      index += char === '\\' ? 2 : 1;
      continue;
    }
    if (index > textStart) pieces.push({ kind: 'text', text: text.slice(textStart, index) });
    pieces.push(match.piece);
    index = match.end;
    textStart = index;
  }
  if (textStart < text.length) pieces.push({ kind: 'text', text: text.slice(textStart) });
  return pieces;
}

/** Paragraphs separated by blank lines; a paragraph never splits a $$…$$ or \[…\] block. */
export function splitParagraphs(text: string): string[] {
  const raw = text.split(/\n[ \t]*\n/);
  const paragraphs: string[] = [];
  let carry = '';
  for (const part of raw) {
    carry = carry ? `${carry}\n\n${part}` : part;
    const openDisplay = (carry.match(/\$\$/g)?.length ?? 0) % 2 === 1 || carry.lastIndexOf('\\[') > carry.lastIndexOf('\\]');
    if (!openDisplay) {
      paragraphs.push(carry);
      carry = '';
    }
  }
  if (carry) paragraphs.push(carry);
  return paragraphs.filter((p) => p.trim().length > 0);
}
