// The studio's reward track: a synthetic trace with a wrong product that is never repaired
// (fixtures/reward-traces.jsonl) scored with the bundled trellis-rm-tiny in the trace view. Asserts
// structure only — a legend, a pivot marker, ≥ 2 subsequences, a negative one starting within a few
// tokens after the error — never exact rewards or pivot positions, so a retrained model still passes.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { tokenAtChar } from '../src/reward/pivots/token-spans.ts';
import { createTokenizer } from '../src/reward/tokenizer/hf-tokenizer.ts';
import { ScorePanel } from './pages/score-panel.ts';
import { FIXTURES, StudioPage } from './pages/studio-page.ts';

interface RewardFixture {
  id: string;
  solution: string;
  error: { charStart: number; charEnd: number; text: string };
}

const FIXTURE_FILE = 'reward-traces.jsonl';
const [trace] = readFileSync(join(FIXTURES, FIXTURE_FILE), 'utf8').trim().split('\n').map((line) => JSON.parse(line) as RewardFixture);
/** How many tokens after the error's first token the reward may take to turn negative (the model card's localisation window). */
const MAX_DELAY_TOKENS = 8;
const MODEL_URL = '/models/trellis-rm-tiny/';

test('the trace view scores the reasoning with the reward model and shows reward colours, pivots and subsequences', async ({ page, request }) => {
  test.setTimeout(180_000);
  const studio = new StudioPage(page);
  await studio.goto();
  await studio.openWithChooser([FIXTURE_FILE]);
  await studio.load();
  await studio.selectRow(trace.id);

  const panel = new ScorePanel(page);
  await panel.rewardButton.click();
  await expect(panel.status).toContainText(/\d+ tokens in .* \d+ pivots?/, { timeout: 90_000 });
  // Automatic backend: WASM on SwiftShader's software adapter, WebGPU on a real GPU.
  await expect(panel.rewardModelInfo).toContainText(/trellis-rm-tiny · .* params · .* · (WASM \(\d threads?\)|WEBGPU) — /);
  await expect(panel.trackSelect).toHaveValue('reward');
  await expect(panel.legend(/Colour legend: reward/)).toBeVisible();

  expect(await panel.pivotMarkers.count()).toBeGreaterThanOrEqual(1);
  expect(await panel.subsequences.count()).toBeGreaterThanOrEqual(2);
  const negative = panel.subsequencesWithSign(-1);
  expect(await negative.count()).toBeGreaterThanOrEqual(1);
  await expect(negative.first()).toContainText('negative');

  // The error's token in the tokenizer the browser used (fetched from the app, like the model).
  const tokenizerFile = async (name: string) => (await request.get(`${MODEL_URL}${name}`)).text();
  const tokenizer = createTokenizer({ name: 'trellis-rm-tiny', tokenizerJson: await tokenizerFile('tokenizer.json'), tokenizerConfig: await tokenizerFile('tokenizer_config.json') });
  const reasoning = trace.solution.slice('<think>\n'.length, trace.solution.indexOf('\n</think>'));
  expect(reasoning.slice(trace.error.charStart, trace.error.charEnd)).toBe(trace.error.text);
  const errorToken = tokenAtChar(tokenizer.encode(reasoning), trace.error.charStart);
  const negativeStarts = await negative.evaluateAll((buttons) => buttons.map((button) => Number((button as HTMLElement).dataset.tokenStart)));
  expect(negativeStarts.some((tokenStart) => tokenStart >= errorToken && tokenStart <= errorToken + MAX_DELAY_TOKENS),
    `a negative subsequence starts within ${MAX_DELAY_TOKENS} tokens after the error (token ${errorToken}); negative starts: ${negativeStarts}`).toBe(true);

  // A click selects the subsequence and outlines it in the text.
  await negative.first().click();
  await expect(negative.first()).toHaveAttribute('aria-current', 'true');
  const segmentIndex = await negative.first().getAttribute('data-segment-index');
  await expect(panel.rewardText.locator(`[data-segment="${segmentIndex}"]`)).toHaveClass(/selected/);

  await panel.rewardText.locator('span[data-t]').nth(3).hover();
  await expect(page.getByRole('tooltip')).toContainText(/reward -?\d\.\d{4}/);
});
