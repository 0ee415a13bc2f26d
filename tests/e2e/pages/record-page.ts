import { expect, type Locator, type Page } from '@playwright/test';

/** A scrap or purchase detail page: status, amounts, the next-step buttons and their dialog. */
export class RecordPageModel {
  readonly actions: Locator;
  readonly dialog: Locator;
  readonly history: Locator;

  constructor(readonly page: Page) {
    this.actions = page.getByTestId('record-actions');
    this.dialog = page.getByTestId('transition-dialog');
    this.history = page.getByTestId('event-history');
  }

  status(): Locator {
    return this.page.locator('.ant-card-head').first().locator('[data-status]');
  }

  async expectStatus(label: string) {
    await expect(this.status()).toHaveText(label);
  }

  /** 受理 / 公示 / 兑付 / 重新提交: the dialog opens with its OK button focused; Enter confirms. */
  async simpleAction(to: 'accepted' | 'published' | 'paid' | 'registered', label: string) {
    await this.page.getByTestId(`action-${to}`).click();
    await expect(this.dialog).toBeVisible();
    await expect(this.page.getByRole('button', { name: `确认${label}` })).toBeFocused();
    await this.page.keyboard.press('Enter');
    await expect(this.dialog).toBeHidden();
  }

  /** 核验通过 with every on-site check ticked (Space on each, Tab between them). */
  async verify(checkLabels: string[], note?: string) {
    await this.page.getByTestId('action-verified').click();
    await expect(this.dialog).toBeVisible();
    for (const label of checkLabels) await this.dialog.getByText(label).click();
    if (note) await this.dialog.getByTestId('transition-text').fill(note);
    await this.page.getByRole('button', { name: '确认核验通过' }).click();
    await expect(this.dialog).toBeHidden();
  }
}
