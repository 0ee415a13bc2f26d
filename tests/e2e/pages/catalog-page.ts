import { expect, type Locator, type Page } from '@playwright/test';

/** 补贴额一览表: version selector, search, the grouped table and the import dialog. */
export class CatalogPageModel {
  readonly search: Locator;
  readonly table: Locator;
  readonly sampleTag: Locator;
  readonly dialog: Locator;
  readonly confirm: Locator;

  constructor(readonly page: Page) {
    this.search = page.getByTestId('catalog-search');
    this.table = page.getByTestId('catalog-table');
    this.sampleTag = page.getByTestId('sample-tag');
    this.dialog = page.locator('.ant-modal').filter({ hasText: '导入补贴额一览表' });
    this.confirm = page.getByTestId('import-confirm');
  }

  async openFromMenu() {
    await this.page.getByRole('menuitem', { name: /补贴额一览表/ }).click();
    await expect(this.page.getByRole('heading', { name: '补贴额一览表' })).toBeVisible();
  }

  /** Names of the items shown (one merged cell per item). */
  items(): Locator {
    return this.table.getByTestId('catalog-item');
  }

  /** The table row of a band, found by its label. */
  bandRow(label: string): Locator {
    return this.table.locator('tbody tr.ant-table-row').filter({ hasText: label });
  }

  async openImport() {
    await this.page.getByTestId('catalog-import').click();
    await expect(this.dialog).toBeVisible();
  }

  /** Chooses a file in the import dialog, as if picked in the file dialog. */
  async chooseFile(name: string, buffer: Buffer) {
    const mimeType = name.endsWith('.csv') ? 'text/csv' : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
    await this.dialog.locator('input[type="file"]').setInputFiles({ name, mimeType, buffer });
    await expect(this.page.getByTestId('import-report')).toBeVisible();
  }

  reportRow(rowNumber: number): Locator {
    return this.page
      .getByTestId('import-rows')
      .locator('tbody tr.ant-table-row')
      .filter({ has: this.page.locator('td', { hasText: new RegExp(`^${rowNumber}$`) }) });
  }
}
