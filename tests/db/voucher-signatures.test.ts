import { mkdtempSync, rmSync } from 'node:fs';
import { setUpInstallation } from '../support/setup';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importStationFile } from '../../db/services/county-import';
import { checkCode } from '../../db/services/vouchers';
import { voucherMessage } from '../../db/services/voucher-signature';
import { generateKeyPair, signBytes } from '../../db/trust/ed25519';
import { formatSignedVoucherQr, formatVoucherQr } from '../../shared/domain/voucher-code';
import type { Voucher, VerifyOutput } from '../../shared/schemas/vouchers';
import { expectOk, steppingClock, tempCore, type TempCore } from '../support/core';
import { addFarmer, addVerifiedPurchase, exportTo, stationWith } from '../support/stations';

let dir: string;
let station: TempCore;
let county: TempCore;
let signed: Voucher;
let legacy: Voucher;
let legacyQr: string;

const verify = async (core: TempCore, code: string) => expectOk<VerifyOutput>(await core.call('vouchers.verify', { code }));

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'agri-vsig-'));
  station = await stationWith('371525103', Date.UTC(2025, 2, 1), async (core) => {
    const f1 = await addFarmer(core, 1, { name: '张三' });
    const p1 = await addVerifiedPurchase(core, f1.id, { factoryNo: 'SN-1', engineNo: 'E-1' });
    signed = expectOk<Voucher>(await core.call('vouchers.issue', { kind: 'purchase', applicationId: p1.id }));
    const f2 = await addFarmer(core, 2, { name: '李四' });
    const p2 = await addVerifiedPurchase(core, f2.id, { factoryNo: 'SN-2', engineNo: 'E-2' });
    legacy = expectOk<Voucher>(await core.call('vouchers.issue', { kind: 'purchase', applicationId: p2.id }));
  });
  // a voucher issued before signatures existed: HMAC check code, no signature
  const secret = station.db.prepare('SELECT voucher_secret FROM installation').pluck().get() as string;
  const code = checkCode(secret, legacy.number, legacy.totalFen);
  station.db.prepare('UPDATE vouchers SET signature = NULL, check_code = ? WHERE id = ?').run(code, legacy.id);
  legacyQr = formatVoucherQr({ number: legacy.number, totalFen: legacy.totalFen, checkCode: code });
  county = tempCore({ now: steppingClock(Date.UTC(2025, 5, 1)) });
  (await setUpInstallation(county, { role: 'county', name: '县局' }));
});

afterAll(() => {
  [station, county].forEach((c) => c.dispose());
  rmSync(dir, { recursive: true, force: true });
});

/** A QR for the same voucher with a signature by a key nobody pinned. */
function forgedQr(v: Voucher, totalFen = v.totalFen): string {
  const key = generateKeyPair();
  const fields = { number: v.number, farmerId: v.farmerId, totalFen, issueDate: v.issueDate };
  return formatSignedVoucherQr({ ...fields, signature: signBytes(key.privateKey, voucherMessage(fields)) });
}

describe('signed vouchers', () => {
  it('a station verifies its own signed vouchers and refuses forged ones', async () => {
    const ok = await verify(station, signed.qrPayload);
    expect([ok.result, ok.legacy]).toEqual(['valid', false]);
    expect(ok.signedBy).toBe((expectOk(await station.call('settings.get', {})) as { keyFingerprint: string }).keyFingerprint);
    expect((await verify(station, forgedQr(signed))).result).toBe('mismatch');
    expect((await verify(station, forgedQr(signed, signed.totalFen + 100_000))).result).toBe('mismatch');
  });

  it('keeps verifying an old-style voucher, marked as such, and never accepts an old-style QR for a signed voucher', async () => {
    const old = await verify(station, legacyQr);
    expect([old.result, old.legacy]).toEqual(['valid', true]);
    expect(old.message).toMatch(/旧式凭证/);
    const downgraded = formatVoucherQr({ number: signed.number, totalFen: signed.totalFen, checkCode: signed.checkCode });
    expect((await verify(station, downgraded)).result).toBe('mismatch');
  });

  it('the county verifies with the pinned key after import, with no voucher secret stored or received', async () => {
    const file = exportTo(station, dir);
    expect(importStationFile(county.ctx, { fileName: 'f.agri', path: file }, { trustNew: true }).status).toBe('accepted');
    const genuine = await verify(county, signed.qrPayload);
    expect(genuine.result).toBe('valid');
    expect((await verify(county, forgedQr(signed))).result).toBe('mismatch');
    const old = await verify(county, legacyQr);
    expect([old.result, old.legacy]).toEqual(['valid', true]);
    // no secret anywhere at the county, and none in the file it received
    const stationCols = county.db.prepare('SELECT name FROM pragma_table_info(?)').pluck().all('stations');
    expect(stationCols).not.toContain('voucher_secret');
    const Database = (await import('better-sqlite3')).default;
    const f = new Database(file, { readonly: true });
    try {
      expect(f.prepare('SELECT voucher_secret FROM installation').pluck().get()).toBeNull();
      expect(f.prepare('SELECT count(*) FROM installation_keys').pluck().get()).toBe(0);
    } finally {
      f.close();
    }
  });

  it('the private key never appears in the exported file’s bytes', async () => {
    const { readFileSync } = await import('node:fs');
    const file = exportTo(station, dir);
    const privateKey = station.db.prepare('SELECT private_key FROM installation_keys').pluck().get() as string;
    const der = Buffer.from(privateKey, 'base64');
    const bytes = readFileSync(file);
    expect(bytes.includes(Buffer.from(privateKey))).toBe(false);
    // the 32-byte seed at the end of the PKCS#8 DER
    expect(bytes.includes(der.subarray(der.length - 32))).toBe(false);
  });
});
