/**
 * catalog.import: a province's (or the county's) 补贴额一览表 from .xlsx or .csv, validated row by row.
 * Nothing is written unless every row is valid; then the year's live version is replaced in one
 * transaction (the old one is kept, superseded, so earlier records keep their amounts).
 */
import { BAND_PARAMS, type CatalogBandValues } from '../../shared/schemas/catalog';
import { overlappingBands } from '../../shared/domain/bands';
import type { CatalogImportReport, CatalogImportRow } from '../../shared/schemas/catalog-api';
import { writeTx, type ServiceContext } from '../context';
import { findHeader, parseRow, type CarriedDown, type HeaderMap, type ParsedRow } from './catalog-columns';
import { decodeBase64File, readSheets, type SheetRow } from './catalog-sheet';
import { liveVersion, writeCatalogVersion } from './catalog';
import { requireInstallation } from './installation';

export interface CatalogImportInput {
  year: number;
  fileName: string;
  base64: string;
  commit: boolean;
  title?: string;
  source?: string;
}

/** Rules between rows: one parameter per item and variant, and no two bands of it overlapping. */
function checkAcrossRows(rows: ParsedRow[]): void {
  const valid = rows.filter((r): r is ParsedRow & { band: CatalogBandValues } => r.band !== undefined);
  const byItem = new Map<string, (CatalogBandValues & { parsed: ParsedRow })[]>();
  for (const r of valid) {
    const list = byItem.get(r.band.item) ?? [];
    list.push({ ...r.band, parsed: r });
    byItem.set(r.band.item, list);
  }
  for (const bands of byItem.values()) {
    const firstOfVariant = new Map<string, CatalogBandValues & { parsed: ParsedRow }>();
    for (const b of bands) {
      const first = firstOfVariant.get(b.variant ?? '');
      if (!first) firstOfVariant.set(b.variant ?? '', b);
      else if (first.param !== b.param) {
        b.parsed.errors.push(
          `同一品目${b.variant ? `（${b.variant}）` : ''}的分档应按同一参数划分：第 ${first.parsed.row} 行按${BAND_PARAMS[first.param].label}，本行按${BAND_PARAMS[b.param].label}`,
        );
      }
    }
    for (const [a, b] of overlappingBands(bands)) {
      a.parsed.errors.push(`与第 ${b.parsed.row} 行“${b.bandLabel}”的参数范围重叠`);
      b.parsed.errors.push(`与第 ${a.parsed.row} 行“${a.bandLabel}”的参数范围重叠`);
    }
  }
  for (const r of rows) {
    if (r.errors.length) {
      r.errors = [...new Set(r.errors)];
      delete r.band;
    }
  }
}

interface Validated {
  rows: CatalogImportRow[];
  bands: CatalogBandValues[];
  fileErrors: string[];
  warnings: string[];
}

/** Finds the sheet with a header row and parses every row under it. */
export function validateSheets(sheets: readonly SheetRow[][]): Validated {
  let header: HeaderMap | undefined;
  let sheet: readonly SheetRow[] = [];
  for (const s of sheets) {
    header = findHeader(s);
    if (header) {
      sheet = s;
      break;
    }
  }
  if (!header) {
    return {
      rows: [],
      bands: [],
      fileErrors: ['未找到表头：表格前几行中应有“品目”“分档名称”和补贴额等列（可先导出一份作为模板）'],
      warnings: [],
    };
  }
  const carried: CarriedDown = {};
  const headerRow = header.row;
  const parsed = sheet
    .filter((r) => r.number > headerRow)
    .map((r) => parseRow(r, header, carried))
    .filter((r): r is ParsedRow => r !== undefined);
  checkAcrossRows(parsed);
  const fileErrors = [...header.errors];
  if (parsed.length === 0) fileErrors.push('表头下面没有数据行');
  const rows = parsed.map((r) => ({
    row: r.row,
    ok: r.errors.length === 0,
    errors: r.errors,
    label: r.label,
    ...(r.band ? { band: r.band } : {}),
  }));
  const bands = parsed.flatMap((r) => (r.band ? [r.band] : []));
  return { rows, bands, fileErrors, warnings: header.warnings };
}

export async function importCatalog(ctx: ServiceContext, input: CatalogImportInput): Promise<CatalogImportReport> {
  const bytes = decodeBase64File(input.base64);
  const sheets = await readSheets(input.fileName, bytes);
  const { rows, bands, fileErrors, warnings } = validateSheets(sheets);
  const badRows = rows.filter((r) => !r.ok).length;
  const errorCount = badRows + fileErrors.length;
  const replaces = liveVersion(ctx, input.year);
  const base = { rows, bandCount: bands.length, errorCount, fileErrors, warnings, replaces };
  const problems = [fileErrors.length ? `${fileErrors.length} 处文件问题` : '', badRows ? `${badRows} 行有错误` : '']
    .filter(Boolean)
    .join('，');

  if (errorCount > 0) {
    const message = input.commit
      ? `发现 ${problems}，未导入任何数据；请修改文件后重新导入`
      : `共 ${rows.length} 行，${problems}；请修改文件后重新校验，全部正确后才能导入`;
    return { ...base, committed: false, message };
  }
  const replacing = replaces ? `，导入后将替换 ${input.year} 年现有目录“${replaces.title}”` : '';
  if (!input.commit) {
    return { ...base, committed: false, message: `校验通过：共 ${bands.length} 个分档，可以导入${replacing}` };
  }
  const { version, replaced } = writeTx(ctx, () =>
    writeCatalogVersion(ctx, requireInstallation(ctx), {
      year: input.year,
      title: input.title ?? `${input.year}年补贴额一览表`,
      source: input.source ?? `导入文件：${input.fileName}`,
      isSample: false,
      fileName: input.fileName,
      bands,
      method: 'catalog.import',
    }),
  );
  const kept = replaced ? `；原目录“${replaced.title}”已标记为已被替换，其分档仍保留供已登记的记录查阅` : '';
  return {
    ...base,
    replaces: replaced,
    committed: true,
    version,
    message: `已导入 ${input.year} 年补贴额一览表，共 ${bands.length} 个分档${kept}`,
  };
}
