import { type Locator, type Page } from '@playwright/test';

/** A ledger (台账): filters, rows, export. */
export class LedgerPageModel {
  readonly table: Locator;
  constructor(
    readonly page: Page,
    testId: 'purchase-ledger' | 'scrap-ledger',
  ) {
    this.table = page.getByTestId(testId);
  }

  rows(): Locator {
    return this.table.locator('tbody tr.ant-table-row');
  }

  async search(q: string) {
    await this.page.getByTestId('filter-q').fill(q);
  }

  async exportXlsx(): Promise<string> {
    const [download] = await Promise.all([this.page.waitForEvent('download'), this.page.getByTestId('export-xlsx').click()]);
    const path = await download.path();
    return path;
  }
}
