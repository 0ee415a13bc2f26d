import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { access } from '../../shared/api/access';
import { contract } from '../../shared/api/contract';
import { expectFail, stationCore, type TempCore } from '../support/core';
import { addUser } from '../support/setup';

/** settings.repinCountyKey: only the 站长, and only with the new fingerprint as read out (normalised, required). */
let station: TempCore;
beforeAll(async () => {
  station = await stationCore({ solo: false });
});
afterAll(() => station?.dispose());

describe('settings.repinCountyKey in the contract', () => {
  const spec = contract['settings.repinCountyKey'];

  it('is a 站长-only write', () => {
    expect(spec.allow).toBe(access.stationHead);
    expect(spec.writes).toBe(true);
  });

  it('requires the typed fingerprint and reads it as a person typed it', () => {
    const base = { fileName: 'x.agripkg', base64: 'eyJ9' };
    expect(spec.input.safeParse(base).success).toBe(false);
    expect(spec.input.safeParse({ ...base, confirmFingerprint: 'not a fingerprint' }).success).toBe(false);
    const parsed = spec.input.safeParse({ ...base, confirmFingerprint: 'abcd efgh ijkl mnop qr2o' });
    expect(parsed.success && parsed.data.confirmFingerprint).toBe('ABCD-EFGH-IJKL-MNOP-QR2O');
    expect(spec.input.safeParse({ ...base, confirmFingerprint: 'ABCD-EFGH-IJKL-MNOP-QRST', extra: 1 }).success).toBe(false);
  });

  it('a 技术员 is refused before anything is read', async () => {
    const tech = await addUser(station, { login: 'jishuyuan', displayName: '李技术员', role: 'technician' });
    const before = station.db.prepare('SELECT count(*) FROM audit_log').pluck().get();
    const r = await station.call(
      'settings.repinCountyKey',
      { fileName: 'x.agripkg', base64: 'eyJ9', confirmFingerprint: 'ABCD-EFGH-IJKL-MNOP-QRST' },
      tech.session,
    );
    expect(expectFail(r, 'FORBIDDEN').message).toMatch(/站长/);
    expect(station.db.prepare('SELECT count(*) FROM audit_log').pluck().get()).toBe(before);
  });
});
