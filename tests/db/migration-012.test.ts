import { TEST_PASSWORD } from '../support/setup';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openCore } from '../../db/app';
import { openDatabase } from '../../db/connection';
import { loadMigrations } from '../../db/migrate';
import { checkCode } from '../../db/services/vouchers';
import { formatVoucherQr } from '../../shared/domain/voucher-code';
import type { AuditVerifyOutput } from '../../shared/schemas/audit';
import type { VerifyOutput } from '../../shared/schemas/vouchers';
import { expectOk, farmerInput, steppingClock, tempDir } from '../support/core';

const STATION = '6f1c2b7e-3d5a-4c1b-9e2f-0a1b2c3d4e5f';
const FARMER = '7a1c2b7e-3d5a-4c1b-9e2f-0a1b2c3d4e5f';
const VOUCHER = '8b1c2b7e-3d5a-4c1b-9e2f-0a1b2c3d4e5f';
const SECRET = 'ab'.repeat(32);
const AT = '2025-03-01T08:00:00.000Z';

let tmp: ReturnType<typeof tempDir>;
beforeEach(() => {
  tmp = tempDir('agri-m012-');
});
afterEach(() => tmp.dispose());

/** A station file at version 11 (before 012) with an installation, audit rows, a farmer, an HMAC voucher, and county-side rows. */
function fileAt11(file: string): void {
  const db = openDatabase(file, { migrations: loadMigrations().filter((m) => m.version <= 11) });
  db.prepare(
    `INSERT INTO installation (id, station_id, role, township_code, operator, created_at, updated_at, voucher_secret)
     VALUES (1, ?, 'station', '371525103', '王会计', ?, ?, ?)`,
  ).run(STATION, AT, AT, SECRET);
  const audit = db.prepare(
    `INSERT INTO audit_log (id, station_id, at, operator, method, entity, entity_id, before_json, after_json)
     VALUES (?, ?, ?, '王会计', ?, 'farmer', ?, NULL, ?)`,
  );
  for (let i = 1; i <= 3; i++) audit.run(`0000000${i}-0000-4000-8000-000000000000`, STATION, AT, `farmers.create`, FARMER, `{"n":${i}}`);
  db.prepare(
    `INSERT INTO farmers (id, station_id, kind, name, name_pinyin, name_initials, id_number, id_number_rev, phone, township_code, village, created_at, updated_at)
     VALUES (?, ?, 'individual', '张三', 'zhangsan', 'zs', '371525198001010012', '210010108915217', '13812345678', '371525103', '东街村', ?, ?)`,
  ).run(FARMER, STATION, AT, AT);
  db.prepare(
    `INSERT INTO vouchers (id, station_id, number, year, seq, kind, application_id, farmer_id, issue_date, purchase_fen, scrap_fen, total_fen,
       check_code, snapshot_json, created_at, updated_at)
     VALUES (?, ?, 'GX-103-2025-000001', 2025, 1, 'purchase', ?, ?, '2025-03-01', 790000, 0, 790000, ?, ?, ?, ?)`,
  ).run(
    VOUCHER,
    STATION,
    FARMER,
    FARMER,
    checkCode(SECRET, 'GX-103-2025-000001', 790000),
    JSON.stringify({ unitName: '柳林镇农机站', buyer: { name: '张三' }, title: '购置补贴' }),
    AT,
    AT,
  );
  db.prepare(
    `INSERT INTO conflicts (id, kind, key, records_json, detected_at, updated_at) VALUES ('c1', 'serial_twice', 'SN1', '[]', ?, ?)`,
  ).run(AT, AT);
  db.prepare(
    `INSERT INTO stations (station_id, township_code, voucher_secret, first_import_at, last_import_at, last_exported_at)
     VALUES ('s2', '371525104', ?, ?, ?, ?)`,
  ).run(SECRET, AT, AT, AT);
  db.close();
}

describe('migration 012 carries a version-11 file forward', () => {
  it('keeps every row, gives the installation a key, chains the old history, and keeps old vouchers verifying', async () => {
    const file = join(tmp.dir, 'agri.db');
    fileAt11(file);
    const core = openCore(file, { now: steppingClock(Date.UTC(2025, 5, 1)), log: () => undefined });
    try {
      expect(core.db.pragma('user_version', { simple: true })).toBeGreaterThanOrEqual(12);
      // data kept
      expect(core.db.prepare('SELECT count(*) FROM audit_log').pluck().get()).toBe(3);
      expect(core.db.prepare('SELECT name FROM farmers').pluck().get()).toBe('张三');
      expect(core.db.prepare('SELECT kind, key FROM conflicts').get()).toEqual({ kind: 'serial_twice', key: 'SN1' });
      expect(core.db.prepare('SELECT township_code FROM stations').pluck().get()).toBe('371525104');
      // the county keeps no voucher secret any more; the station keeps its own (old vouchers)
      expect(core.db.prepare('SELECT name FROM pragma_table_info(?)').pluck().all('stations')).not.toContain('voucher_secret');
      // a key pair on first use
      // an installation from before accounts: its first administrator signs in (audit rows counted above)
      expectOk(await core.call('auth.createFirstAdmin', { login: 'zhanzhang', displayName: '站长', password: TEST_PASSWORD }));
      const s = expectOk<{ keyFingerprint: string }>(await core.call('settings.get', {}));
      expect(s.keyFingerprint).toMatch(/^[A-Z2-7]{4}(-[A-Z2-7]{4}){4}$/);
      expect(expectOk<{ keyFingerprint: string }>(await core.call('settings.get', {})).keyFingerprint).toBe(s.keyFingerprint);
      // the old HMAC voucher still verifies, marked as old-style
      const qr = formatVoucherQr({
        number: 'GX-103-2025-000001',
        totalFen: 790000,
        checkCode: checkCode(SECRET, 'GX-103-2025-000001', 790000),
      });
      const v = expectOk<VerifyOutput>(await core.call('vouchers.verify', { code: qr }));
      expect([v.result, v.legacy]).toEqual(['valid', true]);
      // the old rows are chained (rowid order) and a new write extends the chain
      expectOk(await core.call('farmers.create', farmerInput(2)));
      const chain = expectOk<AuditVerifyOutput>(await core.call('audit.verify', {}));
      expect([chain.ok, chain.length]).toEqual([true, 5]); // three old rows, the key, and the first administrator's creation
      expect(core.db.prepare('SELECT after_json FROM audit_log ORDER BY chain_seq').pluck().all().slice(0, 3)).toEqual([
        '{"n":1}',
        '{"n":2}',
        '{"n":3}',
      ]);
    } finally {
      core.close();
    }
  });
});

describe('audit.verify', () => {
  it('reports the first broken row of an edited or shortened history', async () => {
    const file = join(tmp.dir, 'agri.db');
    fileAt11(file);
    const core = openCore(file, { now: steppingClock(Date.UTC(2025, 5, 1)), log: () => undefined });
    try {
      // an installation from before accounts: its first administrator signs in (audit rows counted above)
      expectOk(await core.call('auth.createFirstAdmin', { login: 'zhanzhang', displayName: '站长', password: TEST_PASSWORD }));
      for (let i = 2; i <= 4; i++) expectOk(await core.call('farmers.create', farmerInput(i)));
      expect(expectOk<AuditVerifyOutput>(await core.call('audit.verify', {})).ok).toBe(true);
      core.db.prepare("UPDATE audit_log SET operator = '别人' WHERE chain_seq = 5").run();
      const edited = expectOk<AuditVerifyOutput>(await core.call('audit.verify', {}));
      expect([edited.ok, edited.broken?.seq]).toEqual([false, 5]);
      expect(edited.message).toMatch(/第 5 条.*改动/);
      core.db.prepare("UPDATE audit_log SET operator = '王会计' WHERE chain_seq = 5").run();
      core.db.prepare('DELETE FROM audit_log WHERE chain_seq = 2').run();
      const removed = expectOk<AuditVerifyOutput>(await core.call('audit.verify', {}));
      expect([removed.ok, removed.broken?.seq]).toEqual([false, 2]);
    } finally {
      core.close();
    }
  });
});
