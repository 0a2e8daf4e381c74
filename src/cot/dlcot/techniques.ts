// Technique vocabulary seen in competition-math traces. A word naming a technique is evidence of
// a method: clustering groups approaches by it, and segmentation asks for a technique not used so
// far before a musing cue ("alternatively, perhaps…") may open a new approach. Words are matched
// by a case-folded rolling hash over char codes, so scanning allocates no strings.

// Entries ending in * match as prefixes ("probabilit*"), for words of 5+ characters.
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

const STEM_MIN_WORD = 5;

function isWordChar(c: number): boolean {
  return (c >= 97 && c <= 122) || c === 92;
}

function hashOf(word: string): number {
  let hash = 0;
  for (let i = 0; i < word.length; i++) hash = (Math.imul(hash, 31) + word.charCodeAt(i)) | 0;
  return hash;
}

const EXACT = new Map<number, number>();
const STEMS = new Map<number, number>();
const stemLengths = new Set<number>();
for (let m = 0; m < METHODS.length; m++) {
  for (const w of METHODS[m][1].split(' ')) {
    if (!w.endsWith('*')) {
      EXACT.set(hashOf(w), m);
      continue;
    }
    STEMS.set(hashOf(w.slice(0, -1)), m);
    stemLengths.add(w.length - 1);
  }
}
const STEM_LENGTHS = [...stemLengths].sort((a, b) => a - b);
// A one-byte-per-slot filter in front of the maps: almost every word is rejected without a lookup.
const FILTER_MASK = 0xffff;
const FILTER = new Uint8Array(FILTER_MASK + 1);
for (const h of [...EXACT.keys(), ...STEMS.keys()]) FILTER[h & FILTER_MASK] = 1;
const MAX_STEM = STEM_LENGTHS.at(-1) ?? 0;
// Hash of the current word's first k characters, for the stem lookups at the word's end.
const prefixHash = new Int32Array(MAX_STEM + 1);

function lookup(hash: number, length: number): number {
  const exact = FILTER[hash & FILTER_MASK] === 1 ? EXACT.get(hash) : undefined;
  if (exact !== undefined) return 1 << exact;
  if (length < STEM_MIN_WORD) return 0;
  for (const k of STEM_LENGTHS) {
    if (k > length) break;
    if (FILTER[prefixHash[k] & FILTER_MASK] === 0) continue;
    const stem = STEMS.get(prefixHash[k]);
    if (stem !== undefined) return 1 << stem;
  }
  return 0;
}

/** Bit mask of the techniques named in text[charStart, charEnd) (bit m = METHODS[m]). */
export function techniqueMask(text: string, charStart = 0, charEnd = text.length): number {
  let mask = 0;
  let hash = 0;
  let length = 0;
  for (let i = charStart; i <= charEnd; i++) {
    let c = i < charEnd ? text.charCodeAt(i) : 32;
    if (c >= 65 && c <= 90) c += 32;
    // A backslash only starts a word (\\sin); inside one it ends it.
    if (isWordChar(c) && (c !== 92 || length === 0)) {
      hash = (Math.imul(hash, 31) + c) | 0;
      length++;
      if (length <= MAX_STEM) prefixHash[length] = hash;
      continue;
    }
    // Words of one or two letters name no technique ("gm" aside, which is exact and rare).
    if (length >= 2) mask |= lookup(hash, length);
    hash = 0;
    length = 0;
    if (c === 92) {
      hash = c;
      length = 1;
      prefixHash[1] = hash;
    }
  }
  return mask;
}

/** The names of the techniques in `mask`. */
export function techniqueNames(mask: number): string[] {
  const names: string[] = [];
  for (let m = 0; m < METHODS.length; m++) if (mask & (1 << m)) names.push(METHODS[m][0]);
  return names;
}

export function countBits(mask: number): number {
  let n = 0;
  for (let m = mask; m !== 0; m &= m - 1) n++;
  return n;
}
