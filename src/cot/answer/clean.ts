// Text-level clean-up of one answer before tokenizing: the LaTeX noise models emit
// (\left, spacing, \dfrac, degrees, dollar signs), unicode math symbols, escaping artefacts.

const UNICODE: Record<string, string> = {
  'π': '\\pi ', '√': '\\sqrt', '≤': '\\le ', '≥': '\\ge ', '≠': '\\ne ', '×': '\\times ',
  '·': '\\cdot ', '⋅': '\\cdot ', '−': '-', '–': '-', '∞': '\\infty ', '±': '\\pm ', '∓': '\\mp ',
  '÷': '/', '∪': '\\cup ', '∩': '\\cap ', '∈': '\\in ', '≈': '\\approx ', '²': '^2', '³': '^3',
  '½': '(1/2)', '¼': '(1/4)', '¾': '(3/4)', '…': '\\ldots ', '⟨': '(', '⟩': ')', '′': "'",
  '\u00a0': ' ', '\u2009': ' ', '\u202f': ' ', '°': ' \\degree ',
};
const UNICODE_RE = new RegExp(`[${Object.keys(UNICODE).join('')}]`, 'g');

// Commands that change only the look of what follows.
const DROP_COMMANDS = /\\(?:left|right|bigl|bigr|Bigl|Bigr|biggl|biggr|big|Big|bigg|Bigg|displaystyle|textstyle|limits|nolimits|mathopen|mathclose)(?![a-zA-Z])/g;
const SPACING = /(?<!\\)\\[,;:!> ]|\\q?quad(?![a-zA-Z])/g;
const KNOWN_AFTER_DOUBLE = 'frac|dfrac|tfrac|sqrt|left|right|boxed|pi|text|mathrm|cdot|times|le|ge|leq|geq|infty|in|cup|pm|begin|end|mathbf|circ';
const DOUBLED = new RegExp(`(^|[^\\\\])\\\\\\\\(?=(?:${KNOWN_AFTER_DOUBLE})(?![a-zA-Z]))`, 'g');

/** Normalises the surface of one answer string; the result is still LaTeX-ish text. */
export function cleanAnswer(raw: string): string {
  let s = /[^\x00-\x7f]/.test(raw) ? raw.replace(UNICODE_RE, (c) => UNICODE[c] ?? c) : raw;
  if (/[\x08\x0c\t\r]/.test(s)) s = repairEscapes(s);
  if (s.includes('\\')) s = cleanCommands(s);
  if (s.includes(',')) s = s.replace(/\{,\}/g, ''); // 14{,}916
  if (s.includes('~')) s = s.replace(/~/g, ' ');
  if (s.includes('..')) s = s.replace(/\.{3,}/g, ' \\ldots ');
  if (s.includes('$')) s = s.replace(/\\\$/g, ' ').replace(/\$/g, ' ');
  return trimAnswerEdges(s);
}

/** "\boxed" / "\frac" / "\text" written in a non-raw string arrive as backspace, form feed, tab. */
export function repairEscapes(s: string): string {
  return s.replace(/\x08(?=oxed|inom)/g, '\\b').replace(/\x0c(?=rac|box)/g, '\\f')
    .replace(/\t(?=ext|imes|frac|heta|an\b)/g, '\\t').replace(/\r(?=ight|ho\b)/g, '\\r');
}

/** The backslash-command part of cleanAnswer (skipped for plain text, which is most answers). */
function cleanCommands(input: string): string {
  let s = input.replace(DOUBLED, '$1\\'); // "\\frac" written with an escaped backslash
  s = s.replace(/\\(?:left|right)\s*\./g, '');
  s = s.replace(DROP_COMMANDS, '');
  s = s.replace(/(\d),\\!\s*(?=\d{3}(?!\d))/g, '$1'); // 12,\!000
  s = s.replace(SPACING, ' ');
  s = s.replace(/\\[dtc]frac(?![a-zA-Z])/g, '\\frac');
  s = s.replace(/\\(?:dbinom|tbinom)(?![a-zA-Z])/g, '\\binom');
  s = s.replace(/\^\s*\{\s*\\circ\s*\}|\^\s*\\circ|\\circ(?![a-zA-Z])/g, ' \\degree ');
  s = s.replace(/\\(?:mathbf|boldsymbol|textbf|mathit|mathsf|bm)\s*(?=\{)/g, '');
  return s.replace(/\\(?:mathrm|mbox|textrm|textnormal|operatorname)(?![a-zA-Z])/g, '\\text');
}

/** Strips trailing sentence punctuation and stray backslashes ("42.", "185\\", "\frac13,"). */
export function trimAnswerEdges(s: string): string {
  let out = s.trim();
  for (;;) {
    const next = out.replace(/(?:[.,;:?]|(?<![\d)}])!|\\\\?|\\\s*$)\s*$/, '').trim();
    if (next === out) return out;
    out = next;
  }
}
