import { expect, type Locator, type Page } from '@playwright/test';

/** Fields of the scrap and purchase forms, found by their ids (`field-<name>`) and error rows. */
abstract class FormModel {
  abstract readonly form: Locator;
  constructor(readonly page: Page) {}

  field(name: string): Locator {
    return this.form.locator(`#field-${name}`);
  }

  errorUnder(name: string): Locator {
    return this.form.locator(`[data-field="${name}"] .ant-form-item-explain-error`);
  }

  /** Types into the focused field and presses Enter, as a technician (or a scanner) does. */
  async typeEnter(text: string) {
    if (text) await this.page.keyboard.type(text);
    await this.page.keyboard.press('Enter');
  }

  /** In a searchable select: type, wait for the option, Enter picks it (the select keeps the focus). */
  async pickEnter(name: string, typed: string, option: string) {
    await this.expectFocused(name);
    await this.page.keyboard.type(typed);
    await expect(this.dropdownOf(name).locator('.ant-select-item-option-active')).toContainText(option);
    await this.page.keyboard.press('Enter');
    // the list closes on the next task; a person's next key comes long after that
    await expect(this.field(name)).toHaveAttribute('aria-expanded', 'false');
  }

  /** The open dropdown of one select (its listbox is `<id>_list`). */
  dropdownOf(name: string): Locator {
    return this.page.locator(`.ant-select-dropdown:has(#field-${name}_list)`);
  }

  async expectFocused(name: string) {
    await expect(this.field(name)).toBeFocused();
  }
}

export class ScrapFormModel extends FormModel {
  readonly form: Locator;
  readonly preview: Locator;
  constructor(page: Page) {
    super(page);
    this.form = page.getByTestId('scrap-form');
    this.preview = page.getByTestId('scrap-preview');
  }
}

export class PurchaseFormModel extends FormModel {
  readonly form: Locator;
  readonly preview: Locator;
  constructor(page: Page) {
    super(page);
    this.form = page.getByTestId('purchase-form');
    this.preview = page.getByTestId('subsidy-preview');
  }

  async fillText(name: string, value: string) {
    await this.field(name).fill(value);
  }

  async chooseOption(name: string, typed: string, option: string) {
    await this.field(name).click();
    await this.page.keyboard.type(typed);
    await this.dropdownOf(name).locator('.ant-select-item-option', { hasText: option }).first().click();
  }

  async fillDate(name: string, date: string) {
    await this.field(name).click();
    await this.field(name).fill(date);
    await this.page.keyboard.press('Enter');
  }

  /** A whole purchase with the mouse and typing (for tests about what happens on save). */
  async fill(p: {
    item: [string, string];
    variant?: string;
    param?: string;
    maker: string;
    model: string;
    factoryNo: string;
    date: string;
    invoiceNo: string;
    price: string;
  }) {
    await this.chooseOption('item', p.item[0], p.item[1]);
    if (p.variant) await this.chooseOption('variant', p.variant, p.variant);
    if (p.param) await this.fillText('paramValue', p.param);
    await this.fillText('maker', p.maker);
    await this.fillText('model', p.model);
    await this.fillText('factoryNo', p.factoryNo);
    await this.fillDate('purchaseDate', p.date);
    await this.fillText('invoiceNo', p.invoiceNo);
    await this.fillDate('invoiceDate', p.date);
    await this.fillText('priceFen', p.price);
  }

  async save() {
    await this.page.getByTestId('purchase-submit').click();
  }
}
