import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openCore, type AppCore } from '../../db/app';
import { generateCountyFile, BENCH_LOGIN } from '../../db/bench/generate';
import { writeLedgerFile, type ExportLimits, type LedgerKindName } from '../../db/services/ledger-export';
import { beginSheet, drainSheet, sheetBacklog, writeRows } from '../../db/services/xlsx-stream';
import type { Column } from '../../db/services/xlsx';
import { FRAME_NO_LABEL } from '../../shared/domain/machine-terms';
import { STATUS_LABELS } from '../../shared/domain/workflow';
import { TERMINAL_LABELS, type PurchaseListItem } from '../../shared/schemas/purchases';
import type { ScrapListItem } from '../../shared/schemas/scraps';
import type { LedgerFilter } from '../../db/repositories/ledger-query';
import { tempDir } from '../support/core';

type Cell = string | number | null;
type Page<T> = { items: T[]; nextCursor: string | null };

const yuan = (fen: number) => fen / 100;
const farmerCells = (f: PurchaseListItem['farmer']): Record<string, Cell> => ({
  '姓名/名称': f.name,
  证件号码: f.idNumberMasked,
  手机号: f.phoneMasked,
  乡镇: f.townshipName,
  村: f.village,
});

/** The cells of an exported purchase row the list answer also carries, as the list shows them. */
const purchaseCells = (p: PurchaseListItem): Record<string, Cell> => ({
  ...farmerCells(p.farmer),
  机具品目: p.item,
  分档: p.bandLabel,
  生产厂家: p.maker,
  购买机型: p.model,
  出厂编号: p.factoryNo,
  购机日期: p.purchaseDate,
  '单台销售价格（元）': yuan(p.priceFen),
  '购置补贴（元）': yuan(p.purchaseFen),
  '报废更新补贴（元）': yuan(p.scrapPartFen),
  '补贴合计（元）': yuan(p.totalFen),
  '北斗/监测终端': TERMINAL_LABELS[p.terminalKind],
  状态: STATUS_LABELS[p.status],
});

const scrapCells = (s: ScrapListItem): Record<string, Cell> => ({
  ...farmerCells(s.farmer),
  机具品目: s.item,
  分档: s.bandLabel,
  生产厂家: s.maker,
  型号: s.model,
  发动机号: s.engineNo,
  [FRAME_NO_LABEL]: s.frameNo,
  号牌号码: s.plateNo,
  交售日期: s.handoverDate,
  拆解日期: s.dismantleDate,
  '报废补贴（元）': yuan(s.scrapFen),
  '报废并更新补贴（元）': yuan(s.scrapReplaceFen),
  报废并更新: s.linkedPurchaseId ? '是' : '否',
  状态: STATUS_LABELS[s.status],
});

const tmp = tempDir('agri-ledger-export-');
let core: AppCore;

beforeAll(async () => {
  const file = join(tmp.dir, 'county.db');
  await generateCountyFile({ file, purchases: 400, firstYear: 2022, lastYear: 2025, lastDate: '2025-12-31', seed: 16 });
  core = openCore(file, { log: () => undefined });
  const signedIn = await core.call('auth.signIn', BENCH_LOGIN);
  if (!signedIn.ok) throw new Error(signedIn.error.message);
}, 120_000);
afterAll(() => {
  core.close();
  tmp.dispose();
});

/** Every row of the ledger as the list method pages through it (cursor pages of 200). */
async function listed<T>(kind: LedgerKindName, filter: Partial<LedgerFilter>): Promise<T[]> {
  const items: T[] = [];
  let cursor: string | undefined;
  for (;;) {
    const r = await core.call(`${kind}.list`, { ...filter, pageSize: 200, ...(cursor ? { cursor, direction: 'next' } : {}) });
    if (!r.ok) throw new Error(r.error.message);
    const page = r.data as Page<T>;
    items.push(...page.items);
    if (!page.nextCursor) return items;
    cursor = page.nextCursor;
  }
}

interface ReadBack {
  sheets: { name: string; title: Cell; header: string[]; rows: Record<string, Cell>[] }[];
}

/** Exports to a file and reads it back with exceljs' (non-streaming) reader. */
async function exportAndRead(kind: LedgerKindName, filter: LedgerFilter, limits: Partial<ExportLimits>, name: string): Promise<ReadBack> {
  const path = join(tmp.dir, `${name}.xlsx`);
  const out = await writeLedgerFile(core.ctx, kind, filter, path, { progress: () => undefined, tick: () => Promise.resolve() }, limits);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  const sheets = wb.worksheets.map((ws) => {
    const header = (ws.getRow(2).values as Cell[]).slice(1) as string[];
    const rows: Record<string, Cell>[] = [];
    for (let i = 3; i <= ws.rowCount; i++) {
      const values = (ws.getRow(i).values as Cell[]).slice(1);
      rows.push(Object.fromEntries(header.map((h, c) => [h, values[c] ?? null])));
    }
    return { name: ws.name, title: ws.getRow(1).getCell(1).value as Cell, header, rows };
  });
  expect(sheets.flatMap((s) => s.rows)).toHaveLength(out.rowCount);
  return { sheets };
}

const FILTERS: { label: string; filter: LedgerFilter }[] = [
  { label: 'everything, newest first', filter: { q: '', includeVoided: true, sortBy: 'createdAt', sortOrder: 'desc' } },
  { label: 'one year by amount', filter: { q: '', includeVoided: false, year: 2024, sortBy: 'amount', sortOrder: 'asc' } },
  { label: 'a township by buyer', filter: { q: '', includeVoided: false, townshipCode: '371525103', sortBy: 'farmer', sortOrder: 'desc' } },
];

describe('ledger export on a generated county file (issue 16)', () => {
  for (const [kind, cells] of [
    ['purchases', purchaseCells],
    ['scraps', scrapCells],
  ] as const) {
    for (const { label, filter } of FILTERS) {
      it(`${kind}, ${label}: the workbook holds exactly the list's rows, in order, over chunks and sheets`, async () => {
        // an empty text is an empty cell in the workbook
        const asCells = (r: Record<string, Cell>) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, v === '' ? null : v]));
        const expected = (await listed<never>(kind, filter)).map((item, i) => asCells({ 序号: i + 1, ...(cells as (x: never) => Record<string, Cell>)(item) }));
        expect(expected.length, 'the generated file has rows for this filter').toBeGreaterThan(0);
        const whole = await exportAndRead(kind, filter, {}, `${kind}-${label}-whole`);
        // 7-row chunks and 5-row sheets: every keyset step and every sheet break is crossed many times
        const split = await exportAndRead(kind, filter, { chunkRows: 7, sheetRows: 5 }, `${kind}-${label}-split`);
        expect(whole.sheets).toHaveLength(1);
        const pick = (rows: Record<string, Cell>[]) => rows.map((r) => Object.fromEntries(Object.keys(expected[0]!).map((k) => [k, r[k]])));
        expect(pick(whole.sheets[0]!.rows)).toEqual(expected);
        expect(split.sheets.flatMap((s) => s.rows)).toEqual(whole.sheets[0]!.rows);
        // continuation sheets: 台账, 台账（2）, 台账（3）…, each with the title, the same header and at most 5 rows
        const what = whole.sheets[0]!.name;
        expect(split.sheets.map((s) => s.name)).toEqual(split.sheets.map((_, i) => (i === 0 ? what : `${what}（${i + 1}）`)));
        expect(split.sheets).toHaveLength(Math.ceil(expected.length / 5));
        for (const s of split.sheets) {
          expect([s.title, s.header]).toEqual([whole.sheets[0]!.title, whole.sheets[0]!.header]);
          expect(s.rows.length).toBeLessThanOrEqual(5);
        }
      }, 60_000);
    }
  }

  it('a file that cannot be written ends the export with an error instead of waiting forever', async () => {
    const path = join(tmp.dir, 'no-such-folder', 'x.xlsx');
    const p = { progress: () => undefined, tick: () => Promise.resolve() };
    await expect(writeLedgerFile(core.ctx, 'purchases', FILTERS[0]!.filter, path, p)).rejects.toThrow(/ENOENT/);
    // and the page cache the export held small is the connection's again
    expect(core.db.pragma('cache_size', { simple: true })).toBe(-65536);
  });

  it('masks ID and phone numbers in every row', async () => {
    const filter = FILTERS[0]!.filter;
    const { sheets } = await exportAndRead('purchases', filter, {}, 'masked');
    const full = core.db.prepare('SELECT id_number, phone FROM farmers').all() as { id_number: string; phone: string }[];
    const text = JSON.stringify(sheets);
    for (const f of full.slice(0, 50)) {
      expect(text).not.toContain(f.id_number);
      if (f.phone) expect(text).not.toContain(f.phone);
    }
  });
});

describe('streamed sheet backlog', () => {
  const columns: Column<number>[] = Array.from({ length: 20 }, (_, c) => ({ header: `列${c}`, width: 8, value: (r) => `第${r}行第${c}列的文字` }));
  const chunk = (from: number) => Array.from({ length: 2_000 }, (_, i) => from + i);

  it('exceljs hands committed rows to the zip without waiting: a loop that never waits keeps them all in memory', () => {
    const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: new PassThrough().resume(), useStyles: true });
    const ws = beginSheet(wb as unknown as ExcelJS.Workbook, 's', columns, 't');
    for (let from = 0; from < 10_000; from += 2_000) writeRows(ws, columns, chunk(from));
    expect(sheetBacklog(ws)).toBeGreaterThan(4 << 20);
  });

  it('drainSheet between chunks keeps the backlog under a megabyte, whatever the length', async () => {
    const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: new PassThrough().resume(), useStyles: true });
    const ws = beginSheet(wb as unknown as ExcelJS.Workbook, 's', columns, 't');
    const never = new Promise<never>(() => undefined);
    let worst = 0;
    for (let from = 0; from < 20_000; from += 2_000) {
      writeRows(ws, columns, chunk(from));
      await drainSheet(ws, never);
      worst = Math.max(worst, sheetBacklog(ws));
    }
    expect(worst).toBeLessThanOrEqual(1 << 20);
    ws.commit();
    await wb.commit();
  });
});
