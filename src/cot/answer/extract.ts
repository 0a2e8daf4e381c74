// Final-answer extraction from free text, in priority order: last \boxed cluster, <answer> tag,
// "final answer is …" phrases, the whole text when it is not prose, math segments from the last
// one back, and finally the last plain number ("4 4/9", "1,000.99", "28%").
import { findBoxes, lastBoxCluster } from './boxed.ts';
import { findMathSegments } from './math-segments.ts';
import { parseAnswer } from './parse-answer.ts';

export type MatchType = 'latex' | 'expr';

export interface RawAnswer {
  text: string;
  /** "2,74" means 2.74 (plain-number extraction only). */
  decimalComma?: boolean;
  /** The whole text tried as one answer (not an explicit answer marker). */
  whole?: boolean;
}

const CHAT_TAIL = /<\|(?:im_start|im_end|endoftext|eot_id)\|>[\s\S]*$/;
const PHRASE_RE = /\b(?:final answer|the answer)(?:\s*\*\*)?\s*(?:is\b|:|=)[\s:]*/gi;
const MATH_WORDS = new Set(['and', 'or', 'sin', 'cos', 'tan', 'log', 'ln', 'exp', 'sqrt', 'pi', 'percent', 'percentage',
  'pct', 'infinity', 'inf', 'oo']);
const INT = String.raw`\d{1,3}(?: \d{3})+(?!\d)|\d+`;
const NUMBER = String.raw`(?:\d{1,3}(?:,\d{3})+(?![\d,])|\d{1,3}(?: \d{3})+(?![\d/])|\d+,\d{1,2}(?![\d,])|\d+)(?:\.\d+)?|\.\d+`;
const EXPR_RE = new RegExp(String.raw`[-+]?(?:(?:${INT})[ \t]+\d+\s*/\s*\d+|(?:${NUMBER})\s*/\s*(?:${NUMBER})|(?:${NUMBER}))(?=(\s*(?:%|percent(?:age)?|pct))?)`, 'g');

/** The part of a response that holds its answer: after the last </think>, minus chat-template tails. */
export function answerRegion(text: string): string {
  const close = text.lastIndexOf('</think>');
  const after = close >= 0 ? text.slice(close + 8) : '';
  const region = after.trim() ? after : text;
  return region.replace(CHAT_TAIL, '');
}

/** Prose has two or more ordinary words outside LaTeX commands and \text{}. */
export function isProse(s: string): boolean {
  const bare = s.replace(/\\(?:text|begin|end)\s*\{[^{}]*\}/g, ' ').replace(/\\+[a-zA-Z]+/g, ' ');
  let words = 0;
  for (const m of bare.matchAll(/[a-zA-Z]{2,}/g)) {
    if (!MATH_WORDS.has(m[0].toLowerCase()) && ++words >= 2) return true;
  }
  return false;
}

/** Last plain-number answer: [matched text without a percent suffix, with it]. */
export function lastNumber(text: string): { text: string; withPercent: string } | null {
  let last: RegExpExecArray | null = null;
  EXPR_RE.lastIndex = 0;
  for (let m = EXPR_RE.exec(text); m; m = EXPR_RE.exec(text)) last = m;
  if (!last) return null;
  return { text: last[0].trim(), withPercent: (last[0] + (last[1] ?? '')).trim() };
}

function* phraseAnswers(region: string): Generator<string> {
  let last: RegExpExecArray | null = null;
  PHRASE_RE.lastIndex = 0;
  for (let m = PHRASE_RE.exec(region); m; m = PHRASE_RE.exec(region)) last = m;
  if (!last) return;
  const rest = region.slice(last.index + last[0].length, last.index + last[0].length + 400);
  const segments = findMathSegments(rest);
  if (segments.length && segments[0].charStart === 0) yield rest.slice(segments[0].contentStart, segments[0].contentEnd);
  const end = rest.search(/\.(?![\d])|\n|\bI hope\b/);
  const value = (end >= 0 ? rest.slice(0, end) : rest).replace(/^["'\s]+|["'\s]+$/g, '');
  if (value) yield value;
  const is = value.lastIndexOf(' is ');
  if (is >= 0) yield value.slice(is + 4);
}

/** Candidate answer strings of a response, best first; the caller takes the first that parses. */
export function* answerCandidates(text: string, matchTypes: readonly MatchType[] = ['latex', 'expr']): Generator<RawAnswer> {
  const region = answerRegion(text);
  yield* regionCandidates(region, matchTypes);
  // Nothing usable after </think> (a stray "```"): the reasoning's own conclusion is next best.
  const close = text.lastIndexOf('</think>');
  if (close >= 0 && region.length < text.length - close) yield* regionCandidates(text.slice(0, close), matchTypes);
}

function* regionCandidates(region: string, matchTypes: readonly MatchType[]): Generator<RawAnswer> {
  const latex = matchTypes.includes('latex');
  const exprOnly = !latex;
  if (latex) {
    const cluster = lastBoxCluster(region, findBoxes(region));
    if (cluster.length) {
      const contents = [...new Set(cluster.map((b) => region.slice(b.contentStart, b.contentEnd).trim()))];
      yield { text: contents.join(', ') };
      if (contents.length > 1) yield { text: contents[contents.length - 1] };
    }
    const tags = [...region.matchAll(/<answer>([\s\S]*?)<\/answer>/g)];
    if (tags.length) yield { text: tags[tags.length - 1][1] };
    for (const phrase of phraseAnswers(region)) yield { text: phrase };
  }
  if (!isProse(region) && (latex || /\d\s*[-+*]\s*[-+]?[\d.]/.test(region))) yield { text: region, decimalComma: exprOnly, whole: true };
  if (latex) {
    const segments = findMathSegments(region);
    for (let k = segments.length - 1; k >= 0; k--) yield { text: region.slice(segments[k].contentStart, segments[k].contentEnd) };
  }
  // A bare formula we could not parse is not rescued by its last number ("1+1+…+1" is not 1).
  if (matchTypes.includes('expr') && (exprOnly || isProse(region))) {
    const n = lastNumber(region);
    if (n) yield { text: n.withPercent, decimalComma: exprOnly };
  }
}

export type ExtractMode = 'auto' | 'boxed' | 'choice' | 'expr';

export interface ExtractOptions {
  mode?: ExtractMode;
  /** Boxed mode: return "\boxed{…}" with its wrapper. */
  boxedWrapper?: boolean;
  matchTypes?: MatchType[];
}

function choiceLetter(text: string): string | null {
  const phrase = /answer\s*(?:is|:)\s*\(?([A-Z])\)?(?![a-zA-Z])/.exec(text);
  if (phrase) return phrase[1];
  const all = [...text.matchAll(/(?<![A-Za-z])\(?([A-E])\)?(?![A-Za-z'])/g)];
  return all.length ? all[all.length - 1][1] : null;
}

/** The final answer of a response, as written, or null when it has none. */
export function extractFinalAnswer(text: string, options: ExtractOptions = {}): string | null {
  const mode = options.mode ?? 'auto';
  if (mode === 'boxed') {
    const boxes = findBoxes(text);
    const last = boxes[boxes.length - 1];
    if (!last) return null;
    return options.boxedWrapper ? text.slice(last.charStart, last.charEnd) : text.slice(last.contentStart, last.contentEnd).trim();
  }
  if (mode === 'choice') return choiceLetter(text);
  if (mode === 'expr') return lastNumber(text)?.text ?? null;
  let first: string | null = null;
  for (const c of answerCandidates(text, options.matchTypes)) {
    const trimmed = c.text.trim();
    if (!trimmed) continue;
    if (!c.whole) first ??= trimmed; // an unparseable non-prose text is not an answer
    if (parseAnswer(trimmed, c)) return trimmed;
  }
  return first;
}
