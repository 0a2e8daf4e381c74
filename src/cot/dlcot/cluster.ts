// Groups approaches by method (SPEC §1.3). Two approaches share a method when they name the same
// techniques and reuse much of the same vocabulary; a very different length (complexity) or a
// different technique keeps them apart. The first member of each cluster is kept, later ones are
// redundant. Only the head of each approach is read: the method is stated when it starts.

export interface ClusterInput {
  id: string;
  text: string;
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

// Technique vocabulary seen in competition-math traces; a word naming a technique puts the method
// in the cluster reason. Entries ending in * match as prefixes ("probabilit*").
const METHODS: Array<[string, string]> = [
  ['modular arithmetic', 'mod modulo modular \\pmod \\equiv \\bmod residue* congruen*'],
  ['generating function', 'generating'],
  ['induction', 'induction inductive inductively'],
  ['coordinates', 'coordinate* cartesian axis axes'],
  ['vectors', 'vector*'],
  ['complex numbers', 'complex unity argand'],
  ['trigonometry', '\\sin \\cos \\tan trigonometr* cosine* sine sines'],
  ['similar triangles', 'similar similarity'],
  ['pythagoras', 'pythagor*'],
  ['casework', 'case cases casework'],
  ['complementary counting', 'complement*'],
  ['inclusion-exclusion', 'inclusion exclusion'],
  ['recursion', 'recurs* recurrence'],
  ['symmetry', 'symmetr*'],
  ['substitution', 'substitut*'],
  ['combinatorics', 'binomial \\binom choose permutation* combination* factorial*'],
  ['factoring', 'factor factors factoring factorise factorize factorization factorisation factored'],
  ['quadratic formula', 'quadratic discriminant'],
  ['vieta', 'vieta*'],
  ['inequality', 'gm cauchy jensen inequalit*'],
  ['calculus', 'derivative* integra* \\int differentiat*'],
  ['probability', 'probabilit* expected expectation'],
  ['logarithms', '\\log \\ln log logarithm*'],
  ['enumeration', 'enumerat* list listing brute plug plugging'],
  ['area formulas', 'shoelace heron*'],
  ['graph theory', 'graph vertices vertex edges'],
  ['parity', 'parity odd even'],
  ['number theory', 'gcd lcm divisib* divisor* prime primes'],
  ['sequences', 'progression telescop*'],
  ['polynomials', 'polynomial* root roots'],
  ['systems of equations', 'simultaneous system'],
];

const METHOD_OF_WORD = new Map<string, string>();
const METHOD_STEMS: Array<[string, string]> = [];
for (const [method, words] of METHODS) {
  for (const w of words.split(' ')) {
    if (w.endsWith('*')) METHOD_STEMS.push([w.slice(0, -1), method]);
    else METHOD_OF_WORD.set(w, method);
  }
}

function methodOfWord(word: string): string | undefined {
  const exact = METHOD_OF_WORD.get(word);
  if (exact !== undefined || word.length < 5) return exact;
  for (const [stem, method] of METHOD_STEMS) if (word.startsWith(stem)) return method;
  return undefined;
}

/** Techniques named in `opening` (lower-cased words and \\commands). */
function methodsIn(opening: string): Set<string> {
  const methods = new Set<string>();
  for (const word of opening.toLowerCase().match(/\\?[a-z]+/g) ?? []) {
    const method = methodOfWord(word);
    if (method !== undefined) methods.add(method);
  }
  return methods;
}

interface Features {
  methods: Set<string>;
  /** Hashes of the head's words (letters, digits, \\commands; 3+ characters, no stop words). */
  words: Set<number>;
  length: number;
}

function isWordChar(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 92;
}

/** Case-folded word hashes without allocating a string per word. */
function wordHashes(text: string, skip?: Set<number>): Set<number> {
  const out = new Set<number>();
  let hash = 0;
  let length = 0;
  for (let i = 0; i <= text.length; i++) {
    let c = i < text.length ? text.charCodeAt(i) : 32;
    if (c >= 65 && c <= 90) c += 32;
    if (isWordChar(c)) {
      hash = (Math.imul(hash, 31) + c) | 0;
      length++;
      continue;
    }
    if (length >= 3 && !skip?.has(hash)) out.add(hash);
    hash = 0;
    length = 0;
  }
  return out;
}

const STOP = wordHashes('the and that this with for then but let maybe perhaps wait alternatively can need think try would should could which what from are was not have has its into there here about approach way method');

function features(text: string): Features {
  return { methods: methodsIn(text.slice(0, METHOD_HEAD_CHARS)), words: wordHashes(text.slice(0, HEAD_CHARS), STOP), length: text.length };
}

function jaccard<T>(a: Set<T>, b: Set<T>): number {
  if (a.size === 0 && b.size === 0) return 0;
  let shared = 0;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  for (const x of small) if (large.has(x)) shared++;
  return shared / (a.size + b.size - shared);
}

function sameSet(a: Set<string>, b: Set<string>): boolean {
  if (a.size !== b.size) return false;
  for (const x of a) if (!b.has(x)) return false;
  return true;
}

/** Why `f` belongs with representative `rep`, or null when they are distinct methods. */
function sameMethodReason(rep: Features, f: Features): string | null {
  const ratio = Math.max(rep.length, f.length) / Math.max(1, Math.min(rep.length, f.length));
  if (ratio > MAX_LENGTH_RATIO) return null;
  const sameMethods = rep.methods.size > 0 && sameSet(rep.methods, f.methods);
  // Named techniques that mostly differ settle it without comparing words; so do word sets of
  // very different sizes (Jaccard is at most the smaller size over the larger).
  if (!sameMethods && rep.methods.size > 0 && jaccard(rep.methods, f.methods) < 0.5) return null;
  const sizes = Math.min(rep.words.size, f.words.size) / Math.max(1, rep.words.size, f.words.size);
  if (sizes < (sameMethods ? SAME_METHOD_JACCARD : SAME_WORDS_JACCARD)) return null;
  const words = jaccard(rep.words, f.words);
  if (sameMethods && words >= SAME_METHOD_JACCARD) {
    return `same techniques (${[...f.methods].join(', ')}) and word overlap ${words.toFixed(2)}`;
  }
  if (words >= SAME_WORDS_JACCARD) {
    return `same working: word overlap ${words.toFixed(2)}`;
  }
  return null;
}

/** Greedy clustering in text order: each approach joins the first cluster whose first member matches. */
export function clusterApproaches(inputs: ClusterInput[]): ClusterResult[] {
  const clusters: Array<ClusterResult & { rep: Features }> = [];
  for (const input of inputs) {
    const f = features(input.text);
    let joined = false;
    for (const cluster of clusters.slice(-MAX_CLUSTERS_COMPARED)) {
      const reason = sameMethodReason(cluster.rep, f);
      if (reason === null) continue;
      cluster.approachIds.push(input.id);
      cluster.redundantIds.push(input.id);
      cluster.reason += `; ${input.id}: ${reason}`;
      joined = true;
      break;
    }
    if (!joined) {
      const method = [...f.methods];
      const named = method.length > 0 ? `method: ${method.join(', ')}` : 'no named technique';
      clusters.push({ id: `cluster:${input.id}`, approachIds: [input.id], redundantIds: [], method, reason: `${input.id} starts a cluster (${named})`, rep: f });
    }
  }
  return clusters.map(({ rep: _rep, ...rest }) => rest);
}
