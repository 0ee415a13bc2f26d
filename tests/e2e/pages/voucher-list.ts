import { expect, type Locator, type Page } from '@playwright/test';

/** 补贴凭证: issued vouchers (search, filters, batch print, void) and the 已核验待出具 tab. */
export class VoucherListModel {
  readonly table: Locator;
  readonly search: Locator;

  constructor(readonly page: Page) {
    this.table = page.getByTestId('voucher-table');
    this.search = page.getByTestId('voucher-search');
  }

  async openFromMenu() {
    await this.page.getByRole('menuitem', { name: /补贴凭证/ }).click();
    await expect(this.page.getByRole('heading', { name: '补贴凭证' })).toBeVisible();
  }

  rows(): Locator {
    return this.table.locator('tbody tr.ant-table-row');
  }

  row(text: string): Locator {
    return this.rows().filter({ hasText: text });
  }

  async select(text: string) {
    await this.row(text).locator('.ant-checkbox-input').check();
  }

  async batchPrint() {
    await this.page.getByTestId('batch-print').click();
  }

  async voidVoucher(number: string, reason: string) {
    await this.row(number).getByTestId('void-voucher').click();
    await this.page.getByTestId('void-reason').fill(reason);
    await this.page.getByRole('button', { name: '确认作废' }).click();
    // the dialog closing (the void was saved), not the passing toast: a busy machine may miss a 3-second message
    await expect(this.page.getByTestId('void-reason')).toBeHidden();
  }

  async openPending() {
    const tab = this.page.getByRole('tab', { name: '已核验待出具' });
    await tab.click();
    await expect(tab).toHaveAttribute('aria-selected', 'true');
  }

  pendingRow(text: string): Locator {
    return this.page.getByTestId('pending-table').locator('tbody tr.ant-table-row').filter({ hasText: text });
  }
}
