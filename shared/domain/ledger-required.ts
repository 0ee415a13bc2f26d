/**
 * The columns a ledger sheet must have mapped before its rows can be imported, by the sheet's kind:
 * a purchase ledger (购置台账) its LEDGER_REQUIRED fields, a scrapping ledger (报废台账) its own (回收日期,
 * and a frame, serial or engine number). 补贴金额 may come from its uppercase column alone. Used by the
 * import's pass (per sheet) and by the wizard's mapping panel (per selected sheet), so they agree.
 */
import { LEDGER_REQUIRED, LEDGER_SCRAP_REQUIRED, type LedgerField, type LedgerKind } from '../schemas/ledger-import';

const MACHINE_NUMBERS: readonly LedgerField[] = ['frameNo', 'factoryNo', 'engineNo'];

export function requiredFieldsOf(kind: LedgerKind): readonly LedgerField[] {
  return kind === 'scrap' ? LEDGER_SCRAP_REQUIRED : LEDGER_REQUIRED;
}

/** The required fields no column of the sheet is mapped to (mapped: the fields its columns map to). */
export function missingRequired(kind: LedgerKind, mapped: ReadonlySet<string | null | undefined>): LedgerField[] {
  const missing = requiredFieldsOf(kind).filter((f) => !mapped.has(f) && !(f === 'subsidy' && mapped.has('subsidyWords')));
  if (kind === 'scrap' && !MACHINE_NUMBERS.some((f) => mapped.has(f))) missing.push('frameNo');
  return missing;
}

/** Per sheet: its kind and what it lacks, with the technician's choices (keyed by column key) over the columns' own fields. */
export function missingBySheet(
  sheets: readonly { name: string; kind: LedgerKind; columns: readonly { key: string; field: string | null }[] }[],
  chosen: Readonly<Record<string, string>> = {},
): { sheet: string; kind: LedgerKind; missing: LedgerField[] }[] {
  return sheets
    .map((s) => ({ sheet: s.name, kind: s.kind, missing: missingRequired(s.kind, new Set(s.columns.map((c) => chosen[c.key] ?? c.field))) }))
    .filter((s) => s.missing.length > 0);
}
