import { expect, type Locator, type Page } from '@playwright/test';

/** 烘干设施: the list, the site form, the site page (stages, dryers, retirement) and the dashboard. */
export class DryingPageModel {
  constructor(readonly page: Page) {}

  async openFromMenu() {
    await this.page.getByRole('menuitem', { name: /烘干设施/ }).click();
    await expect(this.page.getByRole('heading', { name: '烘干设施 · 烘干中心与烘干点' })).toBeVisible();
  }

  form(testId: string): Locator {
    return this.page.getByTestId(testId);
  }

  field(form: Locator, name: string): Locator {
    return form.locator(`#field-${name}`);
  }

  errorUnder(form: Locator, name: string): Locator {
    return form.locator(`[data-field="${name}"] .ant-form-item-explain-error`);
  }

  async fillDate(input: Locator, date: string) {
    await input.click();
    await input.fill(date);
    await this.page.keyboard.press('Enter');
  }

  async choose(input: Locator, typed: string, option: string) {
    await input.click();
    if (typed) await this.page.keyboard.type(typed);
    await this.page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: option }).first().click();
  }

  /** 新增烘干设施 as the bureau types it; the township defaults to the station's. */
  async createSite(s: {
    kind?: '烘干中心' | '烘干点';
    name: string;
    village: string;
    operator?: [string, string];
    conformity: '符合' | '不符合' | '待认定';
    docNo?: string;
    plannedCompletion?: string;
  }) {
    await this.page.getByTestId('new-site').click();
    const form = this.form('site-form');
    await expect(form).toBeVisible();
    if (s.kind) await form.getByText(s.kind, { exact: true }).click();
    await this.field(form, 'name').fill(s.name);
    await this.field(form, 'village').fill(s.village);
    if (s.operator) await this.choose(this.field(form, 'operatorId'), s.operator[0], s.operator[1]);
    if (s.plannedCompletion) await this.fillDate(this.field(form, 'plannedCompletion'), s.plannedCompletion);
    await form.getByText(s.conformity, { exact: true }).click();
    if (s.docNo) await this.field(form, 'conformityDocNo').fill(s.docNo);
    await this.field(form, 'investmentFen').fill('3800000');
    await this.field(form, 'subsidyFen').fill('1200000');
    await this.field(form, 'areaServedMu').fill('12000');
    await this.page.getByTestId('site-submit').click();
    await expect(this.page.getByTestId('site-name')).toHaveText(s.name);
  }

  /** Presses the stage button and confirms the dialog (date: today). */
  async tryMoveTo(stage: 'building' | 'built' | 'operating' | 'closed') {
    await this.page.getByTestId(`to-${stage}`).click();
    await expect(this.page.getByTestId('transition-form')).toBeVisible();
    // a click during the modal's opening animation can be lost: wait for it to settle
    await expect(this.page.locator('.ant-modal[class*="zoom"]')).toHaveCount(0);
    await this.page.getByTestId('transition-confirm').click();
  }

  /** As tryMoveTo, and waits for the move to show in the history. */
  async moveTo(stage: 'building' | 'built' | 'operating' | 'closed') {
    await this.tryMoveTo(stage);
    await expect(this.page.getByTestId('transition-form')).toBeHidden();
    const label = { building: '在建', built: '建成', operating: '投产', closed: '停用' }[stage];
    await expect(this.page.getByTestId('stage-history').locator('tbody tr').first()).toContainText(`→ ${label}`);
  }

  stageSteps(): Locator {
    return this.page.getByTestId('stage-steps');
  }

  /** 添加烘干机 from the keyboard: Enter moves on, a select takes pinyin initials, Ctrl+Enter saves from the notes. */
  async addDryer(d: { maker: string; model: string; batchT: string; heat: [string, string]; year: string }) {
    await this.page.getByTestId('add-dryer').click();
    const form = this.form('dryer-form');
    await expect(this.field(form, 'maker')).toBeFocused();
    const typeEnter = async (text: string) => {
      if (text) await this.page.keyboard.type(text);
      await this.page.keyboard.press('Enter');
    };
    await typeEnter(d.maker);
    await typeEnter(d.model);
    await expect(form.getByLabel('循环式（批式）')).toBeFocused();
    await typeEnter('');
    await typeEnter(d.batchT);
    await expect(this.field(form, 'dailyT')).toBeFocused();
    await expect(form.locator('[data-field="dailyT"]')).toContainText(`按每日 2 批折算：${Number(d.batchT) * 2} 吨/日`);
    await typeEnter(''); // t/日 left to the factor
    await expect(this.field(form, 'heatSource')).toBeFocused();
    await this.page.keyboard.type(d.heat[0]);
    await expect(this.page.locator('.ant-select-dropdown:visible .ant-select-item-option-active')).toContainText(d.heat[1]);
    await typeEnter(''); // picks
    await expect(form.locator('[data-field="heatSource"]')).toContainText(d.heat[1]);
    await expect(this.field(form, 'heatSource')).toHaveAttribute('aria-expanded', 'false');
    await expect(this.page.locator('.ant-select-dropdown:visible')).toHaveCount(0);
    await typeEnter(''); // moves on
    await expect(this.field(form, 'yearInstalled')).toBeFocused();
    await typeEnter(d.year);
    await typeEnter(''); // 在用
    await expect(this.field(form, 'notes')).toBeFocused();
    await this.page.keyboard.press('Control+Enter');
    await expect(form).toBeHidden();
  }

  dryerRows(): Locator {
    return this.page.getByTestId('dryer-table').locator('tbody tr.ant-table-row');
  }

  async openDashboard() {
    await this.page.getByRole('button', { name: '返回烘干设施' }).click();
    await this.page.getByTestId('open-dashboard').click();
    await expect(this.page.getByRole('heading', { name: /烘干设施建设看板/ })).toBeVisible();
  }

  coalRemaining(): Locator {
    return this.page.getByTestId('stat-coal').locator('.ant-statistic-content-value');
  }

  heatChart(): Locator {
    return this.page.getByTestId('chart-heat');
  }
}
