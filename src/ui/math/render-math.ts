// KaTeX rendering with a bounded cache; a formula KaTeX rejects comes back as null (shown raw).
import katex from 'katex';

const CACHE_LIMIT = 4000;
const cache = new Map<string, string | null>();

export function renderTex(tex: string, display: boolean): string | null {
  const key = `${display ? 'D' : 'I'}${tex}`;
  const hit = cache.get(key);
  if (hit !== undefined) return hit;
  let html: string | null;
  try {
    html = katex.renderToString(tex, { displayMode: display, throwOnError: true, strict: 'ignore', trust: false, maxExpand: 500, output: 'htmlAndMathml' });
  } catch {
    html = null;
  }
  if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value as string);
  cache.set(key, html);
  return html;
}
