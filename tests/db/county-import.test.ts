import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importStationFile } from '../../db/services/county-import';
import { TRAVELLING_TABLES } from '../../db/transfer/tables';
import type { Conflict } from '../../shared/schemas/county';
import { expectOk, type TempCore } from '../support/core';
import { addFarmer, addScrap, addVerifiedPurchase, contents, exportTo, stationWith } from '../support/stations';
import { countyCore } from '../support/county-core';
import { exportedFile } from '../support/exports';

const LIULIN = '371525103';
const QINGSHUI = '371525104';
const TABLES = TRAVELLING_TABLES.map((t) => t.name);
let dir: string;
let fileA: string;
let fileB: string;
let stations: TempCore[] = [];

/** A county installation on a fresh file. */
const county = () => countyCore(Date.UTC(2025, 5, 1));

const imp = (core: TempCore, path: string) =>
  importStationFile(core.ctx, { fileName: path.split('/').pop() ?? path, path }, { trustNew: true });

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'agri-county-'));
  // 柳林镇: 张三 buys serial SN-DUP; 李四 scrapped a tractor (engine ENG-X, plate 鲁15-77777)
  const a = await stationWith(LIULIN, Date.UTC(2025, 2, 1), async (core) => {
    const zhang = await addFarmer(core, 1, { name: '张三' });
    await addVerifiedPurchase(core, zhang.id, { factoryNo: 'SN-DUP', engineNo: 'E-A1' });
    const li = await addFarmer(core, 2, { name: '李四' });
    await addScrap(core, li.id, { engineNo: 'ENG-X', frameNo: 'FR-A', plateNo: '鲁15-77777' });
  });
  // 清水镇: the same serial again; a purchase whose engine is 柳林's scrapped engine; the same plate
  // scrapped again; and 柳林's farmer 1's ID number under another name
  const b = await stationWith(QINGSHUI, Date.UTC(2025, 2, 5), async (core) => {
    const wang = await addFarmer(core, 3, { name: '王五' });
    await addVerifiedPurchase(core, wang.id, { factoryNo: 'sn dup', engineNo: 'E-B1' });
    const zhao = await addFarmer(core, 4, { name: '赵六' });
    await addVerifiedPurchase(core, zhao.id, { factoryNo: 'SN-B2', engineNo: 'ENG-X' });
    await addScrap(core, zhao.id, { engineNo: 'ENG-B', frameNo: 'FR-B', plateNo: '鲁15-77777' });
    await addFarmer(core, 1, { name: '张叁' });
  });
  stations = [a, b];
  fileA = exportTo(a, dir);
  fileB = exportTo(b, dir);
});

afterAll(() => {
  stations.forEach((s) => s.dispose());
  rmSync(dir, { recursive: true, force: true });
});

describe('county import and merge', () => {
  it('merges two stations without losing or double-counting a row', async () => {
    const c = await county();
    const ra = imp(c, fileA);
    const rb = imp(c, fileB);
    expect([ra.status, rb.status]).toEqual(['accepted', 'accepted']);
    for (const t of ['farmers', 'scraps', 'purchases', 'vouchers', 'application_events', 'audit_log']) {
      const expected = stations.reduce((n, s) => n + (s.db.prepare(`SELECT count(*) AS n FROM ${t}`).get() as { n: number }).n, 0);
      const own = 'SELECT station_id FROM installation';
      expect((c.db.prepare(`SELECT count(*) AS n FROM ${t} WHERE station_id NOT IN (${own})`).get() as { n: number }).n, t).toBe(expected);
    }
    expect(ra.added + rb.added).toBe(
      TABLES.reduce(
        (n, t) => n + stations.reduce((m, s) => m + (s.db.prepare(`SELECT count(*) AS n FROM ${t}`).get() as { n: number }).n, 0),
        0,
      ),
    );
    // rows arrive exactly as the station wrote them
    for (const s of stations) {
      const row = s.db.prepare('SELECT * FROM purchases LIMIT 1').get() as { id: string };
      expect(c.db.prepare('SELECT * FROM purchases WHERE id = ?').get(row.id)).toEqual(row);
    }
    c.dispose();
  });

  it('finds every planted cross-station conflict', async () => {
    const c = await county();
    imp(c, fileA);
    imp(c, fileB);
    const list = expectOk<{ items: Conflict[]; openCount: number }>(await c.call('county.conflicts', { pageSize: 50 }));
    const kinds = list.items.map((x) => `${x.kind}:${x.key}`).sort();
    expect(kinds).toEqual(
      [
        'id_names:' +
          (stations[0]!.db.prepare("SELECT id_number FROM farmers WHERE name = '张三'").get() as { id_number: string }).id_number,
        'scrap_repurchased:ENGX',
        'scrap_twice:plate:鲁1577777',
        'serial_twice:SNDUP',
      ].sort(),
    );
    const serial = list.items.find((x) => x.kind === 'serial_twice')!;
    expect(serial.records.map((r) => r.townshipName).sort()).toEqual(['柳林镇', '清水镇']);
    // resolved with a note: still listed, not open
    expectOk(await c.call('county.resolveConflict', { id: serial.id, note: '清水镇录入错误，已通知作废' }));
    const after = expectOk<{ items: Conflict[]; openCount: number }>(await c.call('county.conflicts', { pageSize: 50 }));
    expect([after.items.length, after.openCount]).toEqual([4, 3]);
    // re-importing does not reopen or duplicate it
    imp(c, fileB);
    const again = expectOk<{ items: Conflict[]; openCount: number }>(await c.call('county.conflicts', { pageSize: 50 }));
    expect([again.items.length, again.openCount]).toEqual([4, 3]);
    // 导出 Excel: one row per record of each conflict, with its verdict, as a file (an export job)
    const file = await exportedFile(c, 'county.exportConflicts', {});
    expect(file.fileName).toMatch(/^冠县-跨站冲突核查-\d{8}\.xlsx$/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file.path);
    const rows: unknown[][] = [];
    wb.worksheets[0]!.eachRow((r, n) => n > 2 && rows.push((r.values as unknown[]).slice(1)));
    expect(rows.length).toBe(file.rowCount);
    expect(rows.length).toBe(again.items.reduce((n, x) => n + x.records.length, 0));
    const serialRows = rows.filter((r) => r[1] === 'SNDUP');
    expect(serialRows.map((r) => r[3]).sort()).toEqual(['柳林镇', '清水镇']);
    expect(serialRows.every((r) => r[8] === '清水镇录入错误，已通知作废' && r[9] === '已核查')).toBe(true);
    c.dispose();
  });

  it('is idempotent and order-independent', async () => {
    const c1 = await county();
    imp(c1, fileA);
    imp(c1, fileB);
    const c2 = await county();
    imp(c2, fileB);
    imp(c2, fileA);
    imp(c2, fileA);
    const again = imp(c2, fileB);
    expect([again.added, again.updated, again.rejected]).toEqual([0, 0, 0]);
    expect(again.unchanged).toBeGreaterThan(0);
    expect(contents(c2.dbPath, TABLES)).toBe(contents(c1.dbPath, TABLES));
    const conflictsOf = (c: TempCore) =>
      JSON.stringify(c.db.prepare('SELECT kind, key, records_json FROM conflicts ORDER BY kind, key').all());
    expect(conflictsOf(c2)).toBe(conflictsOf(c1));
    c1.dispose();
    c2.dispose();
  });

  it('newer rows win, an older file changes nothing, and a station’s void voids the county copy', async () => {
    const [a] = stations;
    const c = await county();
    const older = fileA;
    const farmer = a!.db.prepare("SELECT id FROM farmers WHERE name = '张三'").get() as { id: string };
    const purchase = a!.db.prepare('SELECT id FROM purchases LIMIT 1').get() as { id: string };
    const f = expectOk<{ updatedAt: string }>(await a!.call('farmers.get', { id: farmer.id }));
    expectOk(
      await a!.call('farmers.update', {
        ...(await a!.call('farmers.get', { id: farmer.id }).then((r) => (r.ok ? pick(r.data) : {}))),
        id: farmer.id,
        village: '新村',
        expectedUpdatedAt: f.updatedAt,
      } as never),
    );
    expectOk(await a!.call('applications.transition', { kind: 'purchase', ids: [purchase.id], to: 'voided', reason: '重复申请' }));
    const newer = exportTo(a!, dir);
    expect(imp(c, newer).status).toBe('accepted');
    const stale = imp(c, older);
    expect([stale.status, stale.added, stale.updated]).toEqual(['accepted', 0, 0]);
    expect((c.db.prepare('SELECT village FROM farmers WHERE id = ?').get(farmer.id) as { village: string }).village).toBe('新村');
    const p = c.db.prepare('SELECT status, voided_at, void_reason FROM purchases WHERE id = ?').get(purchase.id) as Record<string, unknown>;
    expect([p.status, p.void_reason]).toEqual(['voided', '重复申请']);
    c.dispose();
  });

  it('writes a single self-contained file with a manifest', () => {
    const db = new Database(fileA, { readonly: true });
    expect(db.pragma('journal_mode', { simple: true })).toBe('delete');
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    const m = Object.fromEntries(
      (db.prepare('SELECT key, value FROM export_manifest').all() as { key: string; value: string }[]).map((r) => [r.key, r.value]),
    );
    expect(m.township_name).toBe('柳林镇');
    expect(JSON.parse(m.row_counts!)).toMatchObject({ farmers: 2, purchases: 1, scraps: 1 });
    expect(fileA).toMatch(/冠县-柳林镇-\d{8}\.agri$/);
    db.close();
  });

  it('lists every import and who is silent', async () => {
    const c = await county();
    imp(c, fileA);
    const report = expectOk<{ townships: { townshipName: string; silent: boolean; purchases: number }[] }>(
      await c.call('county.reporting', {}),
    );
    const liulin = report.townships.find((t) => t.townshipName === '柳林镇')!;
    expect([liulin.silent, liulin.purchases]).toEqual([false, 1]);
    expect(report.townships.filter((t) => t.silent)).toHaveLength(17);
    const log = expectOk<{ items: { fileName: string; status: string; sha256: string }[] }>(await c.call('county.imports', {}));
    expect(log.items[0]).toMatchObject({ status: 'accepted', fileName: fileA.split('/').pop() });
    c.dispose();
  });
});

function pick(f: Record<string, unknown>) {
  const keys = ['kind', 'name', 'idNumber', 'phone', 'townshipCode', 'village'];
  return Object.fromEntries(keys.map((k) => [k, f[k]]));
}
