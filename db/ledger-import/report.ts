/** The report of an import (Excel): every row not imported and why, and the rows imported with a flag. */
import { LEDGER_KIND_LABELS, LEDGER_OUTCOME_LABELS, type LedgerRowResult } from '../../shared/schemas/ledger-import';
import type { BuiltWorkbook } from '../services/export-job';
import { addSheet, newWorkbook, type Column } from '../services/xlsx';
import { FRAME_NO_LABEL } from '../../shared/domain/machine-terms';

type ReportRow = LedgerRowResult & { imported?: boolean };

const COLUMNS: Column<ReportRow>[] = [
  { header: '工作表', width: 14, value: (r) => r.sheet },
  { header: '行号', width: 8, value: (r) => r.row },
  { header: '结果', width: 12, value: (r) => (r.outcome === 'attention' && r.imported === false ? '需注意（未导入）' : LEDGER_OUTCOME_LABELS[r.outcome]) },
  { header: '原因', width: 60, value: (r) => r.reasons.join('；') },
  // batches stored before scrapping ledgers carry no kind: they were purchase ledgers
  { header: '台账', width: 8, value: (r) => LEDGER_KIND_LABELS[(r.kind as LedgerRowResult['kind'] | undefined) ?? 'purchase'] },
  { header: '购机者/机主', width: 10, value: (r) => r.name },
  { header: '身份证号', width: 22, value: (r) => r.idMasked },
  { header: '机具品目', width: 16, value: (r) => r.item },
  { header: '型号', width: 16, value: (r) => r.model },
  { header: FRAME_NO_LABEL, width: 18, value: (r) => r.factoryNo },
  { header: '购机/回收日期', width: 12, value: (r) => r.purchaseDate },
  { header: '补贴金额（元）', width: 14, value: (r) => r.subsidyFen, money: true },
  { header: '说明', width: 40, value: (r) => r.notes.join('；') },
];

export function buildReport(fileName: string, rows: Iterable<ReportRow>): BuiltWorkbook {
  const wb = newWorkbook();
  const notImported: ReportRow[] = [];
  const flagged: ReportRow[] = [];
  for (const r of rows) {
    if (r.outcome === 'attention' && r.imported !== false) flagged.push(r);
    else if (r.outcome !== 'create') notImported.push(r);
  }
  const base = fileName.replace(/\.[^.]*$/, '');
  addSheet(wb, '未导入的行', COLUMNS, notImported, `台账导入报告：${base}（未导入 ${notImported.length} 行）`);
  addSheet(wb, '需注意的行', COLUMNS, flagged, `已导入但需核对的行（${flagged.length} 行）`);
  return { wb, fileName: `台账导入报告-${base}.xlsx`, rowCount: notImported.length + flagged.length };
}
