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

  /** The township list on the first screen is a native <select> (no antd before sign-in): typed pinyin picks. */
  async chooseTownship(typed: string, name: string) {
    const list = this.page.locator('#field-townshipCode');
    await list.focus();
    await this.page.keyboard.type(typed);
    await expect(list.locator('option:checked')).toHaveText(name);
  }

  /** The first administrator: name, login and the password twice. */
  async fillAdmin(name: string, login: string, password: string, confirm = password) {
    await this.page.getByLabel('姓名').fill(name);
    await this.page.getByLabel('用户名（登录用）').fill(login);
    await this.page.getByLabel('密码', { exact: true }).fill(password);
    await this.page.locator('#field-confirm').fill(confirm);
  }

  async submit() {
    await this.page.getByRole('button', { name: '完成设置' }).click();
  }

  /** The one-time recovery code screen after setup: returns the code, confirms it is kept, enters. */
  async keepRecoveryCode(): Promise<string> {
    const code = (await this.page.getByTestId('recovery-code').textContent()) ?? '';
    await this.page.getByText('我已打印或抄写并妥善保存').click();
    await this.page.getByRole('button', { name: '进入系统' }).click();
    return code;
  }
}
