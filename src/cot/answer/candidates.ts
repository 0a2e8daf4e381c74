// Every candidate answer inside a reasoning text, with its character span: boxed answers,
// <answer> tags, "final answer is …" phrases and inline conclusions ("so x = 5", "which gives 12",
// "Therefore, the area is 3\sqrt{2}"). The segmenter uses these to find where an approach ends.
import { findBoxes } from './boxed.ts';
import { findMathSegments } from './math-segments.ts';

export interface AnswerCandidate {
  /** The answer text as written (inside the box, after "=", …). */
  text: string;
  charStart: number;
  charEnd: number;
  /** How it was found: boxed, final-answer phrase, answer tag, inline conclusion ("so x = 5"). */
  kind: 'boxed' | 'final-phrase' | 'answer-tag' | 'inline';
}

const PHRASE_RE = /\b(?:final answer|the answer|answer)(?:\s*\*\*)?\s*(?:is\b|:)[\s:*]*/gi;
const CUE_RE = /\b(?:so|thus|therefore|hence|which gives|that gives|this gives|we get|we have|we find|gives|yields|equals|is equal to|the result is|results in)\b[,:]?\s*/gi;
// "the area is", "the number of ways would be": a short noun phrase before the value.
const SUBJECT_RE = /(?:[a-zA-Z$\\{}()_^']+\s+){0,5}?(?:is|are|equals|becomes|was|would be|will be|must be|should be)\s+/y;
const RUN_END = /\n|[.;:!?](?=\s|$)|,\s|\s(?:and|so|which|but|because|since|then|where|for|if|when|or)\b|\s[a-zA-Z]{3,}\b/;
const MATHY = /\d|\\frac|\\sqrt|\\pi|π|√|\\infty/;
const MAX_VALUE_CHARS = 80;
const PRIORITY: Record<AnswerCandidate['kind'], number> = { boxed: 0, 'answer-tag': 1, 'final-phrase': 2, inline: 3 };

interface Span { start: number; end: number }

function trimSpan(text: string, start: number, end: number): Span | null {
  while (start < end && /\s/.test(text[start])) start++;
  while (end > start && /[\s.,;:]/.test(text[end - 1])) end--;
  return end > start ? { start, end } : null;
}

/** After the last top-level "=" of a chain ("x = 2 + 3 = 5" -> "5"). */
function afterLastEquals(text: string, span: Span): Span | null {
  let depth = 0;
  let cut = -1;
  for (let i = span.start; i < span.end; i++) {
    const c = text[i];
    if (c === '{' || c === '(' || c === '[') depth++;
    else if (c === '}' || c === ')' || c === ']') depth--;
    else if (c === '=' && depth === 0 && text[i - 1] !== '<' && text[i - 1] !== '>' && text[i - 1] !== '!') cut = i;
  }
  return cut < 0 ? span : trimSpan(text, cut + 1, span.end);
}

/** The value that starts at `pos`: a math segment or a short plain math run. */
function valueAt(text: string, pos: number): Span | null {
  SUBJECT_RE.lastIndex = pos;
  const subject = SUBJECT_RE.exec(text);
  if (subject && MATHY.test(text.slice(subject.index + subject[0].length, subject.index + subject[0].length + 12))) pos += subject[0].length;
  if (text.startsWith('\\boxed', pos)) return null; // reported as a boxed candidate
  const c = text[pos];
  if (c === '$' || (c === '\\' && (text[pos + 1] === '(' || text[pos + 1] === '['))) {
    const seg = findMathSegments(text, pos, Math.min(text.length, pos + 400))[0];
    if (!seg || seg.charStart !== pos) return null;
    const inner = trimSpan(text, seg.contentStart, seg.contentEnd);
    if (!inner || text.slice(inner.start, inner.end).includes('\\boxed')) return null;
    return afterLastEquals(text, inner);
  }
  const slice = text.slice(pos, pos + MAX_VALUE_CHARS);
  const cut = slice.search(RUN_END);
  const run = trimSpan(text, pos, pos + (cut < 0 ? slice.length : cut));
  if (!run || !/^[-+]?(?:[a-zA-Z](?:_\{?\w+\}?)?\s*=|[\d\\(π√.])/.test(text.slice(run.start, run.end))) return null;
  const value = afterLastEquals(text, run);
  return value && MATHY.test(text.slice(value.start, value.end)) ? value : null;
}

function collect(text: string, re: RegExp, kind: AnswerCandidate['kind'], out: AnswerCandidate[]): void {
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const span = valueAt(text, m.index + m[0].length);
    if (span) out.push({ text: text.slice(span.start, span.end), charStart: span.start, charEnd: span.end, kind });
    if (m[0].length === 0) re.lastIndex++;
  }
}

export function findCandidateAnswers(text: string): AnswerCandidate[] {
  const found: AnswerCandidate[] = [];
  for (const box of findBoxes(text)) {
    const span = trimSpan(text, box.contentStart, box.contentEnd);
    if (span) found.push({ text: text.slice(span.start, span.end), charStart: span.start, charEnd: span.end, kind: 'boxed' });
  }
  for (const m of text.matchAll(/<answer>([\s\S]*?)<\/answer>/g)) {
    const span = trimSpan(text, m.index + 8, m.index + 8 + m[1].length);
    if (span) found.push({ text: text.slice(span.start, span.end), charStart: span.start, charEnd: span.end, kind: 'answer-tag' });
  }
  collect(text, PHRASE_RE, 'final-phrase', found);
  collect(text, CUE_RE, 'inline', found);
  return dropOverlaps(found);
}

/** Keeps the strongest candidate where spans overlap; returns them in text order. */
function dropOverlaps(found: AnswerCandidate[]): AnswerCandidate[] {
  const sorted = found.slice().sort((a, b) => a.charStart - b.charStart || PRIORITY[a.kind] - PRIORITY[b.kind]);
  const kept: AnswerCandidate[] = [];
  for (const c of sorted) {
    const last = kept[kept.length - 1];
    if (!last || c.charStart >= last.charEnd) kept.push(c);
    else if (PRIORITY[c.kind] < PRIORITY[last.kind]) kept[kept.length - 1] = c; // c cannot reach the one before last
  }
  return kept;
}
