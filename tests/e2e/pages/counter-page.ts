import { expect, type Locator, type Page } from '@playwright/test';

export interface FarmerEntry {
  kind?: '个人' | '家庭农场' | '农民专业合作社' | '农业企业';
  name: string;
  idNumber: string;
  contactName?: string;
  phone: string;
  bankCard?: string;
  bankName?: string;
  village: string;
}

/** 登记台: the search box, the result table and the registration drawer. */
export class CounterPageModel {
  readonly search: Locator;
  readonly table: Locator;

  constructor(readonly page: Page) {
    this.search = page.getByTestId('farmer-search');
    this.table = page.getByTestId('farmer-table');
  }

  async expectShown() {
    await expect(this.page.getByText('登记台 · 查找或登记农户')).toBeVisible();
  }

  async openRegistration() {
    await this.page.getByTestId('register-farmer').click();
    await expect(this.page.getByTestId('farmer-form')).toBeVisible();
  }

  field(label: string): Locator {
    return this.page.getByTestId('farmer-form').getByLabel(label, { exact: true });
  }

  /** Types as a technician would: values, Enter between fields, Enter on the last one saves. */
  async fillForm(f: FarmerEntry) {
    const form = this.page.getByTestId('farmer-form');
    if (f.kind && f.kind !== '个人') await form.getByText(f.kind, { exact: true }).click();
    await this.field(f.kind && f.kind !== '个人' ? '名称' : '姓名').fill(f.name);
    await form.locator('#field-idNumber').fill(f.idNumber);
    if (f.contactName) await this.field('负责人（法定代表人）').fill(f.contactName);
    await this.field('手机号').fill(f.phone);
    if (f.bankCard) await this.field('补贴银行卡号（直补到卡）').fill(f.bankCard);
    if (f.bankName) await form.locator('#field-bankName').fill(f.bankName);
    await this.field('村（社区）').fill(f.village);
  }

  async save() {
    await this.page.getByTestId('farmer-submit').click();
  }

  errorUnder(fieldName: string): Locator {
    return this.page.locator(`[data-field="${fieldName}"] .ant-form-item-explain-error`);
  }

  async searchFor(q: string) {
    await this.search.fill(q);
  }

  rows(): Locator {
    return this.table.locator('tbody tr.ant-table-row');
  }
}
