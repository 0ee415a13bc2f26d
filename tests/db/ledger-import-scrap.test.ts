import { createHash } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { JobStatus } from '../../shared/schemas/jobs';
import type { LedgerCommitResult, LedgerImportItem, LedgerPreview } from '../../shared/schemas/ledger-import';
import type { Scrap } from '../../shared/schemas/scraps';
import { ledgerRecordRow } from '../../shared/schemas/station-rows-ledger';
import { scrapRow } from '../../shared/schemas/station-rows';
import { buildScrapLedger, KNOWN_RECYCLER } from '../fixtures/scrap-ledger-xlsx';
import { expectOk, stationCore, steppingClock, type TempCore } from '../support/core';

let core: TempCore;
beforeEach(async () => {
  core = await stationCore({ now: steppingClock(Date.UTC(2026, 0, 10, 8)) });
  expectOk(await core.call('partners.create', { kind: 'recycler', name: KNOWN_RECYCLER }));
});
afterEach(() => core.dispose());

type Built = Awaited<ReturnType<typeof buildScrapLedger>>;
async function run<T>(method: string, l: Built): Promise<T> {
  const started = expectOk<JobStatus>(await core.call(method, { fileName: l.fileName, base64: l.bytes.toString('base64') }));
  const done = await core.ctx.jobs.wait(started.id);
  if (done.state !== 'done') expect.fail(`job ${done.state}: ${JSON.stringify(done.error)}`);
  return done.result as T;
}

function liveDigest(): Record<string, string> {
  const out: Record<string, string> = {};
  for (const t of ['farmers', 'purchases', 'scraps', 'ledger_records']) {
    const rows = core.db.prepare(`SELECT * FROM ${t} WHERE voided_at IS NULL ORDER BY id`).all();
    out[t] = createHash('sha256').update(JSON.stringify(rows)).digest('hex');
  }
  return out;
}

describe('scrapping ledgers (报废台账)', () => {
  it('are recognised by their columns and each row reaches the outcome it was built for', async () => {
    const ledger = await buildScrapLedger('柳林镇2025年报废台账.xlsx');
    const p = await run<LedgerPreview>('ledgerImports.preview', ledger);
    expect(p.fileErrors).toEqual([]);
    expect(p.sheets.map((s) => [s.name, s.kind, s.headerRow])).toEqual([['报废', 'scrap', 2]]);
    const got = new Map(p.rows.map((r) => [r.row, r]));
    for (const e of ledger.expected) {
      const r = got.get(e.row);
      expect(r?.outcome, `row ${e.row} (${e.frame}): ${JSON.stringify(r?.reasons)}`).toBe(e.outcome);
      expect(r?.kind).toBe('scrap');
      if (e.outcome === 'create' || e.outcome === 'attention') expect([r?.purchaseDate, r?.subsidyFen]).toEqual([e.date, e.subsidyFen]);
    }
    for (const t of ledger.totals) expect(got.get(t.row)?.outcome).toBe('skipped');
    const byFrame = (f: string) => p.rows.find((r) => r.factoryNo === f);
    expect(byFrame('XG250302')?.notes.join()).toMatch(/取自第 3 行（合并单元格）/);
    expect(byFrame('SG250303')?.reasons.join()).toMatch(/应有号牌号码，台账未记载/);
    expect(byFrame('SG250303')?.reasons.join()).toMatch(/回收企业“某某拆解厂”不在本站的回收企业名单中/);
    expect(byFrame('XG250304')?.reasons.join()).toMatch(/末几位已丢失/);
    expect(p.rows.filter((r) => r.factoryNo === 'FJ250301').map((r) => r.outcome)).toEqual(['create', 'present']);
    expect(core.db.prepare('SELECT count(*) FROM scraps').pluck().get()).toBe(0);
  });

  it('refuses an amount merged over two machines’ rows (it would count twice), both rows, and imports nothing of them', async () => {
    const ledger = await buildScrapLedger('合并金额.xlsx', [
      {
        farmer: 41,
        machine: 'tractor',
        date: '2025-03-10',
        frame: 'HB250301',
        engine: 'EN-HB1',
        plate: '鲁15-22345',
        recycler: KNOWN_RECYCLER,
      },
      {
        farmer: 41,
        machine: 'tractor',
        date: '2025-03-10',
        frame: 'HB250302',
        engine: 'EN-HB2',
        plate: '鲁15-22346',
        recycler: KNOWN_RECYCLER,
        mergedWithAbove: true,
        amountMergedWithAbove: true,
      },
      { farmer: 42, machine: 'rotary', date: '2025-03-11', frame: 'HB250303', recycler: KNOWN_RECYCLER },
    ]);
    const p = await run<LedgerPreview>('ledgerImports.preview', ledger);
    const byFrame = (f: string) => p.rows.find((r) => r.factoryNo === f);
    for (const frame of ['HB250301', 'HB250302']) {
      expect(byFrame(frame)?.outcome, frame).toBe('refused');
      expect(byFrame(frame)?.reasons.join(), frame).toMatch(/报废补贴额|补贴金额/);
      expect(byFrame(frame)?.reasons.join(), frame).toMatch(/跨几行的合并单元格（可能是几台合计）/);
    }
    // merged farmer cells alone are fine (the second machine's owner), and a row of its own imports
    expect(byFrame('HB250303')?.outcome).toBe('create');
    const committed = await run<LedgerCommitResult>('ledgerImports.commit', ledger);
    expect(committed.scrapsAdded).toBe(1);
  });

  it('become scraps marked 台账未记载 for what the ledger lacks; re-import adds nothing; undo voids them as a whole', async () => {
    const ledger = await buildScrapLedger('报废台账.xlsx');
    const before = liveDigest();
    const p = await run<LedgerPreview>('ledgerImports.preview', ledger);
    const done = await run<LedgerCommitResult>('ledgerImports.commit', ledger);
    const importable = ledger.expected.filter((e) => e.outcome === 'create' || e.outcome === 'attention');
    // the dry run and the commit agree exactly
    expect(done.rows).toEqual(p.rows);
    expect(done).toMatchObject({
      scrapsAdded: importable.length,
      purchasesAdded: 0,
      farmersAdded: new Set(importable.map((e) => e.idNumber)).size,
    });
    expect(done.message).toMatch(new RegExp(`报废登记 ${importable.length} 条`));

    for (const e of importable) {
      const row = core.db
        .prepare('SELECT s.*, f.id_number FROM scraps s JOIN farmers f ON f.id = s.farmer_id WHERE s.frame_no = ?')
        .get(e.frame) as Record<string, unknown>;
      expect(row).toMatchObject({
        eligibility: 'unrecorded',
        scrap_fen: e.subsidyFen,
        handover_date: e.date,
        id_number: e.idNumber,
        maker: e.maker,
      });
      // what travels to the county passes its checks
      expect(scrapRow.safeParse(row).success, JSON.stringify(scrapRow.safeParse(row).error?.issues)).toBe(true);
      const scrap = expectOk<Scrap>(await core.call('scraps.get', { id: row.id }));
      expect(scrap.eligibility).toBe('unrecorded');
    }
    const first = core.db.prepare("SELECT * FROM scraps WHERE frame_no = 'FJ250301'").get() as Record<string, unknown>;
    expect(first).toMatchObject({ status: 'paid', plate_no: '鲁15-12345', confirm_form_no: 'BF-FJ250301' });
    expect(first.recycler_id).not.toBeNull();
    const source = core.db.prepare("SELECT * FROM ledger_records WHERE entity = 'scrap' AND entity_id = ?").get(first.id) as Record<
      string,
      unknown
    >;
    expect(source).toMatchObject({ file_name: '报废台账.xlsx', sheet: '报废', row_number: 3, ledger_subsidy_fen: 400_000 });
    expect(ledgerRecordRow.safeParse(source).success).toBe(true);

    // the duplicate checks see the imported machines: the same engine cannot be scrapped again at the counter
    const farmer = core.db.prepare('SELECT farmer_id FROM scraps WHERE id = ?').pluck().get(first.id) as string;
    const again = await core.call('scraps.create', {
      farmerId: farmer,
      item: '轮式拖拉机',
      maker: '东方红',
      model: 'LX-704',
      engineNo: 'EN250301',
      plateNo: '鲁15-99999',
      eligibility: 'past_age',
      handoverDate: '2025-12-01',
    });
    expect(again.ok).toBe(false);

    // paid on paper: no new voucher for an imported record
    const voucher = await core.call('vouchers.issue', { kind: 'scrap', applicationId: first.id });
    expect(voucher.ok).toBe(false);
    expect(JSON.stringify(voucher)).toContain('历史台账导入');
    expect(core.db.prepare('SELECT count(*) FROM vouchers').pluck().get()).toBe(0);

    // importing the same file again creates nothing new
    const twice = await run<LedgerCommitResult>('ledgerImports.commit', ledger);
    expect(twice.scrapsAdded).toBe(0);
    expect(twice.totals.present).toBe(importable.length + 1);

    const list = expectOk<{ items: LedgerImportItem[] }>(await core.call('ledgerImports.list', {}));
    const item = list.items.find((i) => i.id === done.importId);
    expect(item).toMatchObject({ scrapsAdded: importable.length, undoBlocked: null });
    expectOk(await core.call('ledgerImports.undo', { id: done.importId, reason: '导错了文件' }));
    expect(liveDigest()).toEqual(before);
    expect(core.db.prepare("SELECT count(*) FROM audit_log WHERE method = 'ledgerImports.undo' AND entity = 'scrap'").pluck().get()).toBe(
      importable.length,
    );
  });

  it('undo is refused once an imported scrap has moved on', async () => {
    const ledger = await buildScrapLedger('报废台账.xlsx');
    const done = await run<LedgerCommitResult>('ledgerImports.commit', ledger);
    const id = core.db.prepare("SELECT id FROM scraps WHERE frame_no = 'XG250305'").pluck().get() as string;
    core.db.prepare("UPDATE scraps SET updated_at = '2026-01-11T00:00:00.000Z' WHERE id = ?").run(id);
    const list = expectOk<{ items: LedgerImportItem[] }>(await core.call('ledgerImports.list', {}));
    expect(list.items[0]?.undoBlocked).toMatch(/导入的报废登记在导入后已被修改/);
    expect((await core.call('ledgerImports.undo', { id: done.importId, reason: '导错了文件' })).ok).toBe(false);
  });
});
