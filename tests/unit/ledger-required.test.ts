import { describe, expect, it } from 'vitest';
import { missingBySheet, missingRequired } from '../../shared/domain/ledger-required';
import { LEDGER_REQUIRED, LEDGER_SCRAP_REQUIRED } from '../../shared/schemas/ledger-import';

const cols = (...fields: string[]) => fields.map((f) => ({ key: `列-${f}`, field: f }));
const PURCHASE = cols(...LEDGER_REQUIRED);
const SCRAP = cols(...LEDGER_SCRAP_REQUIRED, 'frameNo');

describe('required ledger columns by sheet kind', () => {
  it('a purchase sheet needs the purchase fields; a scrapping sheet its own, and one machine number', () => {
    expect(missingRequired('purchase', new Set(LEDGER_REQUIRED))).toEqual([]);
    expect(missingRequired('scrap', new Set(LEDGER_SCRAP_REQUIRED))).toEqual(['frameNo']);
    expect(missingRequired('scrap', new Set([...LEDGER_SCRAP_REQUIRED, 'engineNo']))).toEqual([]);
    // a scrapping ledger has no 销售价格 or 购机日期 and does not need them
    expect(missingRequired('scrap', new Set([...LEDGER_SCRAP_REQUIRED, 'factoryNo']))).toEqual([]);
    // the purchase fields are not enough for a scrapping sheet: 回收日期 is its date
    expect(missingRequired('scrap', new Set(LEDGER_REQUIRED))).toEqual(['handoverDate']);
    // 补贴金额 may be read from its uppercase column alone
    expect(missingRequired('purchase', new Set([...LEDGER_REQUIRED.filter((f) => f !== 'subsidy'), 'subsidyWords']))).toEqual([]);
  });

  it('a file holding both kinds is checked sheet by sheet, with the technician’s choices over the suggestions', () => {
    const sheets = [
      { name: '购置', kind: 'purchase' as const, columns: PURCHASE },
      { name: '报废', kind: 'scrap' as const, columns: SCRAP },
    ];
    expect(missingBySheet(sheets)).toEqual([]);
    // the scrapping sheet lacks 回收日期: said of that sheet only, though the purchase sheet has a date column
    const noHandover = [sheets[0]!, { ...sheets[1]!, columns: SCRAP.filter((c) => c.field !== 'handoverDate') }];
    expect(missingBySheet(noHandover)).toEqual([{ sheet: '报废', kind: 'scrap', missing: ['handoverDate'] }]);
    // the purchase sheet lacks 销售价格 (the scrapping sheet never has one): said of the purchase sheet
    const noPrice = [{ ...sheets[0]!, columns: PURCHASE.filter((c) => c.field !== 'price') }, sheets[1]!];
    expect(missingBySheet(noPrice)).toEqual([{ sheet: '购置', kind: 'purchase', missing: ['price'] }]);
    // a column the technician sets to 不导入 no longer counts; one mapped by hand does
    expect(missingBySheet(sheets, { '列-handoverDate': 'ignore' })).toEqual([{ sheet: '报废', kind: 'scrap', missing: ['handoverDate'] }]);
    const unknown = [sheets[0]!, { ...sheets[1]!, columns: [...SCRAP.filter((c) => c.field !== 'handoverDate'), { key: '交售时间', field: null }] }];
    expect(missingBySheet(unknown, { 交售时间: 'handoverDate' })).toEqual([]);
  });
});
