import { test, expect } from '@playwright/test';
import { StudioPage } from './pages/studio-page.ts';

test('the studio loads with WebGPU available', async ({ page }) => {
  const studio = new StudioPage(page);
  await studio.goto();
  await expect(page.getByRole('heading', { name: 'Open a reasoning-trace dataset' })).toBeVisible();
  const hasAdapter = await page.evaluate(async () => (await navigator.gpu?.requestAdapter()) != null);
  expect(hasAdapter).toBe(true);
});

test('opens a fixture with the file chooser, shows detection, fills the table and renders math', async ({ page }) => {
  const studio = new StudioPage(page);
  await studio.goto();
  await studio.openWithChooser(['math-traces.jsonl']);
  await expect(studio.detection).toContainText('math-traces.jsonl');
  await expect(studio.detection).toContainText('problem-solution');
  await studio.load();
  await expect(studio.dataRows()).toHaveCount(6);
  await expect(studio.rowCountText()).toHaveText('6 of 6 traces');

  await studio.selectRow('quad-1');
  await expect(studio.traceView.getByRole('heading', { name: 'Reasoning' })).toBeVisible();
  await expect(studio.traceView.locator('.katex').first()).toBeVisible();
  await expect(studio.traceView.locator('.katex-display').first()).toBeVisible();
  await expect(studio.traceView.getByText('The larger root is')).toBeVisible();

  // Raw view shows the LaTeX source instead of typeset math.
  await page.getByRole('button', { name: 'Raw LaTeX' }).click();
  await expect(studio.traceView.locator('.katex')).toHaveCount(0);
  await expect(studio.traceView.getByText('Solve $x^2 - 5x + 6 = 0$ and give the larger root.')).toBeVisible();
});

test('opens a fixture by drag and drop', async ({ page }) => {
  const studio = new StudioPage(page);
  await studio.goto();
  await studio.dropFiles(['math-traces.jsonl']);
  await expect(studio.detection).toContainText('math-traces.jsonl');
  await studio.load();
  await expect(studio.dataRows()).toHaveCount(6);
});

test('filters, searches and sorts the table', async ({ page }) => {
  const studio = new StudioPage(page);
  await studio.goto();
  // Focus the page first, as a user's click would: a key press sent to a page that never had focus
  // does not always reach it when earlier tests opened file choosers in the same browser.
  await page.getByRole('heading', { name: 'Trellis' }).click();
  await studio.openWithChooser(['math-traces.jsonl'], () => page.keyboard.press('Control+O'));
  await studio.load();
  await expect(studio.dataRows()).toHaveCount(6);

  await page.getByLabel('Truncated').selectOption('yes');
  await expect(studio.dataRows()).toHaveCount(1);
  await expect(studio.dataRows().first()).toContainText('cut-4');
  await page.getByLabel('Truncated').selectOption('any');
  await page.getByLabel('Reference').selectOption('no');
  await expect(studio.dataRows()).toHaveCount(1);
  await expect(studio.dataRows().first()).toContainText('noref-5');
  await page.getByLabel('Reference').selectOption('any');

  await studio.search.fill('circle');
  await expect(studio.dataRows()).toHaveCount(1);
  await expect(studio.dataRows().first()).toContainText('geo-6');
  await studio.search.fill('');
  await expect(studio.dataRows()).toHaveCount(6);

  await page.getByRole('columnheader', { name: 'Chars' }).getByRole('button').click();
  await expect(page.getByRole('columnheader', { name: /Chars/ })).toHaveAttribute('aria-sort', 'ascending');
  await expect(studio.dataRows().first()).toContainText('geo-6');
  await page.getByRole('columnheader', { name: /Chars/ }).getByRole('button').click();
  await expect(page.getByRole('columnheader', { name: /Chars/ })).toHaveAttribute('aria-sort', 'descending');
  await expect(studio.dataRows().first()).toContainText('quad-1');
  await expect(studio.dataRows().last()).toContainText('geo-6');
});

test('a malformed file gives a clear error naming file and line', async ({ page }) => {
  const studio = new StudioPage(page);
  await studio.goto();
  await studio.openWithChooser(['malformed.jsonl']);
  await studio.load();
  await expect(studio.errors.getByRole('alert')).toContainText('No traces could be read from malformed.jsonl');
  const list = studio.errors.getByRole('list', { name: 'Error list' });
  await expect(list).toContainText('malformed.jsonl, line 1');
  await expect(list).toContainText('malformed.jsonl, line 3');
  await expect(studio.dataRows()).toHaveCount(0);
  await studio.errors.getByRole('button', { name: 'Hide list' }).click();
  await expect(list).toHaveCount(0);
});

test('several files at once: valid rows load and the bad file is reported', async ({ page }) => {
  const studio = new StudioPage(page);
  await studio.goto();
  await studio.openWithChooser(['math-traces.jsonl', 'malformed.jsonl']);
  await expect(studio.detection.getByRole('row')).toHaveCount(3);
  await studio.load();
  await expect(studio.rowCountText()).toHaveText('6 of 6 traces');
  await expect(studio.errors.getByRole('heading')).toHaveText('Errors (3)');
  await expect(studio.errors.getByRole('list', { name: 'Error list' }).getByRole('listitem')).toHaveCount(3);
});

test('a binary file with a JSONL name is reported, not parsed', async ({ page }) => {
  const studio = new StudioPage(page);
  await studio.goto();
  await page.evaluate(() => {
    const bytes = Uint8Array.from({ length: 4096 }, (_, i) => (i * 37 + 11) % 256);
    const transfer = new DataTransfer();
    transfer.items.add(new File([bytes], 'garbage.jsonl'));
    document.body.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }));
  });
  await expect(studio.detection).toContainText('not recognised');
  await studio.load();
  await expect(studio.errors.getByRole('alert')).toContainText('No traces could be read from garbage.jsonl');
  await expect(studio.errors.getByRole('list', { name: 'Error list' })).toContainText('garbage.jsonl');
});

test('the bundled sample dataset loads from the empty state', async ({ page }) => {
  const studio = new StudioPage(page);
  await studio.goto();
  await expect(page.getByRole('link', { name: 'Full attribution' })).toBeVisible();
  await page.getByRole('button', { name: 'Open sample dataset' }).click();
  await expect(studio.detection).toContainText('thought-anchors-r1-distill.jsonl');
  await studio.load();
  await expect(studio.rowCountText()).toHaveText('28 of 28 traces');
  await studio.dataRows().first().click();
  await expect(studio.traceView.locator('.katex').first()).toBeVisible();
  await page.keyboard.press('j');
  await expect(studio.dataRows().nth(1)).toHaveAttribute('aria-selected', 'true');
  await page.getByRole('rowgroup').focus();
  await page.keyboard.press('ArrowDown');
  await expect(studio.dataRows().nth(2)).toHaveAttribute('aria-selected', 'true');
});

test('the address npm start prints (?sample) opens with the sample dataset loaded', async ({ page }) => {
  const studio = new StudioPage(page);
  await page.goto('/?sample');
  await expect(studio.rowCountText()).toHaveText('28 of 28 traces');
  await expect(studio.detection).toHaveCount(0);
});

test('? opens keyboard help built from the command registry', async ({ page }) => {
  const studio = new StudioPage(page);
  await studio.goto();
  await page.keyboard.press('?');
  const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText('Open dataset files');
  await expect(dialog).toContainText('Toggle raw / rendered math');
  // Modal: Tab never reaches the page behind it.
  for (let i = 0; i < 4; i++) {
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement === document.body || !!document.activeElement?.closest('dialog'))).toBe(true);
  }
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
});

const LARGE_ROWS = 50_000;

test('a large file shows progress, rows appear while loading, and loading can be cancelled', async ({ page }) => {
  const studio = new StudioPage(page);
  await studio.goto();
  // ~200 MB built inside the page from one 10 MB part repeated; rows without ids get file+row ids.
  await page.evaluate(({ rowCount, parts }) => {
    const reasoning = 'We compute $a^2 + b^2$ step by step and check it again. '.repeat(70);
    const line = JSON.stringify({ problem: 'Find $x$.', solution: `<think>\n${reasoning}\n</think>\n\n$\\boxed{1}$`, answer: '1' });
    const part = `${line}\n`.repeat(rowCount / parts);
    const transfer = new DataTransfer();
    transfer.items.add(new File(Array.from({ length: parts }, () => part), 'large.jsonl'));
    document.body.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }));
  }, { rowCount: LARGE_ROWS, parts: 20 });
  await studio.detection.getByRole('button', { name: 'Load' }).click();
  const progress = page.getByRole('progressbar', { name: 'Loading progress' });
  await expect(progress).toBeVisible();
  await expect(page.getByRole('region', { name: 'Loading' })).toContainText(/MB of \d+ MB · [\d,]+ rows/);
  await expect(studio.dataRows().first()).toBeVisible();
  await expect(progress).toBeVisible();
  await page.getByRole('button', { name: 'Cancel loading' }).click();
  await expect(progress).toHaveCount(0);
  await expect(page.getByLabel('Dataset status')).toContainText('loading cancelled');
  const shown = await studio.rowCountText().textContent();
  const loaded = Number(/of ([\d,]+) traces/.exec(shown ?? '')?.[1].replace(/,/g, ''));
  expect(loaded).toBeGreaterThan(0);
  expect(loaded).toBeLessThan(LARGE_ROWS);
});
