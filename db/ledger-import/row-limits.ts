import type { LedgerCell } from '../../shared/domain/ledger-values';
import { LEDGER_FIELD_LABELS, type LedgerField } from '../../shared/schemas/ledger-import';

/**
 * The longest text each stored field may hold: the limits of the rows a station file carries to the county
 * (shared/schemas/station-rows.ts), so an imported record never makes the station's next report refused.
 * A longer value is refused with its length — never cut to fit.
 */
const MAX: Partial<Record<LedgerField, number>> = {
  name: 60,
  phone: 20,
  village: 40,
  item: 60,
  bandLabel: 80,
  maker: 60,
  productName: 60,
  model: 60,
  factoryNo: 40,
  engineNo: 40,
  frameNo: 40,
  plateNo: 20,
  confirmFormNo: 40,
  invoiceNo: 40,
  bankName: 40,
};

/** The refusals for this row's over-long fields (as the ledger wrote them, before any normalising). */
export function overLong(raw: (f: LedgerField) => string): string[] {
  const out: string[] = [];
  for (const [field, max] of Object.entries(MAX) as [LedgerField, number][]) {
    const length = Array.from(raw(field)).length;
    if (length > max) out.push(`${LEDGER_FIELD_LABELS[field]}过长（${length} 个字符，最多 ${max} 个），未导入：请在 Excel 中核对该单元格`);
  }
  return out;
}

/** Cells that belong to one machine: merged down over several rows they are refused, never copied. */
const PER_MACHINE_FIELDS: readonly LedgerField[] = [
  'price',
  'subsidy',
  'subsidyWords',
  'paidAmount',
  'factoryNo',
  'engineNo',
  'frameNo',
  'plateNo',
  'confirmFormNo',
  'invoiceNo',
];

/**
 * An amount or a machine number belongs to one machine: written once in a cell merged over several rows
 * (one amount for a set) it would count on each row, so every row of the range is refused.
 */
export function mergedPerMachine(cells: ReadonlyMap<LedgerField, LedgerCell>): string[] {
  const merged = [...cells].filter(
    ([f, cell]) => (cell.mergedFrom !== undefined || cell.mergedDownTo !== undefined) && PER_MACHINE_FIELDS.includes(f),
  );
  if (!merged.length) return [];
  return [
    `${merged.map(([f]) => LEDGER_FIELD_LABELS[f]).join('、')}是跨几行的合并单元格（可能是几台合计），不能按每台计入：请在 Excel 中拆分合并单元格，按每台填写后再导入`,
  ];
}
