import { createHash } from 'node:crypto';
import { setUpInstallation } from '../support/setup';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { commitLedger, previewLedger } from '../../db/ledger-import/service';
import type { JobHandle } from '../../db/jobs/registry';
import type { LedgerCommitResult, LedgerPreview } from '../../shared/schemas/ledger-import';
import type { JobStatus } from '../../shared/schemas/jobs';
import { ledgerRecordRow } from '../../shared/schemas/station-rows-ledger';
import { purchaseRow, farmerRow } from '../../shared/schemas/station-rows';
import { buildLedger, liulinSheets, secondFileSheets, type BuiltLedger } from '../fixtures/ledger-xlsx';
import { expectFail, expectOk, stationCore, steppingClock, type TempCore } from '../support/core';
import { tractorPurchase } from '../support/counter';
import { exportedFile } from '../support/exports';

let core: TempCore;
beforeEach(async () => {
  core = await stationCore({ now: steppingClock(Date.UTC(2026, 0, 10, 8)) });
});
afterEach(() => core.dispose());

const b64 = (l: BuiltLedger) => l.bytes.toString('base64');

async function runJob<T>(started: JobStatus): Promise<T> {
  const done = await core.ctx.jobs.wait(started.id);
  if (done.state !== 'done') expect.fail(`job ${done.state}: ${JSON.stringify(done.error)}`);
  return done.result as T;
}
async function preview(l: BuiltLedger, extra: object = {}): Promise<LedgerPreview> {
  return runJob(expectOk<JobStatus>(await core.call('ledgerImports.preview', { fileName: l.fileName, base64: b64(l), ...extra })));
}
async function commit(l: BuiltLedger, extra: object = {}): Promise<LedgerCommitResult> {
  return runJob(expectOk<JobStatus>(await core.call('ledgerImports.commit', { fileName: l.fileName, base64: b64(l), ...extra })));
}

/** The rows the rest of the app sees (live ones), per table, as a digest. */
function liveDigest(): Record<string, string> {
  const out: Record<string, string> = {};
  for (const t of ['farmers', 'purchases', 'scraps', 'ledger_records', 'vouchers']) {
    const rows = core.db.prepare(`SELECT * FROM ${t} WHERE voided_at IS NULL ORDER BY id`).all();
    out[t] = createHash('sha256').update(JSON.stringify(rows)).digest('hex');
  }
  return out;
}
const count = (sql: string) => (core.db.prepare(sql).get() as { n: number }).n;

describe('ledger import: dry run', () => {
  it('reaches the outcome each messy row was built for, skips subtotals and finds the header under title rows', async () => {
    const ledger = await buildLedger('柳林镇2025年台账.xlsx', 'A', liulinSheets());
    const p = await preview(ledger);
    expect(p.fileErrors).toEqual([]);
    expect(p.sheets.map((s) => [s.name, s.headerRow, s.selected])).toEqual([
      ['1月', 3, true],
      ['2月', 3, true],
      ['3月', 3, true],
      ['填表说明', null, false],
    ]);
    const got = new Map(p.rows.map((r) => [`${r.sheet}:${r.row}`, r]));
    for (const e of ledger.expected) {
      const r = got.get(`${e.sheet}:${e.row}`);
      expect(r?.outcome, `${e.sheet} row ${e.row} (${e.serial}): ${JSON.stringify(r?.reasons)}`).toBe(e.outcome);
    }
    for (const s of ledger.subtotals) expect(got.get(`${s.sheet}:${s.row}`)?.outcome).toBe('skipped');
    expect(p.rows.length).toBe(ledger.expected.length + ledger.subtotals.length);

    // the reasons say what happened
    const bySerial = (serial: string) => p.rows.find((r) => r.factoryNo === serial);
    expect(bySerial('DH2501004')?.reasons.join()).toMatch(/末几位已丢失/);
    expect(bySerial('NH2501005')?.reasons.join()).toMatch(/15位旧身份证号.*已按国家标准转换为18位/);
    expect(bySerial('NH2501002')?.notes.join()).toMatch(/购机者姓名、身份证号、联系电话取自第 4 行（合并单元格）/);
    expect(bySerial('NH2501002')?.outcome).toBe('create');
    // blank without a merge: the row above's farmer, flagged
    expect(bySerial('NH2503002')?.reasons.join()).toMatch(/为空（不是合并单元格），按第 \d+ 行填写，请核对/);
    expect(bySerial('NH2502003')?.reasons.join()).toMatch(/小写 930.00 元与大写 830.00 元不一致/);
    expect(bySerial('DH2502002')?.reasons.join()).toMatch(/台账补贴额 2,000.00 元与2025年补贴额一览表计算的 2,100.00 元不同/);
    expect(bySerial('NH2412001')?.reasons.join()).toMatch(/没有 2024 年或更早的补贴额一览表/);
    expect(p.rows.filter((r) => r.factoryNo === 'LW2501003').map((r) => r.outcome)).toEqual(['create', 'present']);
    expect(p.rows.find((r) => r.factoryNo === 'DH2502004')?.reasons.join()).toMatch(/身份证号相同但姓名不同/);
    // lists never show full ID numbers
    expect(bySerial('DH2501001')?.idMasked).toMatch(/^\d{6}\*+\d{4}$/);

    const e = (o: string) => ledger.expected.filter((x) => x.outcome === o).length;
    expect(p.totals).toMatchObject({ create: e('create'), attention: e('attention'), refused: e('refused'), present: e('present'), skipped: ledger.subtotals.length });
    // the dry run wrote nothing
    expect(count('SELECT count(*) AS n FROM purchases')).toBe(0);
    expect(count('SELECT count(*) AS n FROM ledger_imports')).toBe(0);
  });

  it('reads the same rows from a CSV', async () => {
    const csv = [
      '冠县2025年农机购置补贴台账',
      '姓名,身份证号,联系电话,村,机具品目,生产厂家,型号,出厂编号,购机日期,销售价格,补贴金额',
      `张三,${'371525198001010012'},13812345678,东村,深松机,大华,1S-300,CSV001,2025年5月6日,"18,000",2100元`,
      '合计,,,,,,,,,,2100',
    ].join('\r\n');
    const p = await runJob<LedgerPreview>(
      expectOk<JobStatus>(await core.call('ledgerImports.preview', { fileName: '台账.csv', base64: Buffer.from(csv).toString('base64') })),
    );
    expect(p.rows.map((r) => r.outcome)).toEqual(['create', 'skipped']);
  });
});

describe('ledger import: commit, re-import, undo', () => {
  it('creates exactly what the dry run said, marks the source, keeps ledger amounts and statuses', async () => {
    const before = liveDigest();
    const ledger = await buildLedger('柳林镇2025年台账.xlsx', 'A', liulinSheets());
    const dry = await preview(ledger);
    const done = await commit(ledger);
    expect(done.importId).not.toBeNull();
    expect(done.totals).toEqual(dry.totals);
    expect(done.rows).toEqual(dry.rows);
    expect(done.purchasesAdded).toBe(dry.totals.create + dry.totals.attention);
    expect(done.farmersAdded).toBe(dry.totals.newFarmers);
    expect(count('SELECT count(*) AS n FROM purchases')).toBe(done.purchasesAdded);
    expect(count("SELECT count(*) AS n FROM ledger_records WHERE entity = 'purchase'")).toBe(done.purchasesAdded);

    const p = (serial: string) =>
      core.db
        .prepare(
          `SELECT p.*, r.sheet, r.row_number, r.paid_fen, r.ledger_subsidy_fen, r.catalog_fen, r.flags_json
           FROM purchases p JOIN ledger_records r ON r.entity_id = p.id WHERE p.factory_no_norm = ?`,
        )
        .get(serial) as Record<string, unknown>;
    expect(p('LW2501003')).toMatchObject({ status: 'paid', paid_fen: 790_000, total_fen: 790_000, sheet: '1月' });
    expect(String(p('LW2501003').subsidy_note)).toMatch(/^来源：历史台账导入（柳林镇2025年台账.xlsx，1月，第 6 行）/);
    expect(p('DH2502002')).toMatchObject({ total_fen: 200_000, ledger_subsidy_fen: 200_000, catalog_fen: 210_000 });
    expect(JSON.parse(String(p('DH2502002').flags_json)).join()).toMatch(/按台账金额导入/);
    expect(p('LW2502001')).toMatchObject({ status: 'published' });
    expect(p('LW2503001')).toMatchObject({ status: 'verified', purchase_date: '2025-03-04' });
    // one farmer per ID number: farmer 1's two machines and farmer 9's two rows share a record
    expect(p('DH2501001').farmer_id).toBe(p('NH2501002').farmer_id);
    expect(p('DH2502004').farmer_id).toBe(p('NH2502005').farmer_id);
    // no vouchers for paper-paid records
    expect(count('SELECT count(*) AS n FROM vouchers')).toBe(0);
    // rows travel to the county as the county's schemas read them
    for (const row of core.db.prepare('SELECT * FROM ledger_records').all()) expect(ledgerRecordRow.safeParse(row).success).toBe(true);
    for (const row of core.db.prepare('SELECT * FROM purchases').all()) expect(purchaseRow.safeParse(row).success, JSON.stringify(row)).toBe(true);
    for (const row of core.db.prepare('SELECT * FROM farmers').all()) expect(farmerRow.safeParse(row).success).toBe(true);
    // audited
    expect(count("SELECT count(*) AS n FROM audit_log WHERE method = 'ledgerImports.commit'")).toBe(done.purchasesAdded + done.farmersAdded + 1);

    // importing the same file again creates nothing
    const after = liveDigest();
    const again = await commit(ledger);
    expect(again.importId).toBeNull();
    expect(again.totals.create + again.totals.attention).toBe(0);
    expect(again.totals.present).toBe(dry.totals.present + done.purchasesAdded);
    expect(liveDigest()).toEqual(after);

    // undo restores what the rest of the app sees
    const list = expectOk<{ items: { id: string; undoBlocked: string | null }[] }>(await core.call('ledgerImports.list', {}));
    expect(list.items).toHaveLength(1);
    expect(list.items[0]?.undoBlocked).toBeNull();
    expectOk(await core.call('ledgerImports.undo', { id: done.importId, reason: '导错了文件' }));
    expect(liveDigest()).toEqual(before);
    expect(count("SELECT count(*) AS n FROM audit_log WHERE method = 'ledgerImports.undo'")).toBe(done.purchasesAdded + done.farmersAdded + 1);
    expectFail(await core.call('ledgerImports.undo', { id: done.importId, reason: '再撤一次' }), 'CONFLICT');
    // and the file can be imported again afterwards
    const third = await commit(ledger);
    expect(third.purchasesAdded).toBe(done.purchasesAdded);
  });

  it('sees duplicates across files and remembers the column mapping of a station', async () => {
    const first = await buildLedger('柳林镇2025年台账.xlsx', 'A', liulinSheets());
    await commit(first);
    const second = await buildLedger('2025补录.xlsx', 'B', secondFileSheets());
    const p = await preview(second);
    for (const e of second.expected) expect(p.rows.find((r) => r.row === e.row)?.outcome, `row ${e.row}`).toBe(e.outcome);
    expect(p.sheets[0]?.columns.find((c) => c.header === '发票日期')?.field).toBe('purchaseDate');

    // the technician maps 备注-like 兑付状态 to nothing and the import remembers it for next time
    const mapping = { ...p.mapping, 兑付状态: 'ignore' as const };
    await commit(second, { mapping });
    const next = await preview(second);
    const status = next.sheets[0]?.columns.find((c) => c.header === '兑付状态');
    expect(status).toMatchObject({ field: 'ignore', source: 'remembered' });
    expect(next.totals.create + next.totals.attention).toBe(0);
  });

  it('the duplicate checks see imported machines, and undo is refused once a record has moved on', async () => {
    const ledger = await buildLedger('柳林镇2025年台账.xlsx', 'A', liulinSheets());
    const done = await commit(ledger);
    const farmerId = (core.db.prepare("SELECT farmer_id AS id FROM purchases WHERE factory_no_norm = 'DH2501001'").get() as { id: string }).id;
    const clash = await core.call('purchases.create', tractorPurchase(farmerId, { factoryNo: 'LW2501003' }));
    expect(expectFail(clash, 'CONFLICT').message).toMatch(/LW2501003 已于 2025-01-08 申请过购置补贴/);

    const id = (core.db.prepare("SELECT id FROM purchases WHERE factory_no_norm = 'DH2501001'").get() as { id: string }).id;
    expectOk(await core.call('applications.transition', { kind: 'purchase', ids: [id], to: 'accepted' }));
    const item = expectOk<{ items: { undoBlocked: string | null }[] }>(await core.call('ledgerImports.list', {})).items[0];
    expect(item?.undoBlocked).toMatch(/导入后已被修改或办理/);
    const before = liveDigest();
    expect(expectFail(await core.call('ledgerImports.undo', { id: done.importId, reason: '导错了' }), 'CONFLICT').message).toMatch(/不能撤销/);
    expect(liveDigest()).toEqual(before);
  });

  it('a report lists every row not imported and why', async () => {
    const ledger = await buildLedger('柳林镇2025年台账.xlsx', 'A', liulinSheets());
    const done = await commit(ledger);
    const file = await exportedFile(core, 'ledgerImports.report', { id: done.importId });
    expect(file.fileName).toBe('台账导入报告-柳林镇2025年台账.xlsx');
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file.path);
    const sheet = wb.getWorksheet('未导入的行');
    const notImported = ledger.expected.filter((e) => e.outcome === 'refused' || e.outcome === 'present').length + ledger.subtotals.length;
    expect(sheet?.rowCount).toBe(2 + notImported);
    const texts: string[] = [];
    sheet?.eachRow((r) => texts.push(String(r.getCell(4).value ?? '')));
    expect(texts.join('\n')).toMatch(/末几位已丢失/);
    expect(texts.join('\n')).not.toMatch(/\d{17}[\dX]/);
  });
});

describe('ledger import: long files', () => {
  it('streams a 5,000-row workbook: progress advances row chunk by row chunk, and a cancel leaves nothing', async () => {
    const { bigSheets } = await import('../fixtures/ledger-xlsx');
    const big = await buildLedger('全年台账.xlsx', 'A', bigSheets(5000));
    const seen: { done: number; total: number | null | undefined; phase?: string }[] = [];
    let ticks = 0;
    const spy = (cancelAfter = Infinity): JobHandle => {
      const controller = new AbortController();
      return {
        signal: controller.signal,
        progress: (done, total, phase) => void seen.push({ done, total, phase }),
        throwIfCancelled: () => {
          if (ticks > cancelAfter) throw new Error('cancelled');
        },
        tick: async () => {
          ticks++;
          if (ticks > cancelAfter) throw new Error('cancelled');
          await new Promise((r) => setImmediate(r));
        },
      };
    };
    const p = await previewLedger(core.ctx, { fileName: big.fileName, bytes: big.bytes }, spy());
    expect(p.totals.create).toBe(5000);
    const reading = seen.filter((s) => s.phase?.startsWith('正在读取并检查'));
    // one report per 200 rows, each after more of the file was read, while rows were still arriving
    expect(reading.length).toBe(25);
    for (let i = 1; i < reading.length; i++) expect((reading[i] as { done: number }).done).toBeGreaterThanOrEqual((reading[i - 1] as { done: number }).done);
    expect(reading.map((s) => s.phase)).toContain('正在读取并检查（已读 2,600 行）');

    ticks = 0;
    await expect(commitLedger(core.ctx, { fileName: big.fileName, bytes: big.bytes, includeAttention: true }, spy(10))).rejects.toThrow('cancelled');
    expect(count('SELECT count(*) AS n FROM purchases')).toBe(0);
    expect(count('SELECT count(*) AS n FROM farmers')).toBe(0);

    const done = await commit(big);
    expect(done.purchasesAdded).toBe(5000);
    expect(done.farmersAdded).toBe(5000);
  }, 120_000);
});

describe('ledger import: imported records travel to the county', () => {
  it('a station file with imported records merges at the county with their source rows', async () => {
    const { exportStationFile } = await import('../../db/transfer/export');
    const { importStationFile } = await import('../../db/services/county-import');
    const { tempCore } = await import('../support/core');
    const ledger = await buildLedger('柳林镇2025年台账.xlsx', 'A', liulinSheets());
    const done = await commit(ledger);
    const file = exportStationFile(core.ctx, core.dir).path;
    const county = tempCore({ now: steppingClock(Date.UTC(2026, 0, 20)) });
    try {
      (await setUpInstallation(county, { role: 'county', name: '县局审核员' }));
      const outcome = importStationFile(county.ctx, { fileName: 'station.agri', path: file }, { trustNew: true });
      expect(outcome.status, JSON.stringify(outcome)).toBe('accepted');
      expect(outcome.rejected).toBe(0);
      const n = (sql: string) => county.db.prepare(sql).pluck().get();
      expect(n("SELECT count(*) FROM purchases WHERE subsidy_note LIKE '来源：历史台账导入%'")).toBe(done.purchasesAdded);
      expect(n('SELECT count(*) FROM ledger_records')).toBe(done.purchasesAdded + done.farmersAdded);
    } finally {
      county.dispose();
    }
  });
});
