// Scoring engine in Chromium (WebGPU on SwiftShader, WASM): adapter present, WGSL kernel matches the
// CPU reference, the test and bundled models score real trace excerpts on WebGPU and WASM within 1e-3
// of onnxruntime-node run on the same ids in this process, cancel works, and the trace view's panel.
import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import * as ortNode from 'onnxruntime-node';
import { nodeIdFeeds } from './node-feeds.ts';
import { reduceLogitsCpu } from '../src/reward/reduce-logits.ts';
import { createTokenizer } from '../src/reward/tokenizer/hf-tokenizer.ts';
import { StudioPage } from './pages/studio-page.ts';
import type { DiagnosticsScoreResult, TrellisDiagnostics } from '../src/ui/diagnostics/diagnostics-api.ts';

const MODEL_DIR = 'test/fixtures/models/tiny-random';
const BUNDLED_DIR = 'public/models/trellis-lm-tiny';
/** Parity models: the test model (routed from disk) and the bundled one (served by the app) once it exists. */
const PARITY_MODELS = [
  { name: 'tiny-random', dir: MODEL_DIR, url: '/models/tiny-random/' },
  ...(existsSync(join(BUNDLED_DIR, 'onnx/model.onnx')) ? [{ name: 'trellis-lm-tiny', dir: BUNDLED_DIR, url: '/models/trellis-lm-tiny/' }] : []),
];
const TOLERANCE = 1e-3;
const excerpts = (JSON.parse(readFileSync('e2e/fixtures/scoring-excerpts.json', 'utf8')) as { excerpts: { text: string }[] }).excerpts;

/** Serves the fixture model (not under public/) from disk at /models/NAME/. */
async function serveTestModel(page: Page, name = 'tiny-random'): Promise<void> {
  await page.route(`**/models/${name}/**`, async (route) => {
    const relative = new URL(route.request().url()).pathname.replace(`/models/${name}/`, '');
    const path = join(MODEL_DIR, relative);
    if (!existsSync(path)) return route.fulfill({ status: 404, body: 'not found' });
    return route.fulfill({ path, headers: { 'Cross-Origin-Resource-Policy': 'same-origin' } });
  });
}

async function openDiagnostics(page: Page): Promise<void> {
  await serveTestModel(page);
  await page.goto('/diagnostics.html');
  await page.waitForFunction(() => 'trellisDiagnostics' in window);
}

/** The Node path: onnxruntime-node (CPU), one shot with an empty past, reduced with the CPU reference. */
async function nodeScores(dir: string, ids: number[]): Promise<{ logprob: number[]; entropy: number[] }> {
  const config = JSON.parse(readFileSync(join(dir, 'config.json'), 'utf8')) as Record<string, number>;
  const session = await ortNode.InferenceSession.create(join(dir, 'onnx/model.onnx'));
  const length = ids.length;
  const feeds = nodeIdFeeds(session, ids);
  for (const name of session.inputNames.filter((n) => n.startsWith('past_key_values.'))) {
    feeds[name] = new ortNode.Tensor('float32', new Float32Array(0), [1, config.num_key_value_heads, 0, config.head_dim]);
  }
  const logits = (await session.run(feeds)).logits;
  await session.release();
  const vocab = logits.dims[2];
  const targets = Int32Array.from(ids.slice(1));
  const reduced = reduceLogitsCpu(logits.data as Float32Array, length - 1, vocab, targets, 5);
  return { logprob: [Number.NaN, ...reduced.logprob], entropy: [Number.NaN, ...reduced.entropy] };
}

function maxError(a: number[], b: number[]): number {
  let worst = 0;
  for (let i = 1; i < b.length; i++) worst = Math.max(worst, Number.isFinite(a[i]) ? Math.abs(a[i] - b[i]) : Infinity);
  return worst;
}

function scoreOn(page: Page, modelUrl: string, backend: 'webgpu' | 'wasm', text: string): Promise<DiagnosticsScoreResult> {
  return page.evaluate(
    ({ modelUrl, backend, text }) => (window as unknown as { trellisDiagnostics: TrellisDiagnostics }).trellisDiagnostics.score({ modelUrl, backend, text, chunkLength: 64 }),
    { modelUrl, backend, text },
  );
}

test('diagnostics page finds the WebGPU adapter and the kernel matches the CPU reference', async ({ page }) => {
  await openDiagnostics(page);
  await expect(page.getByTestId('adapter-fallback')).toHaveText(/true|false/);
  const adapter = await page.evaluate(() => (window as unknown as { trellisDiagnostics: TrellisDiagnostics }).trellisDiagnostics.probe());
  expect(adapter).not.toBeNull();
  expect(adapter!.maxStorageBufferBindingSize).toBeGreaterThan(0);
  await page.getByRole('button', { name: 'Run self-test' }).click();
  await expect(page.getByTestId('self-test-status')).toHaveText(/^PASS/, { timeout: 90_000 });
});

for (const model of PARITY_MODELS) {
  test(`${model.name} scores real excerpts on WebGPU and WASM within 1e-3 of onnxruntime-node`, async ({ page }) => {
    test.setTimeout(300_000);
    await openDiagnostics(page);
    const tokenizer = createTokenizer({
      name: model.name,
      tokenizerJson: readFileSync(join(model.dir, 'tokenizer.json'), 'utf8'),
      tokenizerConfig: readFileSync(join(model.dir, 'tokenizer_config.json'), 'utf8'),
    });
    for (const { text } of excerpts) {
      const ids = Array.from(tokenizer.encode(text).ids);
      const reference = await nodeScores(model.dir, ids);
      for (const backend of ['wasm', 'webgpu'] as const) {
        const browser = await scoreOn(page, model.url, backend, text);
        expect(browser.info.backend).toBe(backend);
        expect(browser.ids).toEqual(ids);
        expect(Number.isNaN(browser.logprob[0])).toBe(true);
        expect(maxError(browser.logprob, reference.logprob), `${backend} logprob`).toBeLessThan(TOLERANCE);
        expect(maxError(browser.entropy, reference.entropy), `${backend} entropy`).toBeLessThan(TOLERANCE);
        // Only the 52-byte records per position came back from the GPU.
        if (backend === 'webgpu') expect(browser.byteLengthReadBack).toBe((ids.length - 1) * 52);
      }
    }
  });
}

test('a running score can be cancelled between chunks', async ({ page }) => {
  await openDiagnostics(page);
  const outcome = await page.evaluate(async () => {
    const diagnostics = (window as unknown as { trellisDiagnostics: TrellisDiagnostics }).trellisDiagnostics;
    await diagnostics.score({ backend: 'wasm', ids: [1, 2, 3] }); // load the model first
    const ids = Array.from({ length: 16_000 }, (_, i) => 32 + (i % 90));
    const running = diagnostics.score({ backend: 'wasm', ids, chunkLength: 2 });
    await new Promise((resolve) => setTimeout(resolve, 50));
    diagnostics.cancel('wasm');
    return running.then(() => 'finished', (error: Error) => error.message);
  });
  expect(outcome).toMatch(/cancelled/);
});

test('the trace view scores the reasoning and shows backend, model, coloured tokens and a tooltip', async ({ page }) => {
  // The bundled model as the app serves it; the test model stands in where it has not been built.
  if (!existsSync(join(BUNDLED_DIR, 'onnx/model.onnx'))) await serveTestModel(page, 'trellis-lm-tiny');
  const studio = new StudioPage(page);
  await studio.goto();
  await studio.openWithChooser(['math-traces.jsonl']);
  await studio.load();
  await studio.selectRow('quad-1');
  const panel = page.getByRole('region', { name: 'Token scores' });
  await panel.getByRole('button', { name: 'Score' }).click();
  await expect(panel.getByRole('status')).toContainText(/\d+ tokens in/, { timeout: 60_000 });
  // SwiftShader is a fallback adapter, so auto picks WASM and says why.
  await expect(panel.getByTestId('score-model-info')).toContainText(/trellis-lm-tiny · .* params · .* · WASM \(\d threads?\) — software WebGPU adapter/);
  await expect(panel.getByLabel(/Colour legend: surprisal/)).toBeVisible();
  const tokens = panel.getByTestId('scored-text').locator('span[data-t]');
  expect(await tokens.count()).toBeGreaterThan(10);
  await tokens.nth(3).hover();
  await expect(page.getByRole('tooltip')).toContainText(/log p -?\d+\.\d+ · entropy \d+\.\d+ · rank \d+/);
  await panel.getByLabel('Colour tokens by').selectOption('entropy');
  await expect(panel.getByLabel(/Colour legend: entropy/)).toBeVisible();
});
