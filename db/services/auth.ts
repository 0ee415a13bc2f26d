import { ADMIN_ROLE } from '../../shared/api/access';
import { AppError } from '../../shared/api/errors';
import { chinaDateTime } from '../../shared/domain/civil-date';
import { passwordProblem } from '../../shared/domain/password-policy';
import type { SessionInfo, SessionUser } from '../../shared/schemas/auth';
import { callContext, type Actor, type SessionRef } from '../auth/call-context';
import { dummyHash, hashSecret, newRecoveryCode, normaliseRecoveryCode, verifySecret } from '../auth/password';
import { isoNow, writeTx, type ServiceContext } from '../context';
import { getInstallation, type InstallationRow } from '../repositories/installation';
import * as users from '../repositories/users';
import type { UserRow } from '../repositories/users';
import { writeAudit } from './audit';
import { requireInstallation } from './installation';

export const MAX_FAILED_ATTEMPTS = 5;
export const LOCKOUT_MS = 5 * 60 * 1000;
const BAD_CREDENTIALS = '用户名或密码不正确';

function sessionRef(): SessionRef {
  const ref = callContext()?.session;
  if (!ref) throw new Error('auth service called outside a dispatched call');
  return ref;
}

export function toSessionUser(row: UserRow): SessionUser {
  return {
    id: row.id,
    login: row.login,
    displayName: row.display_name,
    role: row.role,
    mustChangePassword: row.must_change_password === 1,
  };
}

/** Who is signed in on this window/browser, whether the screen is locked, and the idle-lock time. */
export function sessionInfo(ctx: ServiceContext): SessionInfo {
  const installation = getInstallation(ctx.db);
  const idleLockMinutes = installation?.idle_lock_minutes ?? 10;
  const needsFirstAdmin = Boolean(installation) && users.countUsers(ctx.db) === 0;
  const ref = callContext()?.session;
  const session = ctx.sessions.get(ref?.token);
  const row = session ? users.getUser(ctx.db, session.userId) : undefined;
  if (!session || !row || row.disabled_at) return { user: null, locked: false, idleLockMinutes, needsFirstAdmin };
  const locked = ref?.idleLock ? ctx.sessions.checkIdle(session, ctx.now().getTime(), idleLockMinutes * 60_000) : Boolean(session.lockedAt);
  return { user: toSessionUser(row), locked, idleLockMinutes, needsFirstAdmin };
}

/** The rest of this call runs as the new administrator (setup and first-admin creation have no session yet). */
export function actAs(actor: Actor): void {
  const call = callContext();
  if (call) call.actor = actor;
}

function signInEvent(ctx: ServiceContext, login: string, userId: string | null, outcome: string) {
  users.insertSignInEvent(ctx.db, { id: ctx.newId(), at: isoNow(ctx), login: login.slice(0, 64), user_id: userId, outcome });
}

/** Opens (or, for the same user on a locked screen, reopens) this window's session. */
function openSession(ctx: ServiceContext, userId: string): void {
  const ref = sessionRef();
  const now = ctx.now().getTime();
  const current = ctx.sessions.get(ref.token);
  if (current && current.userId === userId) {
    ctx.sessions.unlock(current, now);
    return;
  }
  ctx.sessions.end(ref.token);
  ref.token = ctx.sessions.create(userId, now);
}

export function signIn(ctx: ServiceContext, input: { login: string; password: string }): SessionInfo {
  const row = users.getUserByLogin(ctx.db, input.login);
  const now = ctx.now();
  if (row?.locked_until && row.locked_until > now.toISOString()) {
    writeTx(ctx, () => signInEvent(ctx, input.login, row.id, 'locked'));
    throw new AppError('FORBIDDEN', `该用户因连续${MAX_FAILED_ATTEMPTS}次密码错误已锁定，请于 ${chinaDateTime(row.locked_until)} 后再试`, {
      details: { auth: 'lockedOut', until: row.locked_until },
    });
  }
  // hash even for an unknown login, so the answer and its timing do not tell whether the login exists
  const good = verifySecret(input.password, row?.password_hash ?? dummyHash()) && row !== undefined;
  if (!good || !row) {
    writeTx(ctx, () => {
      if (!row) return signInEvent(ctx, input.login, null, 'wrong_password');
      const failed = row.failed_attempts + 1;
      const lockout = failed >= MAX_FAILED_ATTEMPTS;
      users.updateUser(ctx.db, {
        ...row,
        failed_attempts: lockout ? 0 : failed,
        locked_until: lockout ? new Date(now.getTime() + LOCKOUT_MS).toISOString() : row.locked_until,
      });
      signInEvent(ctx, input.login, row.id, lockout ? 'lockout' : 'wrong_password');
    });
    throw new AppError('FORBIDDEN', BAD_CREDENTIALS, { details: { auth: 'badCredentials' } });
  }
  if (row.disabled_at) {
    writeTx(ctx, () => signInEvent(ctx, input.login, row.id, 'disabled'));
    throw new AppError('FORBIDDEN', '该用户已停用，请联系站长或县局管理员', { details: { auth: 'disabled' } });
  }
  writeTx(ctx, () => {
    users.updateUser(ctx.db, { ...row, failed_attempts: 0, locked_until: null, last_sign_in_at: now.toISOString() });
    signInEvent(ctx, input.login, row.id, 'ok');
  });
  openSession(ctx, row.id);
  return sessionInfo(ctx);
}

export function signOut(ctx: ServiceContext): SessionInfo {
  const ref = sessionRef();
  const session = ctx.sessions.get(ref.token);
  if (session && getInstallation(ctx.db)) {
    const row = users.getUser(ctx.db, session.userId);
    writeTx(ctx, () => signInEvent(ctx, row?.login ?? '', session.userId, 'signed_out'));
  }
  ctx.sessions.end(ref.token);
  delete ref.token;
  return sessionInfo(ctx);
}

export function lock(ctx: ServiceContext): SessionInfo {
  const session = ctx.sessions.get(sessionRef().token);
  if (session) ctx.sessions.lock(session, ctx.now().getTime());
  return sessionInfo(ctx);
}

export function assertPasswordPolicy(password: string, login: string): void {
  const problem = passwordProblem(password, login);
  if (problem) throw AppError.field('VALIDATION', ['password'], problem);
}

/** What the audit log may record of an account: never the hash. */
export function auditedUser(row: UserRow) {
  return {
    id: row.id,
    login: row.login,
    displayName: row.display_name,
    role: row.role,
    disabled: row.disabled_at !== null,
    mustChangePassword: row.must_change_password === 1,
  };
}

export function changePassword(ctx: ServiceContext, input: { currentPassword: string; password: string }): SessionInfo {
  const session = ctx.sessions.get(sessionRef().token);
  const row = session ? users.getUser(ctx.db, session.userId) : undefined;
  if (!row) throw new AppError('FORBIDDEN', '请先登录');
  if (!verifySecret(input.currentPassword, row.password_hash)) {
    throw AppError.field('VALIDATION', ['currentPassword'], '当前密码不正确');
  }
  assertPasswordPolicy(input.password, row.login);
  if (input.password === input.currentPassword) throw AppError.field('VALIDATION', ['password'], '新密码不能与当前密码相同');
  const hash = hashSecret(input.password);
  writeTx(ctx, () => {
    const after: UserRow = { ...row, password_hash: hash, must_change_password: 0, updated_at: isoNow(ctx) };
    users.updateUser(ctx.db, after);
    writeAudit(ctx, requireInstallation(ctx), {
      method: 'auth.changePassword',
      entity: 'user',
      entityId: row.id,
      before: { ...auditedUser(row), passwordChanged: false },
      after: { ...auditedUser(after), passwordChanged: true },
    });
  });
  return sessionInfo(ctx);
}

/** Creates an administrator with a one-time recovery code (setup, or the first account of an upgraded installation). */
export function createAdministrator(
  ctx: ServiceContext,
  installation: InstallationRow,
  input: { login: string; displayName: string; password: string },
  hashes: { password: string; recovery: string },
  id: string = ctx.newId(),
): UserRow {
  if (users.getUserByLogin(ctx.db, input.login)) throw AppError.field('CONFLICT', ['login'], '该用户名已存在');
  const at = isoNow(ctx);
  actAs({ userId: id, displayName: input.displayName, role: ADMIN_ROLE[installation.role] });
  const row: UserRow = {
    id,
    login: input.login,
    display_name: input.displayName,
    role: ADMIN_ROLE[installation.role],
    password_hash: hashes.password,
    must_change_password: 0,
    failed_attempts: 0,
    locked_until: null,
    disabled_at: null,
    created_at: at,
    updated_at: at,
    last_sign_in_at: at,
  };
  users.insertUser(ctx.db, row);
  users.insertRecoveryCode(ctx.db, row.id, hashes.recovery, at);
  writeAudit(ctx, installation, {
    method: 'users.create',
    entity: 'user',
    entityId: row.id,
    before: null,
    after: { ...auditedUser(row), recoveryCodeIssued: true },
  });
  return row;
}

/** Hashes a new administrator's password and a fresh recovery code (slow: do it outside the transaction). */
export function administratorSecrets(password: string): { code: string; hashes: { password: string; recovery: string } } {
  const code = newRecoveryCode();
  return { code, hashes: { password: hashSecret(password), recovery: hashSecret(normaliseRecoveryCode(code)) } };
}

export function createFirstAdmin(ctx: ServiceContext, input: { login: string; displayName: string; password: string }) {
  const secrets = administratorSecrets(input.password);
  const row = writeTx(ctx, () => {
    const installation = requireInstallation(ctx);
    if (users.countUsers(ctx.db) > 0) throw new AppError('FORBIDDEN', '本机已有用户账户，请用已有账户登录');
    return createAdministrator(ctx, installation, input, secrets.hashes);
  });
  openSession(ctx, row.id);
  return { session: sessionInfo(ctx), recoveryCode: secrets.code };
}

export function recover(ctx: ServiceContext, input: { login: string; recoveryCode: string; password: string }): SessionInfo {
  const row = users.getUserByLogin(ctx.db, input.login);
  const stored = row ? users.getRecoveryCode(ctx.db, row.id) : undefined;
  const good =
    verifySecret(normaliseRecoveryCode(input.recoveryCode), stored?.code_hash ?? dummyHash()) && row !== undefined && !stored?.used_at;
  if (!good || !row) {
    writeTx(ctx, () => signInEvent(ctx, input.login, row?.id ?? null, 'wrong_password'));
    throw new AppError('FORBIDDEN', '用户名或恢复码不正确，或恢复码已使用过', { details: { auth: 'badCredentials' } });
  }
  assertPasswordPolicy(input.password, row.login);
  const hash = hashSecret(input.password);
  writeTx(ctx, () => {
    actAs({ userId: row.id, displayName: row.display_name, role: row.role });
    const at = isoNow(ctx);
    const after: UserRow = {
      ...row,
      password_hash: hash,
      must_change_password: 0,
      failed_attempts: 0,
      locked_until: null,
      updated_at: at,
      last_sign_in_at: at,
    };
    users.updateUser(ctx.db, after);
    users.useRecoveryCode(ctx.db, row.id, at);
    signInEvent(ctx, input.login, row.id, 'recovered');
    writeAudit(ctx, requireInstallation(ctx), {
      method: 'auth.recover',
      entity: 'user',
      entityId: row.id,
      before: auditedUser(row),
      after: { ...auditedUser(after), passwordReset: '恢复码' },
    });
  });
  ctx.sessions.endUser(row.id);
  openSession(ctx, row.id);
  return sessionInfo(ctx);
}
