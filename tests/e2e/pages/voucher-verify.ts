import { expect, type Locator, type Page } from '@playwright/test';

/** 凭证核验: one input a scanner types into, and the verdict. */
export class VoucherVerifyModel {
  readonly input: Locator;
  readonly result: Locator;

  constructor(readonly page: Page) {
    this.input = page.getByTestId('verify-input');
    this.result = page.getByTestId('verify-result');
  }

  async openFromMenu() {
    await this.page.getByRole('menuitem', { name: /凭证核验/ }).click();
    await expect(this.page.getByRole('heading', { name: '凭证核验' })).toBeVisible();
  }

  /** Types like a USB scanner (keystrokes, then Enter) into the box, which must already have focus. */
  async scan(code: string) {
    await expect(this.input).toBeFocused();
    await this.page.keyboard.type(code, { delay: 2 });
    await this.page.keyboard.press('Enter');
    await expect(this.page.getByTestId('verify-code')).toContainText(`核验内容：${code} `);
  }

  async expectVerdict(word: string) {
    await expect(this.page.getByTestId('verify-word')).toHaveText(word);
  }
}
