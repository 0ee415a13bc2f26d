import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { expect, type Locator, type Page } from '@playwright/test';
import { ARTIFACTS, openApp, type RunningApp } from '../fixtures';

/** 目标进度 (/progress): cards, pace, charts, township table, targets and mechanization tabs. */
export class ProgressPageModel {
  constructor(readonly page: Page) {}

  async open(app: RunningApp, query = '') {
    await openApp(this.page, app, `#/progress${query}`);
    await expect(this.page.getByTestId('progress-page')).toBeVisible();
  }

  card(kind: 'scraps' | 'purchases' | 'terminals' | 'funds' | 'mechanization' | 'drying'): Locator {
    return this.page.getByTestId(`card-${kind}`);
  }

  /** The big number of a machine card and the target beside it. */
  async measure(kind: 'scraps' | 'purchases'): Promise<{ done: number; target: number }> {
    const card = this.card(kind);
    const done = Number((await card.locator('.ant-statistic-content-value').innerText()).replace(/,/g, ''));
    const target = Number(
      /\/\s*([\d,]+)\s*台/.exec(await card.locator('.ant-statistic-content-suffix').innerText())?.[1]?.replace(/,/g, ''),
    );
    return { done, target };
  }

  townshipRow(code: string): Locator {
    return this.page.getByTestId('township-table').locator(`tr[data-township="${code}"]`);
  }

  tab(name: '目标进度' | '目标设置' | '机械化率'): Locator {
    return this.page.getByRole('tab', { name });
  }

  async waitForCharts() {
    for (const id of ['chart-cumulative', 'chart-monthly', 'chart-items', 'chart-terminals']) {
      await expect(this.page.getByTestId(id).locator('svg path').first()).toBeAttached();
    }
    await this.page.evaluate(() => document.fonts.ready.then(() => undefined));
  }

  /** A PNG of one element (a chart, a table), kept beside the full-page screenshots. */
  async keepElement(locator: Locator, name: string): Promise<string> {
    mkdirSync(ARTIFACTS, { recursive: true });
    const path = join(ARTIFACTS, `${name}.png`);
    await locator.screenshot({ path });
    return path;
  }

  async exportReport(): Promise<ExcelJS.Workbook> {
    const [download] = await Promise.all([this.page.waitForEvent('download'), this.page.getByTestId('export-report').click()]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(await download.path());
    return wb;
  }
}

/** The values of the first row of a sheet whose first cell is `label` (cells from column A). */
export function sheetRow(wb: ExcelJS.Workbook, sheet: string, label: string): unknown[] {
  const ws = wb.getWorksheet(sheet);
  let found: unknown[] = [];
  ws?.eachRow((r) => {
    const values = (r.values as unknown[]).slice(1);
    if (found.length === 0 && values[0] === label) found = values;
  });
  return found;
}
