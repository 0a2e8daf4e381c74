// Re-anchoring LLM-copied segments onto the source text, and the DLCoT authors' fidelity rule:
// accept when the re-joined copy matches the source with difflib's SequenceMatcher.quick_ratio
// >= 0.90 or word-set Jaccard >= 0.95 (words split on " " after dropping newlines, as they do).

export const QUICK_RATIO_MIN = 0.9;
export const JACCARD_MIN = 0.95;
const PROBE_CHARS = 40;
const SNAP_CHARS = 20;

/** difflib.SequenceMatcher(None, a, b).quick_ratio(): multiset character overlap. */
export function quickRatio(a: string, b: string): number {
  const total = a.length + b.length;
  if (total === 0) return 1;
  const counts = new Map<number, number>();
  for (let i = 0; i < b.length; i++) {
    const c = b.charCodeAt(i);
    counts.set(c, (counts.get(c) ?? 0) + 1);
  }
  let matches = 0;
  for (let i = 0; i < a.length; i++) {
    const c = a.charCodeAt(i);
    const left = counts.get(c) ?? 0;
    if (left > 0) {
      matches++;
      counts.set(c, left - 1);
    }
  }
  return (2 * matches) / total;
}

/** Word-set Jaccard as the authors compute it (Python `split(" ")` keeps empty strings). */
export function wordJaccard(a: string, b: string): number {
  const A = new Set(a.replaceAll('\n', '').split(' '));
  const B = new Set(b.replaceAll('\n', '').split(' '));
  let shared = 0;
  for (const w of A) if (B.has(w)) shared++;
  const union = A.size + B.size - shared;
  return union === 0 ? 1 : shared / union;
}

export interface Fidelity {
  quickRatio: number;
  jaccard: number;
  accepted: boolean;
}

export function fidelity(copy: string, source: string): Fidelity {
  const q = quickRatio(copy, source);
  const j = wordJaccard(copy, source);
  return { quickRatio: q, jaccard: j, accepted: q >= QUICK_RATIO_MIN || j >= JACCARD_MIN };
}

export interface Anchor {
  charStart: number;
  charEnd: number;
  /** exact: verbatim copy found; probe: found by its first (and last) characters. */
  how: 'exact' | 'probe';
}

/** Finds a copied segment in `source` at or after `from`: verbatim, else by its head or its tail. */
export function anchorSegment(source: string, segment: string, from: number): Anchor | null {
  const text = segment.trim();
  if (!text) return null;
  const exact = source.indexOf(text, from);
  if (exact >= 0) return { charStart: exact, charEnd: exact + text.length, how: 'exact' };
  const head = text.slice(0, PROBE_CHARS);
  const tail = text.slice(-PROBE_CHARS);
  const start = source.indexOf(head, from);
  const reach = text.length * 1.5 + PROBE_CHARS;
  if (start >= 0) {
    const tailAt = source.indexOf(tail, start + head.length);
    // Accept the tail only within a plausible distance (copies are near-verbatim).
    const end = tailAt >= 0 && tailAt - start < reach ? tailAt + tail.length : Math.min(source.length, start + text.length);
    return { charStart: start, charEnd: end, how: 'probe' };
  }
  const tailAt = source.indexOf(tail, from);
  if (tailAt < 0) return null;
  const estimate = Math.max(from, tailAt + tail.length - text.length);
  return { charStart: snapToLineStart(source, estimate, from), charEnd: tailAt + tail.length, how: 'probe' };
}

/** Copies usually start a paragraph: move an estimated start to a nearby line start. */
function snapToLineStart(source: string, estimate: number, floor: number): number {
  for (let d = 0; d <= SNAP_CHARS; d++) {
    for (const at of [estimate - d, estimate + d]) {
      if (at >= floor && at > 0 && at < source.length && source[at - 1] === '\n' && source[at] !== '\n') return at;
    }
  }
  return estimate;
}
