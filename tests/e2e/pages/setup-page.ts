import { expect, type Page } from '@playwright/test';

/** The first-run screen. */
export class SetupPageModel {
  constructor(readonly page: Page) {}

  async expectShown() {
    await expect(this.page.getByRole('heading', { name: '初始设置' })).toBeVisible();
  }

  async chooseCounty() {
    await this.page.getByText('县农业农村局', { exact: true }).click();
  }

  async chooseTownship(typed: string, name: string) {
    await this.page.locator('#field-townshipCode').click();
    await this.page.keyboard.type(typed);
    await this.page.locator('.ant-select-item-option', { hasText: name }).click();
  }

  async fillOperator(name: string) {
    await this.page.getByLabel('操作员姓名').fill(name);
  }

  async submit() {
    await this.page.getByRole('button', { name: '完成设置' }).click();
  }
}
