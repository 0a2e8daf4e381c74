// Groups approaches by method (SPEC §1.3). Two approaches share a method when they name the same
// techniques and reuse much of the same vocabulary; a very different length (complexity) or a
// different technique keeps them apart. The first member of each cluster is kept, later ones are
// redundant. Only the head of each approach is read: the method is stated when it starts.

import { countBits, techniqueMask, techniqueNames } from './techniques.ts';

export interface ClusterInput {
  id: string;
  /** The approach's span in the shared reasoning text. */
  charStart: number;
  charEnd: number;
}

export interface ClusterResult {
  id: string;
  approachIds: string[];
  redundantIds: string[];
  method: string[];
  reason: string;
}

const HEAD_CHARS = 400;
// Techniques are named in the opening sentence ("Alternatively, I can use the law of sines").
const METHOD_HEAD_CHARS = 200;
// Long repetitive traces produce hundreds of approaches; compare with the most recent clusters only.
const MAX_CLUSTERS_COMPARED = 40;
const SAME_METHOD_JACCARD = 0.3;
const SAME_WORDS_JACCARD = 0.5;
const MAX_LENGTH_RATIO = 4;

interface Features {
  /** Technique bit mask (see techniques.ts). */
  methods: number;
  /** Sorted distinct hashes of the head's words (letters, digits, \\commands; 3+ characters, no
   * stop words); read on first use, since length and techniques often settle a comparison. */
  words: Int32Array | null;
  charStart: number;
  charEnd: number;
  length: number;
}

function isWordChar(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 92;
}

// Scratch space for one head's word hashes (heads are at most HEAD_CHARS long).
const scratch = new Int32Array(HEAD_CHARS);

/** Sorted distinct case-folded word hashes of text[charStart, charEnd), without a string per word. */
function wordHashes(text: string, skip: Set<number> | null, charStart = 0, charEnd = text.length): Int32Array {
  let n = 0;
  let hash = 0;
  let length = 0;
  for (let i = charStart; i <= charEnd; i++) {
    let c = i < charEnd ? text.charCodeAt(i) : 32;
    if (c >= 65 && c <= 90) c += 32;
    if (isWordChar(c)) {
      hash = (Math.imul(hash, 31) + c) | 0;
      length++;
      continue;
    }
    if (length >= 3 && !skip?.has(hash) && n < scratch.length) scratch[n++] = hash;
    hash = 0;
    length = 0;
  }
  const sorted = scratch.subarray(0, n).sort();
  let distinct = 0;
  for (let i = 0; i < n; i++) if (i === 0 || sorted[i] !== sorted[i - 1]) sorted[distinct++] = sorted[i];
  return sorted.slice(0, distinct);
}

const STOP = new Set(wordHashes('the and that this with for then but let maybe perhaps wait alternatively can need think try would should could which what from are was not have has its into there here about approach way method', null));

/**
 * Method features of spans of one text, remembered per span start: segmentation (merging
 * continuations) and clustering ask about the same approaches, and only the head is read.
 */
export class MethodReader {
  private readonly cache = new Map<number, Features>();

  constructor(readonly text: string) {}

  features(span: ClusterInput): Features {
    const { charStart, charEnd } = span;
    const known = this.cache.get(charStart);
    if (known && (known.charEnd === charEnd || Math.min(known.charEnd, charEnd) >= charStart + HEAD_CHARS)) {
      return known.charEnd === charEnd ? known : { ...known, charEnd, length: charEnd - charStart };
    }
    const f: Features = { methods: techniqueMask(this.text, charStart, Math.min(charEnd, charStart + METHOD_HEAD_CHARS)), words: null, length: charEnd - charStart, charStart, charEnd };
    this.cache.set(charStart, f);
    return f;
  }
}

function wordsOf(text: string, f: Features): Int32Array {
  f.words ??= wordHashes(text, STOP, f.charStart, Math.min(f.charEnd, f.charStart + HEAD_CHARS));
  return f.words;
}

/** Jaccard index of two sorted sets of distinct hashes (one merge pass, no allocation). */
function sortedJaccard(a: Int32Array, b: Int32Array): number {
  if (a.length === 0 && b.length === 0) return 0;
  let shared = 0;
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      shared++;
      i++;
      j++;
    } else if (a[i] < b[j]) i++;
    else j++;
  }
  return shared / (a.length + b.length - shared);
}

function maskJaccard(a: number, b: number): number {
  const union = countBits(a | b);
  return union === 0 ? 0 : countBits(a & b) / union;
}

/** Why `f` belongs with representative `rep`, or null when they are distinct methods. */
function sameMethodReason(text: string, rep: Features, f: Features): string | null {
  const ratio = Math.max(rep.length, f.length) / Math.max(1, Math.min(rep.length, f.length));
  if (ratio > MAX_LENGTH_RATIO) return null;
  const sameMethods = rep.methods !== 0 && rep.methods === f.methods;
  // Named techniques that mostly differ settle it without comparing words; so do word sets of
  // very different sizes (Jaccard is at most the smaller size over the larger).
  if (!sameMethods && rep.methods !== 0 && maskJaccard(rep.methods, f.methods) < 0.5) return null;
  const repWords = wordsOf(text, rep);
  const fWords = wordsOf(text, f);
  const sizes = Math.min(repWords.length, fWords.length) / Math.max(1, repWords.length, fWords.length);
  if (sizes < (sameMethods ? SAME_METHOD_JACCARD : SAME_WORDS_JACCARD)) return null;
  const words = sortedJaccard(repWords, fWords);
  if (sameMethods && words >= SAME_METHOD_JACCARD) {
    return `same techniques (${techniqueNames(f.methods).join(', ')}) and word overlap ${words.toFixed(2)}`;
  }
  if (words >= SAME_WORDS_JACCARD) {
    return `same working: word overlap ${words.toFixed(2)}`;
  }
  return null;
}

/** Greedy clustering in text order: each approach joins the first cluster whose first member matches. */
export function clusterApproaches(text: string, inputs: ClusterInput[], reader = new MethodReader(text)): ClusterResult[] {
  const clusters: Array<ClusterResult & { rep: Features }> = [];
  for (const input of inputs) {
    const f = reader.features(input);
    let joined = false;
    for (let c = Math.max(0, clusters.length - MAX_CLUSTERS_COMPARED); c < clusters.length; c++) {
      const cluster = clusters[c];
      const reason = sameMethodReason(text, cluster.rep, f);
      if (reason === null) continue;
      cluster.approachIds.push(input.id);
      cluster.redundantIds.push(input.id);
      cluster.reason += `; ${input.id}: ${reason}`;
      joined = true;
      break;
    }
    if (!joined) {
      const method = techniqueNames(f.methods);
      const named = method.length > 0 ? `method: ${method.join(', ')}` : 'no named technique';
      clusters.push({ id: `cluster:${input.id}`, approachIds: [input.id], redundantIds: [], method, reason: `${input.id} starts a cluster (${named})`, rep: f });
    }
  }
  return clusters.map(({ rep: _rep, ...rest }) => rest);
}

/**
 * Whether `next` goes on with the method of `prev`: both name the same techniques at their head,
 * or, naming none, the clustering rule groups them by their words.
 */
export function continuesMethod(reader: MethodReader, prev: ClusterInput, next: ClusterInput): boolean {
  const a = reader.features(prev);
  const b = reader.features(next);
  if (a.methods !== 0 || b.methods !== 0) return a.methods === b.methods;
  // Neither names a technique: the words decide, as in clustering.
  return sameMethodReason(reader.text, a, b) !== null;
}
