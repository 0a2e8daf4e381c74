// Reward-model scoring in Chromium: the bundled trellis-rm-tiny (served by the app) and the test
// reward model (with position_ids, routed from disk) give per-token rewards on WebGPU (SwiftShader)
// and WASM within 1e-3 of onnxruntime-node run in this process on the very same model bytes and ids;
// progress reaches the end and a long run can be cancelled.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import * as ortNode from 'onnxruntime-node';
import { nodeIdFeeds } from './node-feeds.ts';
import { createTokenizer, type HfTokenizer } from '../src/reward/tokenizer/hf-tokenizer.ts';
import type { DiagnosticsRewardResult, TrellisDiagnostics } from '../src/ui/diagnostics/diagnostics-api.ts';

const TOLERANCE = 1e-3;
/** Keeps the software-GPU run short. */
const MAX_TOKENS = 300;
const BUNDLED = { name: 'trellis-rm-tiny', url: '/models/trellis-rm-tiny/' };
/** Not under public/: served from disk by a route. */
const FIXTURE = { name: 'tiny-random-rm', url: '/models/tiny-random-rm/', dir: 'test/fixtures/models/tiny-random-rm' };
const excerpts = (JSON.parse(readFileSync('e2e/fixtures/scoring-excerpts.json', 'utf8')) as { excerpts: { text: string }[] }).excerpts;

interface ModelRef { name: string; url: string; dir?: string }
interface ModelBytes { model: Uint8Array; tokenizer: HfTokenizer }

async function routeFixture(page: Page, model: ModelRef): Promise<void> {
  if (!model.dir) return;
  const dir = model.dir;
  await page.route(`**${model.url}**`, async (route) => {
    const path = join(dir, new URL(route.request().url()).pathname.replace(model.url, ''));
    if (!existsSync(path)) return route.fulfill({ status: 404, body: 'not found' });
    return route.fulfill({ path, headers: { 'Cross-Origin-Resource-Policy': 'same-origin' } });
  });
}

/** The bytes the browser gets: from disk for the fixture, else from the app server (so a model rewritten on disk mid-run cannot skew the comparison). */
async function readModel(request: APIRequestContext, model: ModelRef): Promise<ModelBytes> {
  const read = async (path: string): Promise<Buffer> => {
    if (model.dir) return readFileSync(join(model.dir, path));
    const response = await request.get(model.url + path);
    expect(response.ok(), `${model.url}${path}`).toBe(true);
    return response.body();
  };
  const [model_, tokenizerJson, tokenizerConfig] = await Promise.all([read('onnx/model.onnx'), read('tokenizer.json'), read('tokenizer_config.json')]);
  return {
    model: new Uint8Array(model_),
    tokenizer: createTokenizer({ name: model.name, tokenizerJson: tokenizerJson.toString('utf8'), tokenizerConfig: tokenizerConfig.toString('utf8') }),
  };
}

/** The Node path: onnxruntime-node (CPU), one run over the whole sequence (it fits the context). */
async function nodeRewards(session: ortNode.InferenceSession, ids: number[]): Promise<number[]> {
  const rewards = (await session.run(nodeIdFeeds(session, ids))).rewards;
  expect(rewards.dims).toEqual([1, ids.length]);
  return Array.from(rewards.data as Float32Array);
}

/** At most MAX_TOKENS tokens of `text`, cut at a token boundary. */
function truncate(tokenizer: HfTokenizer, text: string): string {
  const encoded = tokenizer.encode(text);
  return encoded.ids.length <= MAX_TOKENS ? text : text.slice(0, encoded.charEnd[MAX_TOKENS - 1]);
}

function maxAbsDifference(a: number[], b: number[]): number {
  expect(a).toHaveLength(b.length);
  return a.reduce((worst, value, i) => Math.max(worst, Number.isFinite(value) ? Math.abs(value - b[i]) : Infinity), 0);
}

async function openDiagnostics(page: Page, model: ModelRef): Promise<void> {
  await routeFixture(page, model);
  await page.goto('/diagnostics.html');
  await page.waitForFunction(() => 'trellisDiagnostics' in window);
}

function scoreRewardsOn(page: Page, modelUrl: string, backend: 'webgpu' | 'wasm', text: string): Promise<DiagnosticsRewardResult> {
  return page.evaluate(
    ({ modelUrl, backend, text }) => (window as unknown as { trellisDiagnostics: TrellisDiagnostics }).trellisDiagnostics.scoreRewards({ modelUrl, backend, text }),
    { modelUrl, backend, text },
  );
}

for (const model of [BUNDLED, FIXTURE] as ModelRef[]) {
  test(`${model.name} rewards on WebGPU and WASM match onnxruntime-node within 1e-3`, async ({ page, request }) => {
    test.setTimeout(300_000);
    await openDiagnostics(page, model);
    const { model: modelBytes, tokenizer } = await readModel(request, model);
    const session = await ortNode.InferenceSession.create(modelBytes);
    const worst = { webgpu: 0, wasm: 0 };
    const durationMs = { webgpu: 0, wasm: 0 };
    try {
      for (const excerpt of excerpts) {
        const text = truncate(tokenizer, excerpt.text);
        const ids = Array.from(tokenizer.encode(text).ids);
        const reference = await nodeRewards(session, ids);
        // A graph that returns a constant would agree with itself: the model must tell tokens apart.
        expect(Math.max(...reference) - Math.min(...reference), 'spread of the Node rewards').toBeGreaterThan(TOLERANCE);
        for (const backend of ['wasm', 'webgpu'] as const) {
          const browser = await scoreRewardsOn(page, model.url, backend, text);
          expect(browser.info.backend).toBe(backend);
          expect(browser.info.hasKvCache).toBe(false);
          expect(browser.ids).toEqual(ids);
          expect(Math.max(...browser.rewards) - Math.min(...browser.rewards), `${backend} spread`).toBeGreaterThan(TOLERANCE);
          const difference = maxAbsDifference(browser.rewards, reference);
          expect(difference, `${backend} max |Δ reward|`).toBeLessThan(TOLERANCE);
          expect(browser.progress.at(-1)).toEqual({ tokensDone: ids.length, tokensTotal: ids.length });
          worst[backend] = Math.max(worst[backend], difference);
          durationMs[backend] += browser.durationMs;
        }
      }
    } finally {
      await session.release();
    }
    const summary = `${model.name}: max |Δ reward| vs Node — WebGPU ${worst.webgpu.toExponential(2)}, WASM ${worst.wasm.toExponential(2)}; `
      + `scoring ${durationMs.webgpu.toFixed(0)} ms WebGPU, ${durationMs.wasm.toFixed(0)} ms WASM`;
    test.info().annotations.push({ type: 'parity', description: summary });
    console.log(summary);
  });
}

test('a running reward score can be cancelled between windows, and a causal LM is refused as a reward model', async ({ page }) => {
  await openDiagnostics(page, BUNDLED);
  const outcome = await page.evaluate(async () => {
    const diagnostics = (window as unknown as { trellisDiagnostics: TrellisDiagnostics }).trellisDiagnostics;
    await diagnostics.scoreRewards({ backend: 'wasm', ids: [1, 2, 3] }); // load the model first
    // 16 windows of the 1,024-token context: seconds of work on WASM.
    const ids = Array.from({ length: 8_192 }, (_, i) => 32 + (i % 90));
    const running = diagnostics.scoreRewards({ backend: 'wasm', ids });
    await new Promise((resolve) => setTimeout(resolve, 50));
    diagnostics.cancel('wasm');
    const cancelled = await running.then(() => 'finished', (error: Error) => error.message);
    const refused = await diagnostics.scoreRewards({ backend: 'wasm', modelUrl: '/models/trellis-lm-tiny/', ids: [1, 2] })
      .then(() => 'loaded', (error: Error) => error.message);
    return { cancelled, refused };
  });
  expect(outcome.cancelled).toMatch(/cancelled/);
  expect(outcome.refused).toMatch(/causal LM .*rewards/);
});
