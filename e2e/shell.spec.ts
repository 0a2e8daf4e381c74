import { test, expect } from '@playwright/test';

test('the studio shell loads and WebGPU is available', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Trellis' })).toBeVisible();
  const hasAdapter = await page.evaluate(async () => Boolean(await navigator.gpu?.requestAdapter()));
  expect(hasAdapter).toBe(true);
});
