import { readFileSync } from 'node:fs';
import { takeDownload } from '../../db/services/export-files';
import { afterEach, describe, expect, it } from 'vitest';
import { USER_ROLES, ROLE_INSTALLATION, roleAllowed, type UserRole } from '../../shared/api/access';
import { contract, METHODS } from '../../shared/api/contract';
import { guardCall } from '../../db/auth/guard';
import type { CallContext } from '../../db/auth/call-context';
import { parseHash } from '../../db/auth/password';
import { AppError } from '../../shared/api/errors';
import { createFarmer, expectFail, expectOk, farmerInput, LIULIN, tempCore, type TempCore } from '../support/core';
import { addUser, setUpInstallation, setUpWithAdmin, TEST_PASSWORD } from '../support/setup';
import { bankDetails, setStationContact } from '../support/notices';

const cores: TempCore[] = [];
afterEach(() => {
  while (cores.length) cores.pop()?.dispose();
});

/** A clock the test moves by hand. */
function handClock(start = Date.UTC(2025, 5, 2, 1, 0, 0)) {
  let t = start;
  return { now: () => new Date(t), advance: (ms: number) => (t += ms) };
}

async function station(options: { solo?: boolean; now?: () => Date } = {}) {
  const core = tempCore({ now: options.now });
  cores.push(core);
  await setUpInstallation(core, { role: 'station', townshipCode: LIULIN, solo: options.solo });
  return core;
}

describe('every contract method declares who may call it', () => {
  it('allow is public or a non-empty list of known roles', () => {
    for (const m of METHODS) {
      const allow = contract[m].allow as unknown;
      const ok = allow === 'public' || (Array.isArray(allow) && allow.length > 0 && allow.every((r) => (USER_ROLES as readonly string[]).includes(r)));
      expect(ok, `${m} has no valid role declaration`).toBe(true);
    }
  });

  it('role × method: allowed roles pass the guard, every other role is FORBIDDEN naming the role needed', async () => {
    const stationCore = await station();
    const countyCore = tempCore();
    cores.push(countyCore);
    await setUpInstallation(countyCore, { role: 'county' });
    const sessions = new Map<UserRole, { core: TempCore; session: { token?: string } }>();
    sessions.set('stationHead', { core: stationCore, session: stationCore.session });
    sessions.set('countyAdmin', { core: countyCore, session: countyCore.session });
    sessions.set('technician', { core: stationCore, session: (await addUser(stationCore, { login: 'jishuyuan', displayName: '李技术员', role: 'technician' })).session });
    sessions.set('countyClerk', { core: countyCore, session: (await addUser(countyCore, { login: 'yewuyuan', displayName: '赵业务员', role: 'countyClerk' })).session });

    let refused = 0;
    for (const role of USER_ROLES) {
      const { core, session } = sessions.get(role)!;
      for (const method of METHODS) {
        const spec = contract[method];
        const call: CallContext = { session: { ...session } };
        const expected = roleAllowed(spec.allow, role) && (spec.allow === 'public' || ROLE_INSTALLATION[role] === (role.startsWith('county') ? 'county' : 'station'));
        let error: unknown;
        try {
          guardCall(core.ctx, method, spec, call);
        } catch (e) {
          error = e;
        }
        if (expected) {
          expect(error, `${role} should pass the guard for ${method}`).toBeUndefined();
        } else {
          expect(error, `${role} should be refused ${method}`).toBeInstanceOf(AppError);
          expect((error as AppError).details).toMatchObject({ auth: 'role' });
          // and through the whole dispatcher: FORBIDDEN, with the role needed in the message, nothing written
          const before = core.db.prepare('SELECT count(*) FROM audit_log').pluck().get();
          const r = await core.call(method, {}, session);
          const body = expectFail(r, 'FORBIDDEN');
          expect(body.message).toMatch(/需要.+权限/);
          expect(core.db.prepare('SELECT count(*) FROM audit_log').pluck().get()).toBe(before);
          refused++;
        }
      }
    }
    expect(refused).toBeGreaterThan(METHODS.length / 2); // the matrix is not trivially all-allowed
  });

  it('nobody signed in: only public methods get past the guard', async () => {
    const core = await station();
    const anonymous = { token: undefined };
    for (const method of METHODS) {
      if (contract[method].allow === 'public') continue;
      const body = expectFail(await core.call(method, {}, anonymous), 'FORBIDDEN');
      expect(body.message, method).toBe('请先登录');
    }
  });
});

describe('separation of duties', () => {
  async function purchaseBy(core: TempCore, session: { token?: string }) {
    const f = await createFarmer(core, { ...farmerInput(1, { name: '张三' }), ...bankDetails() });
    const { tractorPurchase, ALL_PURCHASE_CHECKS } = await import('../support/counter');
    const p = expectOk<{ id: string }>(await core.call('purchases.create', tractorPurchase(f.id), session));
    expectOk(await core.call('applications.transition', { kind: 'purchase', ids: [p.id], to: 'accepted' }, session));
    return { id: p.id, checks: ALL_PURCHASE_CHECKS };
  }
  /** 公示 as a batch today (the 站长 in `session`); returns the call that pays two weeks later as anyone. */
  async function publish(core: TempCore, id: string, session: { token?: string }) {
    await setStationContact(core);
    const today = new Date(core.ctx.now().getTime() + 8 * 3600_000).toISOString().slice(0, 10);
    expectOk(await core.call('notices.create', { items: [{ kind: 'purchase', id }], startDate: today }, session));
    const later = core.ctx.now().getTime() + 14 * 86_400_000;
    return async (as: { token?: string }) => {
      const { now } = core.ctx;
      core.ctx.now = () => new Date(later);
      try {
        const facts = expectOk<{ approvedFen: number }>(await core.call('notices.forApplication', { id }, as));
        const paidOn = new Date(later + 8 * 3600_000).toISOString().slice(0, 10);
        return await core.call('applications.pay', { kind: 'purchase', id, paidOn, amountFen: facts.approvedFen, financeDoc: 'CZ-1' }, as);
      } finally {
        core.ctx.now = now;
      }
    };
  }

  it('strict: the registrant cannot 核验; another 站长 can; 核验 person cannot 兑付; a technician cannot 核验 at all', async () => {
    const core = await station({ solo: false });
    const head2 = await addUser(core, { login: 'fuzhanzhang', displayName: '副站长', role: 'stationHead' });
    const tech = await addUser(core, { login: 'jishuyuan', displayName: '李技术员', role: 'technician' });
    // the 站长 registers, so the 站长 may not verify
    const p = await purchaseBy(core, core.session);
    const own = expectFail(await core.call('applications.transition', { kind: 'purchase', ids: [p.id], to: 'verified', checks: p.checks }), 'FORBIDDEN');
    expect(own.message).toContain('职责分离');
    const byTech = expectFail(await core.call('applications.transition', { kind: 'purchase', ids: [p.id], to: 'verified', checks: p.checks }, tech.session), 'FORBIDDEN');
    expect(byTech.message).toContain('须由站长办理');
    expectOk(await core.call('applications.transition', { kind: 'purchase', ids: [p.id], to: 'verified', checks: p.checks }, head2.session));
    const pay = await publish(core, p.id, head2.session);
    // the 核验 person cannot pay; a technician cannot pay; the first 站长 (who registered) can
    expect(expectFail(await pay(head2.session), 'FORBIDDEN').message).toContain('核验');
    expectFail(await pay(tech.session), 'FORBIDDEN');
    expectOk(await pay(core.session));
    const flags = core.db.prepare('SELECT to_status, unseparated, user_id IS NOT NULL AS named FROM application_events WHERE entity_id = ? ORDER BY rowid').all(p.id);
    expect(flags).toEqual([
      { to_status: 'accepted', unseparated: 0, named: 1 },
      { to_status: 'verified', unseparated: 0, named: 1 },
      { to_status: 'published', unseparated: 0, named: 1 },
      { to_status: 'paid', unseparated: 0, named: 1 },
    ]);
  });

  it('单人站点: one person may take every step, each such step flagged 未分离 on the record', async () => {
    const core = await station({ solo: true });
    const p = await purchaseBy(core, core.session);
    expectOk(await core.call('applications.transition', { kind: 'purchase', ids: [p.id], to: 'verified', checks: p.checks }));
    const pay = await publish(core, p.id, core.session);
    expectOk(await pay(core.session));
    const record = expectOk<{ events: { toStatus: string; unseparated: boolean }[] }>(await core.call('purchases.get', { id: p.id }));
    expect(record.events.map((e) => [e.toStatus, e.unseparated])).toEqual([
      ['accepted', false],
      ['verified', true],
      ['published', false],
      ['paid', true],
    ]);
  });
});

describe('sign-in, lockout, sessions', () => {
  it('five wrong passwords lock the login for 5 minutes; the message says until when; an unknown login reads the same', async () => {
    const clock = handClock();
    const core = await station({ now: clock.now });
    const s = {};
    const unknown = expectFail(await core.call('auth.signIn', { login: 'nobody', password: 'wrong-1234' }, s), 'FORBIDDEN');
    for (let i = 0; i < 5; i++) {
      const wrong = expectFail(await core.call('auth.signIn', { login: 'zhanzhang', password: 'wrong-1234' }, s), 'FORBIDDEN');
      expect(wrong.message).toBe(unknown.message);
    }
    const locked = expectFail(await core.call('auth.signIn', { login: 'zhanzhang', password: TEST_PASSWORD }, s), 'FORBIDDEN');
    expect(locked.message).toContain('已锁定');
    expect(locked.message).toContain('2025-06-02 09:05'); // 01:00 UTC + 5 min, in China time
    clock.advance(4 * 60_000 + 59_000);
    expectFail(await core.call('auth.signIn', { login: 'zhanzhang', password: TEST_PASSWORD }, s), 'FORBIDDEN');
    clock.advance(2_000);
    expectOk(await core.call('auth.signIn', { login: 'zhanzhang', password: TEST_PASSWORD }, s));
    const outcomes = core.db.prepare("SELECT outcome FROM sign_in_events WHERE login = 'zhanzhang' ORDER BY rowid").pluck().all();
    expect(outcomes).toEqual(['wrong_password', 'wrong_password', 'wrong_password', 'wrong_password', 'lockout', 'locked', 'locked', 'ok']);
  });

  it('a disabled user’s open session ends at its next call; the last administrator cannot be disabled or demoted', async () => {
    const core = await station();
    const tech = await addUser(core, { login: 'jishuyuan', displayName: '李技术员', role: 'technician' });
    expectOk(await core.call('farmers.search', {}, tech.session));
    expectOk(await core.call('users.update', { id: tech.id, disabled: true }));
    const ended = expectFail(await core.call('farmers.search', {}, tech.session), 'FORBIDDEN');
    expect(ended.details).toMatchObject({ auth: 'signedOut' });
    const me = expectOk<{ user: { id: string } }>(await core.call('auth.session', {})).user.id;
    expect(expectFail(await core.call('users.update', { id: me, disabled: true }), 'FORBIDDEN').message).toContain('最后一位');
    expect(expectFail(await core.call('users.update', { id: me, role: 'technician' }), 'FORBIDDEN').message).toContain('最后一位');
    expect(expectFail(await core.call('users.create', { login: 'xj', displayName: '县局', role: 'countyAdmin', password: TEST_PASSWORD }), 'VALIDATION').message).toContain('不是本机');
  });

  it('a reset password must be changed before anything else; a weak password says why', async () => {
    const core = await station();
    const tech = await addUser(core, { login: 'jishuyuan', displayName: '李技术员', role: 'technician' });
    expect(expectFail(await core.call('users.resetPassword', { id: tech.id, password: '12345678' }), 'VALIDATION').message).toContain('两类');
    expect(expectFail(await core.call('users.resetPassword', { id: tech.id, password: 'jishuyuan-9' }), 'VALIDATION').message).toContain('用户名');
    expectOk(await core.call('users.resetPassword', { id: tech.id, password: 'Linshi-2025' }));
    const s = {};
    const info = expectOk<{ user: { mustChangePassword: boolean } }>(await core.call('auth.signIn', { login: 'jishuyuan', password: 'Linshi-2025' }, s));
    expect(info.user.mustChangePassword).toBe(true);
    expect(expectFail(await core.call('farmers.search', {}, s), 'FORBIDDEN').details).toMatchObject({ auth: 'mustChangePassword' });
    expectOk(await core.call('auth.changePassword', { currentPassword: 'Linshi-2025', password: 'Ziji-mima-7' }, s));
    expectOk(await core.call('farmers.search', {}, s));
  });

  it('the recovery code resets the administrator’s password once', async () => {
    const core = tempCore();
    cores.push(core);
    const { recoveryCode } = await setUpWithAdmin(core, { role: 'station', townshipCode: LIULIN });
    const s = {};
    expectOk(await core.call('auth.recover', { login: 'zhanzhang', recoveryCode: recoveryCode.toLowerCase(), password: 'Xin-mima-2025' }, s));
    expectOk(await core.call('farmers.search', {}, s));
    expectFail(await core.call('auth.recover', { login: 'zhanzhang', recoveryCode, password: 'Zai-lai-2025' }, {}), 'FORBIDDEN');
    expectFail(await core.call('auth.signIn', { login: 'zhanzhang', password: TEST_PASSWORD }, {}), 'FORBIDDEN');
    expectOk(await core.call('auth.signIn', { login: 'zhanzhang', password: 'Xin-mima-2025' }, {}));
  });

  it('the screen lock refuses calls until the same user signs in again, keeping the same session', async () => {
    const core = await station();
    const s = { ...core.session };
    expectOk(await core.call('auth.lock', {}, s));
    expect(expectFail(await core.call('farmers.search', {}, s), 'FORBIDDEN').details).toMatchObject({ auth: 'locked' });
    const token = s.token;
    expectOk(await core.call('auth.signIn', { login: 'zhanzhang', password: TEST_PASSWORD }, s));
    expect(s.token).toBe(token);
    expectOk(await core.call('farmers.search', {}, s));
  });

  it('an idle window session locks itself after the installation’s idle time', async () => {
    const clock = handClock();
    const core = await station({ now: clock.now });
    const s = { idleLock: true };
    expectOk(await core.call('auth.signIn', { login: 'zhanzhang', password: TEST_PASSWORD }, s));
    clock.advance(9 * 60_000);
    expectOk(await core.call('farmers.search', {}, s));
    clock.advance(10 * 60_000 + 1000);
    expect(expectFail(await core.call('farmers.search', {}, s), 'FORBIDDEN').details).toMatchObject({ auth: 'locked' });
  });
});

describe('passwords are scrypt hashes and never leave the users table', () => {
  it('per-user salt, parameters recorded, absent from every answer, log and export', async () => {
    const core = await station();
    await addUser(core, { login: 'jishuyuan', displayName: '李技术员', role: 'technician' });
    const rows = core.db.prepare('SELECT password_hash FROM users').pluck().all() as string[];
    expect(rows).toHaveLength(2);
    const parsed = rows.map((h) => parseHash(h));
    for (const p of parsed) expect(p?.params).toEqual({ ln: 15, r: 8, p: 1 });
    expect(parsed[0]?.salt.equals(parsed[1]?.salt ?? Buffer.alloc(0))).toBe(false);
    const secrets = [...rows, ...rows.map((h) => h.split('$').at(-1) ?? ''), ...(core.db.prepare('SELECT code_hash FROM recovery_codes').pluck().all() as string[])];
    const answers = JSON.stringify([
      await core.call('users.list', {}),
      await core.call('audit.list', { pageSize: 200 }),
      await core.call('auth.session', {}),
      await core.call('settings.get', {}),
    ]);
    const exported = expectOk<{ downloadId: string }>(await core.call('county.exportStation', {}));
    const fileBytes = readFileSync(takeDownload(exported.downloadId)?.path ?? '').toString('latin1');
    const auditText = JSON.stringify(core.db.prepare('SELECT * FROM audit_log').all());
    for (const secret of secrets) {
      expect(answers).not.toContain(secret);
      expect(auditText).not.toContain(secret);
      expect(fileBytes).not.toContain(secret);
    }
    expect(core.logged).toEqual([]);
  });
});
