/** catalog.export: a version as an .xlsx with the same Chinese headers catalog.import reads. */
import ExcelJS from 'exceljs';
import { BAND_PARAMS, type CatalogBand } from '../../shared/schemas/catalog';
import type { JobStatus } from '../../shared/schemas/jobs';
import type { ServiceContext } from '../context';
import { bandsOfVersion, toVersion, versionForExport } from './catalog';
import { COLUMNS, type ColumnKey } from './catalog-columns';
import { startWorkbookExport } from './export-job';

const AMOUNT_KEYS = new Set<ColumnKey>(['purchaseFen', 'scrapFen', 'scrapReplaceFen', 'capFen', 'priceLowFen', 'priceHighFen']);
const YES_NO_KEYS = new Set<ColumnKey>(['lowerInclusive', 'upperInclusive', 'scrapScope']);

/** One cell as import reads it back: yuan as numbers, 是/否, the parameter with its unit, blanks for null. */
function cellValue(band: CatalogBand, key: ColumnKey): string | number | null {
  const value = band[key];
  if (key === 'param') {
    const p = BAND_PARAMS[band.param];
    return band.param === 'none' ? p.label : `${p.label}（${p.unit}）`;
  }
  if (key === 'lowerInclusive') return band.lower === null ? null : band.lowerInclusive ? '是' : '否';
  if (key === 'upperInclusive') return band.upper === null ? null : band.upperInclusive ? '是' : '否';
  if (YES_NO_KEYS.has(key)) return value ? '是' : '否';
  if (value === null || value === undefined) return null;
  if (AMOUNT_KEYS.has(key)) return (value as number) / 100;
  return value as string | number;
}

export function exportCatalog(ctx: ServiceContext, input: { year: number; versionId?: string }): JobStatus {
  const version = toVersion(versionForExport(ctx, input));
  const bands = bandsOfVersion(ctx, version.id);
  const workbook = new ExcelJS.Workbook();
  workbook.creator = '农机更新补贴台账';
  workbook.created = ctx.now();

  const sheet = workbook.addWorksheet('补贴额一览表', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = COLUMNS.map((c) => ({ header: c.header, key: c.key, width: c.width }));
  const head = sheet.getRow(1);
  head.font = { bold: true };
  head.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
  head.eachCell((cell) => {
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8F3EC' } };
  });
  for (const band of bands) {
    sheet.addRow(Object.fromEntries(COLUMNS.map((c) => [c.key, cellValue(band, c.key)])));
  }
  COLUMNS.forEach((c, i) => {
    if (AMOUNT_KEYS.has(c.key)) sheet.getColumn(i + 1).numFmt = '#,##0.00';
  });

  const about = workbook.addWorksheet('说明');
  about.columns = [
    { header: '项目', key: 'k', width: 14 },
    { header: '内容', key: 'v', width: 90 },
  ];
  about.addRows([
    { k: '年度', v: version.year },
    { k: '标题', v: version.title },
    { k: '来源', v: version.source },
    { k: '示例', v: version.isSample ? '是（示例数据，非正式目录）' : '否' },
    { k: '导入时间', v: version.importedAt },
    { k: '导入人', v: version.importedBy },
    { k: '状态', v: version.supersededAt ? `已被替换（${version.supersededAt}）` : '现行' },
    { k: '分档数', v: bands.length },
    { k: '填写说明', v: '金额单位为元，最多两位小数；下限、上限填数字，含下限、含上限填“是”或“否”；不分档的品目“参数”填“不分档”。' },
  ]);
  about.getRow(1).font = { bold: true };

  const tag = version.isSample ? '-示例' : version.supersededAt ? '-已替换' : '';
  return startWorkbookExport(ctx, 'catalog.export', {
    wb: workbook,
    fileName: `补贴额一览表-${version.year}${tag}.xlsx`,
    rowCount: bands.length,
  });
}
