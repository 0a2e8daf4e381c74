// Page object for the studio: every locator goes through accessible roles and names.
import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { expect, type Locator, type Page } from '@playwright/test';

export const FIXTURES = join(import.meta.dirname, '..', 'fixtures');

export class StudioPage {
  readonly openButton: Locator;
  readonly traces: Locator;
  readonly traceView: Locator;
  readonly detection: Locator;
  readonly errors: Locator;
  readonly search: Locator;

  constructor(readonly page: Page) {
    this.openButton = page.getByRole('button', { name: 'Open…' }).first();
    this.traces = page.getByRole('grid', { name: 'Traces' });
    this.traceView = page.getByRole('region', { name: 'Trace' });
    this.detection = page.getByRole('region', { name: 'Detected format' });
    this.errors = page.getByRole('region', { name: /^Errors/ });
    this.search = page.getByRole('searchbox', { name: 'Search problems' });
  }

  async goto(): Promise<void> {
    await this.page.goto('/');
    await expect(this.page.getByRole('heading', { name: 'Trellis' })).toBeVisible();
  }

  /** Opens files through the real file chooser (button click or a shortcut). */
  async openWithChooser(fileNames: string[], trigger: () => Promise<void> = () => this.openButton.click()): Promise<void> {
    const chooser = this.page.waitForEvent('filechooser');
    await trigger();
    await (await chooser).setFiles(fileNames.map((name) => join(FIXTURES, name)));
  }

  /** Drops files on the page the way a browser does: a drop event carrying a DataTransfer. */
  async dropFiles(fileNames: string[]): Promise<void> {
    const files = fileNames.map((name) => ({ name: basename(name), text: readFileSync(join(FIXTURES, name), 'utf8') }));
    await this.page.evaluate((items) => {
      const transfer = new DataTransfer();
      for (const item of items) transfer.items.add(new File([item.text], item.name, { type: 'application/jsonl' }));
      const target = document.querySelector('main') ?? document.body;
      for (const type of ['dragenter', 'dragover', 'drop']) {
        target.dispatchEvent(new DragEvent(type, { dataTransfer: transfer, bubbles: true, cancelable: true }));
      }
    }, files);
  }

  /** Confirms the detection panel and waits until loading has finished. */
  async load(): Promise<void> {
    await this.detection.getByRole('button', { name: 'Load' }).click();
    await expect(this.page.getByRole('progressbar')).toHaveCount(0);
  }

  dataRows(): Locator {
    return this.traces.getByRole('row').filter({ has: this.page.getByRole('gridcell') });
  }

  rowCountText(): Locator {
    return this.page.getByText(/^[\d,]+ of [\d,]+ traces$/);
  }

  async selectRow(id: string): Promise<void> {
    await this.dataRows().filter({ hasText: id }).first().click();
    await expect(this.traceView.getByRole('heading', { name: 'Problem' })).toBeVisible();
  }
}
