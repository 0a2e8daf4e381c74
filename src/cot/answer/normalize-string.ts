// Hendrycks/PRM800K-style string normalisation of an answer, for display, grouping and string
// comparison (the equivalence checker itself works on parsed trees).

/** Removes thousands separators only where they are well formed ("1,000,000", not "a,b" or "1,00"). */
export function stripThousandsCommas(s: string): string {
  return s.replace(/(?<![\d,.])\d{1,3}(?:,\d{3})+(?![\d,])/g, (m) => m.replace(/,/g, ''));
}

/** "+033" -> "33", "-0" -> "0"; anything that is not a plain integer is returned unchanged. */
export function canonicalInteger(s: string): string {
  if (!/^[-+]?\d+$/.test(s)) return s;
  return BigInt(s.replace(/^\+/, '')).toString();
}

export function normalizeAnswerString(input: string): string {
  let s = input.trim();
  s = s.replace(/\\text\s*\{([^{}]*)\}/g, '$1');
  s = s.replace(/\\[dt]frac(?![a-zA-Z])/g, '\\frac');
  s = s.replace(/\^\s*\{\s*\\circ\s*\}|\^\s*\\circ/g, '');
  s = s.replace(/\\\$/g, '').replace(/\\%/g, '');
  s = stripThousandsCommas(s);
  if (s.trim() === '0.5') return '\\frac{1}{2}'; // the MATH normaliser's one special case
  s = s.replace(/(^|[^\d])\.(\d)/g, '$10.$2').trim();
  return canonicalInteger(s);
}
