// Enforces the import directions of ARCHITECTURE.md: reads every import in src/ and fails on a
// forbidden one. Exceptions must be listed in ALLOWED_EXCEPTIONS with a reason (keep it shrinking).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve, dirname, sep } from 'node:path';

const ROOT = resolve(process.argv[2] ?? 'src');
const MAY_IMPORT = {
  cot: ['cot'],
  data: ['data', 'cot'],
  reward: ['reward', 'cot'],
  gpu: ['gpu', 'reward', 'cot'],
  workers: ['workers', 'gpu', 'reward', 'cot', 'data'],
  cli: ['cli', 'cot', 'data', 'reward'],
  ui: ['ui', 'cot', 'reward', 'workers'],
};
// Packages a layer may not use, whatever the direction rules say.
const FORBIDDEN_PACKAGES = {
  cot: [/^node:/, /^(fs|path|os|child_process|zlib|url|stream|worker_threads)(\/|$)/, /^onnxruntime/, /^react/],
  reward: [/^node:/, /^(fs|path|os|child_process|zlib|url|stream|worker_threads)(\/|$)/, /^onnxruntime/, /^react/],
  data: [/^node:/, /^(fs|path|os|child_process|zlib|url|stream|worker_threads)(\/|$)/, /^onnxruntime/, /^react/],
  gpu: [/^node:/, /^react/],
  workers: [/^node:/, /^react/],
  ui: [/^node:/, /^onnxruntime/],
  cli: [/^react/],
};
/** file (relative to src) -> reason. */
const ALLOWED_EXCEPTIONS = {};

const IMPORT_RE = /(?:^|[\s;])(?:import|export)\s[^'"`]*?from\s*['"]([^'"]+)['"]|(?:^|[\s;])import\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|new URL\(\s*['"]([^'"]+)['"]\s*,\s*import\.meta\.url/gm;

function* walk(dir) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* walk(path);
    else if (/\.(ts|tsx|mts)$/.test(name)) yield path;
  }
}
const layerOf = (absPath) => relative(ROOT, absPath).split(sep)[0];

export function checkLayers() {
  const violations = [];
  for (const file of walk(ROOT)) {
    const rel = relative(ROOT, file);
    const layer = layerOf(file);
    if (!(layer in MAY_IMPORT) || rel in ALLOWED_EXCEPTIONS) continue;
    const isTest = /\.test\.tsx?$/.test(file);
    const source = readFileSync(file, 'utf8').replace(/\/\*[\s\S]*?\*\/|(^|[^:])\/\/.*$/gm, '$1');
    for (const match of source.matchAll(IMPORT_RE)) {
      const spec = match[1] ?? match[2] ?? match[3] ?? match[4];
      if (spec.startsWith('.')) {
        const target = resolve(dirname(file), spec);
        const targetLayer = layerOf(target);
        if (!target.startsWith(ROOT) || !(targetLayer in MAY_IMPORT)) continue;
        if (!MAY_IMPORT[layer].includes(targetLayer)) violations.push(`${rel}: ${layer} may not import ${targetLayer} ('${spec}')`);
      } else if (!isTest && FORBIDDEN_PACKAGES[layer].some((re) => re.test(spec))) {
        violations.push(`${rel}: ${layer} may not use package '${spec}'`);
      }
    }
  }
  return violations;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const violations = checkLayers();
  for (const v of violations) console.error(`layer violation: ${v}`);
  console.log(`check-layers: ${violations.length} violation(s)`);
  process.exit(violations.length ? 1 : 0);
}
