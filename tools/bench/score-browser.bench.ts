// Browser scoring throughput (tokens/s) on WASM (1 and 2 threads) and WebGPU, against onnxruntime-node
// at equal threads measured in the same run; and the post-processing stage alone at a Qwen-sized
// vocabulary: WGSL reduction + small read-back vs downloading the logits and reducing in JS.
// Runs Debian Chromium (WebGPU = SwiftShader here) against `vite preview` started by this script.
// Env: TRELLIS_BENCH_SIZES=512,4096,32000 (token counts), TRELLIS_BENCH_MODEL=DIR (default: the bundled
// trellis-lm-tiny when present, else test/fixtures/models/tiny-random).
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Page } from '@playwright/test';
import { createTokenizer } from '../../src/reward/tokenizer/hf-tokenizer.ts';
import { loadTokenScorer } from '../../src/cli/scoring/node-scorers.ts';
import type { DiagnosticsScoreResult, TrellisDiagnostics } from '../../src/ui/diagnostics/diagnostics-api.ts';
import type { ReduceTiming } from '../../src/workers/score-api.ts';

const PORT = 4273;
const BASE_URL = `http://localhost:${PORT}`;
const CHROMIUM = process.env.TRELLIS_CHROMIUM ?? '/usr/bin/chromium';
const FLAGS = ['--no-sandbox', '--headless', '--enable-unsafe-webgpu', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];
const SIZES = (process.env.TRELLIS_BENCH_SIZES ?? '512,4096,32000').split(',').map(Number);
const MODEL_DIR = process.env.TRELLIS_BENCH_MODEL
  ?? (existsSync('public/models/trellis-lm-tiny/onnx/model.onnx') ? 'public/models/trellis-lm-tiny' : 'test/fixtures/models/tiny-random');
const QWEN_VOCAB = 151_936;
const REDUCE_POSITIONS = 512;
const TRACE_FILES = ['skythought_sky-t1-math-correct-5k-32b_aime24.jsonl', 'skythought_sky-t1-math-correct-5k-14b_amc23.jsonl'];

/** Real reasoning text tokenized with the model's tokenizer, long enough for the largest size. */
function benchIds(tokenCount: number): Int32Array {
  const tokenizer = createTokenizer({
    name: 'bench', tokenizerJson: readFileSync(join(MODEL_DIR, 'tokenizer.json'), 'utf8'),
    tokenizerConfig: existsSync(join(MODEL_DIR, 'tokenizer_config.json')) ? readFileSync(join(MODEL_DIR, 'tokenizer_config.json'), 'utf8') : null,
  });
  const texts: string[] = [];
  for (const file of TRACE_FILES) {
    const path = join('..', 'shared', 'data', 'traces', file);
    if (!existsSync(path)) continue;
    for (const line of readFileSync(path, 'utf8').split('\n').filter(Boolean)) texts.push(String((JSON.parse(line) as { code: string[] }).code[0]));
  }
  if (texts.length === 0) texts.push(...(JSON.parse(readFileSync('e2e/fixtures/scoring-excerpts.json', 'utf8')) as { excerpts: { text: string }[] }).excerpts.map((e) => e.text));
  const ids: number[] = [];
  for (let i = 0; ids.length < tokenCount; i++) ids.push(...tokenizer.encode(texts[i % texts.length]).ids);
  return Int32Array.from(ids.slice(0, tokenCount));
}

async function startPreview(): Promise<ChildProcess> {
  if (!existsSync('dist/diagnostics.html')) spawnSync(process.execPath, ['node_modules/vite/bin/vite.js', 'build'], { stdio: 'inherit' });
  const server = spawn(process.execPath, ['node_modules/vite/bin/vite.js', 'preview', '--port', String(PORT), '--strictPort', '--host', 'localhost'], { stdio: 'ignore' });
  for (let attempt = 0; attempt < 100; attempt++) {
    try {
      if ((await fetch(BASE_URL)).ok) return server;
    } catch { /* not up yet */ }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  server.kill();
  throw new Error(`vite preview did not start on ${BASE_URL}`);
}

async function servedModel(page: Page): Promise<string> {
  await page.route('**/bench-model/**', (route) => {
    const path = join(MODEL_DIR, new URL(route.request().url()).pathname.replace(/^\/bench-model\//, ''));
    return existsSync(path) ? route.fulfill({ path }) : route.fulfill({ status: 404, body: 'not found' });
  });
  return '/bench-model/';
}

function browserScore(page: Page, modelUrl: string, backend: 'wasm' | 'webgpu', threads: number, ids: Int32Array): Promise<DiagnosticsScoreResult> {
  return page.evaluate(({ modelUrl, backend, threads, ids }) =>
    (window as unknown as { trellisDiagnostics: TrellisDiagnostics }).trellisDiagnostics.score({ modelUrl, backend, threads, ids }),
  { modelUrl, backend, threads, ids: Array.from(ids) });
}

/** Best of a few runs for short inputs: the machine is shared, so the best run is the least disturbed. */
const repeatsFor = (size: number) => (size <= 4096 ? 3 : 1);

async function nodeTokensPerSecond(threads: number, ids: Int32Array): Promise<number> {
  const loaded = await loadTokenScorer(MODEL_DIR, { threads });
  try {
    await loaded.scorer.score(ids.subarray(0, 64)); // warm-up
    let best = 0;
    for (let i = 0; i < repeatsFor(ids.length); i++) {
      const started = performance.now();
      await loaded.scorer.score(ids);
      best = Math.max(best, ids.length / ((performance.now() - started) / 1000));
    }
    return best;
  } finally {
    await loaded.dispose();
  }
}

async function bestBrowserScore(page: Page, modelUrl: string, backend: 'wasm' | 'webgpu', threads: number, ids: Int32Array): Promise<DiagnosticsScoreResult> {
  let best: DiagnosticsScoreResult | undefined;
  for (let i = 0; i < (backend === 'webgpu' ? 1 : repeatsFor(ids.length)); i++) {
    const result = await browserScore(page, modelUrl, backend, threads, ids);
    if (!best || result.tokensPerSecond > best.tokensPerSecond) best = result;
  }
  return best!;
}

async function throughput(page: Page, modelUrl: string, allIds: Int32Array): Promise<void> {
  console.log(`model: ${MODEL_DIR}; sizes: ${SIZES.join(', ')} tokens; crossOriginIsolated: ${await page.evaluate(() => crossOriginIsolated)}`);
  for (const threads of [1, 2]) {
    await browserScore(page, modelUrl, 'wasm', threads, allIds.subarray(0, 64)); // load + warm-up
    for (const size of SIZES) {
      const ids = allIds.subarray(0, size);
      const wasm = await bestBrowserScore(page, modelUrl, 'wasm', threads, ids);
      const node = await nodeTokensPerSecond(threads, ids);
      console.log(`wasm ${threads}T ${size} tokens (best of ${repeatsFor(size)}): ${wasm.tokensPerSecond.toFixed(0)} tokens/s (${wasm.info.threads} threads; model ${wasm.modelMs.toFixed(0)} ms, reduce ${wasm.reduceMs.toFixed(0)} ms of ${wasm.durationMs.toFixed(0)} ms) | node-cpu ${threads}T: ${node.toFixed(0)} tokens/s | wasm/node = ${(wasm.tokensPerSecond / node).toFixed(2)}`);
    }
  }
  const ids = allIds.subarray(0, 512);
  await browserScore(page, modelUrl, 'webgpu', 1, allIds.subarray(0, 16)); // load + warm-up
  const gpu = await bestBrowserScore(page, modelUrl, 'webgpu', 1, ids);
  const wasm = await bestBrowserScore(page, modelUrl, 'wasm', 2, ids);
  console.log(`webgpu 512 tokens: ${gpu.tokensPerSecond.toFixed(1)} tokens/s (run calls ${gpu.modelMs.toFixed(0)} ms, then ${gpu.reduceMs.toFixed(0)} ms until the reduced read-back lands: GPU model work + kernel), ${(gpu.byteLengthReadBack / 511).toFixed(0)} B/token read back | vs wasm 2T ${wasm.tokensPerSecond.toFixed(0)} tokens/s: webgpu/wasm = ${(gpu.tokensPerSecond / wasm.tokensPerSecond).toFixed(3)}`);
}

function describeTiming(t: ReduceTiming): string {
  return `${t.method}: median ${t.medianMs.toFixed(0)} ms (runs ${t.runsMs.map((ms) => ms.toFixed(0)).join(', ')}), ${t.bytesPerToken.toFixed(0)} B/token read back (${(t.byteLengthReadBack / 2 ** 20).toFixed(2)} MiB)`;
}

async function postProcessing(page: Page): Promise<void> {
  const run = (method: 'reduceRandom' | 'downloadReduceRandom') => page.evaluate(({ method, positions, vocab }) =>
    (window as unknown as { trellisDiagnostics: TrellisDiagnostics }).trellisDiagnostics[method](positions, vocab, 3),
  { method, positions: REDUCE_POSITIONS, vocab: QWEN_VOCAB });
  const kernel = await run('reduceRandom');
  const download = await run('downloadReduceRandom');
  const agree = kernel.sampleLogprob.every((v, i) => Number.isNaN(v) ? Number.isNaN(download.sampleLogprob[i]) : Math.abs(v - download.sampleLogprob[i]) < 1e-3);
  console.log(`post-processing T=${REDUCE_POSITIONS}, V=${QWEN_VOCAB} (logits already on the GPU; SwiftShader):`);
  console.log(`  (a) ${describeTiming(kernel)}`);
  console.log(`  (b) ${describeTiming(download)}`);
  console.log(`  ratio (b)/(a) time = ${(download.medianMs / kernel.medianMs).toFixed(2)}×, bytes = ${(download.bytesPerToken / kernel.bytesPerToken).toFixed(0)}×; results agree: ${agree}; goal (a) < 100 B/token: ${kernel.bytesPerToken < 100 ? 'met' : 'MISSED'}`);
}

async function main(): Promise<void> {
  const allIds = benchIds(Math.max(...SIZES));
  const server = await startPreview();
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: FLAGS });
  try {
    const page = await browser.newPage();
    page.setDefaultTimeout(0);
    const modelUrl = await servedModel(page);
    await page.goto(`${BASE_URL}/diagnostics.html`);
    await page.waitForFunction(() => 'trellisDiagnostics' in window);
    await postProcessing(page);
    await throughput(page, modelUrl, allIds);
  } finally {
    await browser.close();
    server.kill();
  }
}

await main();
