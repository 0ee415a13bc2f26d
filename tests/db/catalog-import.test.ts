import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseCsv } from '../../db/services/catalog-sheet';
import { SAMPLE_BANDS } from '../../db/seed/sample-catalog';
import type { CatalogBand } from '../../shared/schemas/catalog';
import type { CatalogBandWithVersion, CatalogImportReport, CatalogList, CatalogPickBandResult } from '../../shared/schemas/catalog-api';
import { badCatalogRows, catalogCsv, catalogXlsx, goodCatalogRows, toBase64 } from '../fixtures/catalog-xlsx';
import { expectFail, expectOk, stationCore, tableCounts, type TempCore } from '../support/core';
import { exportedFile } from '../support/exports';

let core: TempCore;
beforeEach(async () => {
  core = await stationCore();
});
afterEach(() => core.dispose());

const importFile = async (fileName: string, bytes: Buffer, commit: boolean, year = 2025) =>
  expectOk<CatalogImportReport>(await core.call('catalog.import', { year, fileName, base64: toBase64(bytes), commit }));
const list = async (input: Record<string, unknown> = {}) => expectOk<CatalogList>(await core.call('catalog.list', input));
/** What a band is, without where it is stored. */
const values = ({ id: _id, versionId: _v, year: _y, ...rest }: CatalogBand) => rest;

describe('importing a good .xlsx', () => {
  it('validates without writing, then commits and supersedes the sample', async () => {
    const sample = await list({ year: 2025 });
    const oldBand = sample.bands.find((b) => b.item === '拖拉机' && b.bandLabel.startsWith('20–50')) as CatalogBand;
    const file = await catalogXlsx(goodCatalogRows());

    const before = tableCounts(core);
    const check = await importFile('冠县2025补贴额.xlsx', file, false);
    expect(tableCounts(core)).toEqual(before);
    expect(check).toMatchObject({ committed: false, errorCount: 0, bandCount: 7, fileErrors: [], warnings: [] });
    expect(check.rows.map((r) => r.row)).toEqual([3, 4, 5, 6, 7, 8, 9]); // title row 1, header row 2
    expect(check.rows.every((r) => r.ok)).toBe(true);
    expect(check.replaces?.id).toBe(sample.version?.id);
    expect(check.message).toContain('校验通过');

    const done = await importFile('冠县2025补贴额.xlsx', file, true);
    expect(done.committed).toBe(true);
    expect(done.version).toMatchObject({ year: 2025, isSample: false, bandCount: 7, fileName: '冠县2025补贴额.xlsx', supersededAt: null });
    expect(done.message).toContain('已导入');

    const now = await list({ year: 2025 });
    expect(now.version?.id).toBe(done.version?.id);
    const byLabel = Object.fromEntries(now.bands.map((b) => [b.bandLabel, b]));
    expect(byLabel['<20马力']).toMatchObject({ scrapFen: 160_000, upper: 20, upperInclusive: false });
    expect(byLabel['50–80马力（含80）']).toMatchObject({ scrapFen: 810_000, lower: 50, lowerInclusive: false });
    expect(byLabel['>80马力']?.scrapFen).toBe(1_200_050);
    expect(byLabel['单轴 1.5–2m']).toMatchObject({
      purchaseFen: 95_000,
      capFen: 5_000_000,
      capPercent: 30,
      variant: '单轴',
      scrapScope: false,
    });
    expect(byLabel['不分档']).toMatchObject({ param: 'none', scrapFen: 120_000, scrapReplaceFen: null, scrapScope: true });

    // the sample is superseded, not deleted: its bands stay readable by id with their amounts
    const old = now.versions.find((v) => v.id === sample.version?.id);
    expect(old?.supersededAt).toBeTruthy();
    expect(old?.bandCount).toBe(SAMPLE_BANDS.length);
    const kept = expectOk<CatalogBandWithVersion>(await core.call('catalog.getBand', { id: oldBand.id }));
    expect(kept.band.scrapFen).toBe(385_000);
    expect(kept.version.supersededAt).toBeTruthy();
    const oldList = await list({ versionId: old?.id });
    expect(oldList.bands).toHaveLength(SAMPLE_BANDS.length);

    // pickBand now answers from the new table
    const pick = expectOk<CatalogPickBandResult>(await core.call('catalog.pickBand', { year: 2025, item: '拖拉机', value: 35 }));
    expect(pick.band?.scrapFen).toBe(400_000);

    const audit = expectOk<{ items: { method: string; entityId: string }[] }>(await core.call('audit.list', { entity: 'catalog_version' }));
    expect(
      audit.items
        .filter((a) => a.method === 'catalog.import')
        .map((a) => a.entityId)
        .sort(),
    ).toEqual([done.version?.id, sample.version?.id].sort());
  });

  it('a year without a catalogue gets its first version; the sample year is untouched', async () => {
    const done = await importFile('2026.xlsx', await catalogXlsx(goodCatalogRows()), true, 2026);
    expect(done).toMatchObject({ committed: true, replaces: null });
    expect((await list({ year: 2025 })).version?.isSample).toBe(true);
    expect((await list({})).version?.year).toBe(2026); // the latest year is shown first
  });
});

describe('importing an .xlsx with bad rows', () => {
  it('names each bad row in Chinese and writes nothing, whether asked to commit or not', async () => {
    const { rows, bad } = badCatalogRows();
    const file = await catalogXlsx(rows);
    const before = tableCounts(core);
    for (const commit of [false, true]) {
      const report = await importFile('bad.xlsx', file, commit);
      expect(tableCounts(core)).toEqual(before);
      expect(report.committed).toBe(false);
      const errorsAt = (n: number) => report.rows.find((r) => r.row === n)?.errors ?? [];
      expect(errorsAt(bad.missingItem)).toEqual(['请填写品目']);
      expect(errorsAt(bad.upperBelowLower)).toEqual(['上限（5）应大于下限（10）']);
      expect(errorsAt(bad.badAmount)).toEqual(['“报废补贴（元）”金额最多保留两位小数：12.345']);
      expect(errorsAt(bad.overlap).join('\n')).toMatch(/与第 4 行“20–50马力（含20、50）”的参数范围重叠/);
      expect(errorsAt(4)).toEqual(['与第 13 行“45–60马力”的参数范围重叠']);
      expect(report.rows.filter((r) => !r.ok).map((r) => r.row)).toEqual([4, 5, 10, 11, 12, 13]);
      expect(report.rows.filter((r) => !r.ok).every((r) => r.band === undefined)).toBe(true);
      expect(report.errorCount).toBe(6);
      expect(report.message).toContain(commit ? '未导入任何数据' : '请修改文件后重新校验');
    }
    expect((await list({ year: 2025 })).version?.isSample).toBe(true);
  });

  it('reports missing inclusive flags, unknown parameters and a band without any amount', async () => {
    const [first] = goodCatalogRows();
    const rows = [
      { ...first, 档次名称: '没有含下限', 下限: 10, 含下限: null },
      { ...first, 档次名称: '怪参数', 参数: '颜色' },
      { ...first, 机具品目: '铡草机', 档次名称: '无金额', '报废补贴（元）': null },
      { ...first, 机具品目: '铡草机', 档次名称: '负数', '报废补贴（元）': '-5' },
      { ...first, 机具品目: '铡草机', 档次名称: '是否', ' 含上限 ': '也许' },
    ];
    const report = await importFile('x.xlsx', await catalogXlsx(rows), false);
    expect(report.rows.map((r) => r.errors)).toEqual([
      ['填写了下限，请在“含下限”列填“是”或“否”'],
      ['“参数”无法识别：颜色（可填 马力、喂入量、行数、药箱、批处理量、幅宽、铲数 或 不分档）'],
      ['至少填写一项补贴额（购置补贴额、报废补贴额或报废并更新补贴额）'],
      ['“报废补贴（元）”不能为负数：-5'],
      ['“含上限”应填“是”或“否”：也许'],
    ]);
  });
});

describe('file handling', () => {
  it('imports a CSV with or without a BOM, quoted fields and all', async () => {
    const csv = catalogCsv(goodCatalogRows());
    expect(csv.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const withBom = await importFile('table.csv', csv, false);
    expect(withBom).toMatchObject({ errorCount: 0, bandCount: 7 });
    expect(withBom.rows.map((r) => r.row)).toEqual([2, 3, 4, 5, 6, 7, 8]);
    const done = await importFile('table.csv', catalogCsv(goodCatalogRows(), { bom: false }), true);
    expect(done.committed).toBe(true);
    const tractor = (await list({ year: 2025, q: 'tlj' })).bands.map((b) => b.scrapFen);
    expect(tractor).toEqual([160_000, 400_000, 810_000, 1_200_050]);
  });

  it('parses quoted separators, doubled quotes and line breaks inside quotes', () => {
    expect(parseCsv('a,"b,c","say ""hi"""\r\n"two\nlines",x\n\nlast')).toEqual([
      ['a', 'b,c', 'say "hi"'],
      ['two\nlines', 'x'],
      [''],
      ['last'],
    ]);
    expect(parseCsv('品目\t分档\n拖拉机\t<20')).toEqual([
      ['品目', '分档'],
      ['拖拉机', '<20'],
    ]);
  });

  it('tolerates the exported headers, a cover sheet, merged 品目 cells, % formats, empty rows and unknown columns', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('封面').addRow(['说明：本表为测试']);
    const sheet = workbook.addWorksheet('表');
    sheet.addRow([
      '大类',
      '小类',
      '品目',
      '分档名称',
      '参数',
      '下限',
      '含下限',
      '上限',
      '含上限',
      '购置补贴额（元）',
      '补贴比例上限（%）',
      '基本配置',
    ]);
    sheet.addRow(['耕整地机械', '耕地机械', '深松机', '4–6铲', '铲数', 4, '是', 6, '否', 1_500, 0.3, '……']);
    sheet.addRow([null, null, null, '6铲及以上', '铲数', 6, '是', null, null, '2,100.00', null, '……']);
    sheet.addRow([]);
    sheet.addRow(['', '', '铡草机', '不分档', '不分档', null, null, null, null, 800]);
    sheet.mergeCells('C2:C3');
    sheet.getCell('K2').numFmt = '0%';
    const report = await importFile('t.xlsx', Buffer.from(await workbook.xlsx.writeBuffer()), false);
    expect(report.fileErrors).toEqual([]);
    expect(report.warnings).toEqual(['未识别的列“基本配置”（第 L 列）将被忽略']);
    expect(report.rows.map((r) => [r.row, r.ok, r.band?.item, r.band?.category, r.band?.capPercent])).toEqual([
      [2, true, '深松机', '耕整地机械', 30],
      [3, true, '深松机', '耕整地机械', null], // 品目 from the merged cell, 大类 carried down
      [5, true, '铡草机', '耕整地机械', null], // the empty row 4 is skipped, the numbering is Excel's
    ]);
    expect(report.rows[1]?.band?.purchaseFen).toBe(210_000);
  });

  it('reports a sheet without the needed columns', async () => {
    const headers = ['品目', '型式', '备注', '下限'];
    const report = await importFile('t.xlsx', await catalogXlsx([{ 品目: '拖拉机' }], { headers, title: null }), true);
    expect(report.committed).toBe(false);
    expect(report.fileErrors).toEqual([
      '缺少“分档名称”列',
      '缺少补贴额列：至少应有“购置补贴额（元）”“报废补贴额（元）”“报废并更新补贴额（元）”之一',
    ]);
    const noHeader = await importFile('t.csv', Buffer.from('a,b\n1,2\n'), false);
    expect(noHeader.fileErrors[0]).toMatch(/未找到表头/);
    expect(noHeader.errorCount).toBe(1);
  });

  it('refuses files that are not .xlsx or .csv, damaged ones and ones over 5 MB', async () => {
    const refused = async (fileName: string, bytes: Buffer) =>
      expectFail(await core.call('catalog.import', { year: 2025, fileName, base64: toBase64(bytes), commit: false }), 'VALIDATION').message;
    expect(await refused('目录.pdf', Buffer.from('%PDF-1.4'))).toMatch(/只能导入 Excel 工作簿（\.xlsx）或 CSV 文件/);
    expect(await refused('目录.xls', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0, 0]))).toMatch(/另存为/);
    expect(await refused('目录.xlsx', Buffer.from('品目,分档名称'))).toMatch(/内容不是 Excel 工作簿/);
    expect(await refused('目录.xlsx', Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(200, 7)]))).toMatch(/无法读取/);
    expect(await refused('big.csv', Buffer.alloc(5 * 1024 * 1024 + 10, 0x41))).toMatch(/5 MB/);
    expect(await refused('bin.csv', Buffer.from([0x41, 0, 0x42]))).toMatch(/CSV/);
    const before = tableCounts(core);
    expect(await refused('目录.docx', await catalogXlsx(goodCatalogRows()))).toMatch(/只能导入/);
    expect(tableCounts(core)).toEqual(before);
  });
});

describe('export', () => {
  it('round-trips: the exported sample re-imports to the same bands', async () => {
    const file = await exportedFile(core, 'catalog.export', { year: 2025 });
    expect(file.fileName).toBe('补贴额一览表-2025-示例.xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file.path);
    const base64 = readFileSync(file.path).toString('base64');
    expect(workbook.worksheets[0]?.getRow(1).getCell(11).value).toBe('购置补贴额（元）');

    const report = expectOk<CatalogImportReport>(
      await core.call('catalog.import', { year: 2027, fileName: file.fileName, base64, commit: true }),
    );
    expect(report).toMatchObject({ committed: true, errorCount: 0, bandCount: SAMPLE_BANDS.length, warnings: [] });
    const original = (await list({ year: 2025 })).bands.map(values);
    const again = (await list({ year: 2027 })).bands.map(values);
    expect(again).toEqual(original);
  });

  it('exports a superseded version by id, and refuses a year without a catalogue', async () => {
    const sampleId = (await list({ year: 2025 })).version?.id;
    await importFile('new.xlsx', await catalogXlsx(goodCatalogRows()), true);
    const old = await exportedFile(core, 'catalog.export', { year: 2025, versionId: sampleId });
    expect(old.fileName).toBe('补贴额一览表-2025-示例.xlsx');
    const live = await exportedFile(core, 'catalog.export', { year: 2025 });
    expect(live.fileName).toBe('补贴额一览表-2025.xlsx');
    expectFail(await core.call('catalog.export', { year: 2030 }), 'NOT_FOUND');
    expectFail(await core.call('catalog.export', { year: 2026, versionId: sampleId }), 'VALIDATION');
  });
});
