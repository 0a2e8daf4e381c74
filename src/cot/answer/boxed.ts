// Finds \boxed{…} / \fbox{…} spans (nested braces, unclosed ones skipped) and GLM-style
// <|begin_of_box|>…<|end_of_box|>.

export interface BoxSpan {
  /** Start of "\boxed". */
  charStart: number;
  /** Just after the closing brace. */
  charEnd: number;
  contentStart: number;
  contentEnd: number;
}

const BOX_RE = /(?:\\boxed|\x08oxed|\\fbox|\x0cbox)(?![a-zA-Z])|<\|begin_of_box\|>/g;
const END_BOX = '<|end_of_box|>';

/** Index of the "}" closing the "{" at `open`, or -1 (escaped braces do not count). */
export function matchBrace(text: string, open: number, limit = text.length): number {
  let depth = 0;
  for (let i = open; i < limit; i++) {
    const c = text.charCodeAt(i);
    if (c === 92 /* \ */) { i++; continue; }
    if (c === 123 /* { */) depth++;
    else if (c === 125 /* } */ && --depth === 0) return i;
  }
  return -1;
}

export function findBoxes(text: string, from = 0, to = text.length): BoxSpan[] {
  const out: BoxSpan[] = [];
  BOX_RE.lastIndex = from;
  for (let m = BOX_RE.exec(text); m && m.index < to; m = BOX_RE.exec(text)) {
    const span = m[0].startsWith('<') ? glmBox(text, m.index, m[0].length) : texBox(text, m.index, m[0].length, to);
    if (span) {
      out.push(span);
      BOX_RE.lastIndex = span.charEnd;
    }
  }
  return out;
}

function glmBox(text: string, start: number, len: number): BoxSpan | null {
  const end = text.indexOf(END_BOX, start + len);
  if (end < 0) return null;
  return { charStart: start, charEnd: end + END_BOX.length, contentStart: start + len, contentEnd: end };
}

function texBox(text: string, start: number, len: number, to: number): BoxSpan | null {
  let i = start + len;
  while (i < to && (text[i] === ' ' || text[i] === '\t')) i++;
  if (text[i] === '{') {
    const close = matchBrace(text, i, to);
    if (close < 0) return null;
    return { charStart: start, charEnd: close + 1, contentStart: i + 1, contentEnd: close };
  }
  // "\boxed 5": one token up to whitespace or a dollar.
  const m = /^[^\s$]+/.exec(text.slice(i, Math.min(to, i + 100)));
  if (!m || i === start + len) return null;
  return { charStart: start, charEnd: i + m[0].length, contentStart: i, contentEnd: i + m[0].length };
}

const CONNECTOR_GAP = /^(?:\s|[,;.&$]|\\\\|\\[[\]()]|\\q?quad|\\text\{[^{}]{0,40}\}|\band\b|\bor\b)*$/;

// "\boxed{1} papers and \boxed{2}": a few words joined by "and", no sentence break.
const SHORT_PHRASE_GAP = /^(?=.*\band\b)[^.!?\n$]{0,30}$/;

/** The last box plus the boxes just before it that are joined only by connectors ("\boxed{1}, \boxed{2}"). */
export function lastBoxCluster(text: string, boxes: BoxSpan[]): BoxSpan[] {
  if (boxes.length === 0) return [];
  const cluster = [boxes[boxes.length - 1]];
  for (let k = boxes.length - 2; k >= 0; k--) {
    const gap = text.slice(boxes[k].charEnd, cluster[0].charStart);
    if (gap.length > 80 || !(CONNECTOR_GAP.test(gap) || SHORT_PHRASE_GAP.test(gap))) break;
    cluster.unshift(boxes[k]);
  }
  return cluster;
}
