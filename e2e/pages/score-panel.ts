// Page object for the trace view's Score panel (LM and reward tracks), by accessible roles and names.
import { type Locator, type Page } from '@playwright/test';

export class ScorePanel {
  readonly root: Locator;
  readonly scoreButton: Locator;
  readonly rewardButton: Locator;
  readonly status: Locator;
  readonly modelInfo: Locator;
  readonly rewardModelInfo: Locator;
  readonly trackSelect: Locator;
  readonly rewardText: Locator;
  readonly pivotMarkers: Locator;
  readonly subsequences: Locator;

  constructor(page: Page) {
    this.root = page.getByRole('region', { name: 'Token scores' });
    this.scoreButton = this.root.getByRole('button', { name: 'Score', exact: true });
    this.rewardButton = this.root.getByRole('button', { name: 'Reward & pivots' });
    this.status = this.root.getByRole('status');
    this.modelInfo = this.root.getByTestId('score-model-info');
    this.rewardModelInfo = this.root.getByTestId('reward-model-info');
    this.trackSelect = this.root.getByLabel('Colour tokens by');
    this.rewardText = this.root.getByTestId('reward-text');
    this.pivotMarkers = this.rewardText.getByRole('img', { name: /^pivot: reward turns (negative|positive)$/ });
    this.subsequences = this.root.getByRole('list', { name: 'Subsequences between pivots' }).getByRole('button');
  }

  legend(label: RegExp): Locator {
    return this.root.getByLabel(label);
  }

  /** Subsequence buttons of one sign (data-sign carries it; the visible text says it in words). */
  subsequencesWithSign(sign: 1 | -1): Locator {
    return this.subsequences.and(this.root.locator(`[data-sign="${sign}"]`));
  }
}
