import { ADMIN_ROLE, ROLE_INSTALLATION, ROLE_LABELS, type UserRole } from '../../shared/api/access';
import { AppError } from '../../shared/api/errors';
import type { User } from '../../shared/schemas/auth';
import { hashSecret } from '../auth/password';
import { isoNow, writeTx, type ServiceContext } from '../context';
import type { InstallationRow } from '../repositories/installation';
import * as users from '../repositories/users';
import type { UserRow } from '../repositories/users';
import { writeAudit } from './audit';
import { assertPasswordPolicy, auditedUser } from './auth';
import { requireInstallation } from './installation';

export function toUser(row: UserRow): User {
  return {
    id: row.id,
    login: row.login,
    displayName: row.display_name,
    role: row.role,
    disabled: row.disabled_at !== null,
    mustChangePassword: row.must_change_password === 1,
    lockedUntil: row.locked_until,
    createdAt: row.created_at,
    lastSignInAt: row.last_sign_in_at,
  };
}

export function listUsers(ctx: ServiceContext) {
  return { items: users.listUsers(ctx.db).map(toUser) };
}

/** A station has only station roles, the county only county roles. */
function assertRoleFits(installation: InstallationRow, role: UserRole) {
  if (ROLE_INSTALLATION[role] !== installation.role) {
    throw AppError.field('VALIDATION', ['role'], `${ROLE_LABELS[role]}不是本机（${installation.role === 'station' ? '乡镇农机站' : '县农业农村局'}）可用的角色`);
  }
}

function requireUser(ctx: ServiceContext, id: string): UserRow {
  const row = users.getUser(ctx.db, id);
  if (!row) throw new AppError('NOT_FOUND', '未找到该用户');
  return row;
}

export function createUser(ctx: ServiceContext, input: { login: string; displayName: string; role: UserRole; password: string }): User {
  const hash = hashSecret(input.password);
  return writeTx(ctx, () => {
    const installation = requireInstallation(ctx);
    assertRoleFits(installation, input.role);
    if (users.getUserByLogin(ctx.db, input.login)) throw AppError.field('CONFLICT', ['login'], '该用户名已存在');
    const at = isoNow(ctx);
    const row: UserRow = {
      id: ctx.newId(),
      login: input.login,
      display_name: input.displayName,
      role: input.role,
      password_hash: hash,
      // the administrator chose this password: the user picks their own at first sign-in
      must_change_password: 1,
      failed_attempts: 0,
      locked_until: null,
      disabled_at: null,
      created_at: at,
      updated_at: at,
      last_sign_in_at: null,
    };
    users.insertUser(ctx.db, row);
    writeAudit(ctx, installation, { method: 'users.create', entity: 'user', entityId: row.id, before: null, after: auditedUser(row) });
    return toUser(row);
  });
}

/** The installation must keep at least one active administrator. */
function assertAdminRemains(ctx: ServiceContext, installation: InstallationRow, before: UserRow, after: UserRow) {
  const admin = ADMIN_ROLE[installation.role];
  const wasActiveAdmin = before.role === admin && !before.disabled_at;
  const isActiveAdmin = after.role === admin && !after.disabled_at;
  if (wasActiveAdmin && !isActiveAdmin && users.countActive(ctx.db, [admin]) <= 1) {
    throw new AppError('FORBIDDEN', `不能停用或降级最后一位在用的${ROLE_LABELS[admin]}，请先指定另一位${ROLE_LABELS[admin]}`);
  }
}

export function updateUser(ctx: ServiceContext, input: { id: string; displayName?: string; role?: UserRole; disabled?: boolean }): User {
  return writeTx(ctx, () => {
    const installation = requireInstallation(ctx);
    const before = requireUser(ctx, input.id);
    if (input.role) assertRoleFits(installation, input.role);
    const at = isoNow(ctx);
    const after: UserRow = {
      ...before,
      display_name: input.displayName ?? before.display_name,
      role: input.role ?? before.role,
      disabled_at: input.disabled === undefined ? before.disabled_at : input.disabled ? (before.disabled_at ?? at) : null,
      updated_at: at,
    };
    assertAdminRemains(ctx, installation, before, after);
    users.updateUser(ctx.db, after);
    writeAudit(ctx, installation, { method: 'users.update', entity: 'user', entityId: before.id, before: auditedUser(before), after: auditedUser(after) });
    // a disabled user's open sessions end now (their next call is refused anyway)
    if (after.disabled_at) ctx.sessions.endUser(after.id);
    return toUser(after);
  });
}

export function resetPassword(ctx: ServiceContext, input: { id: string; password: string }): User {
  const before = requireUser(ctx, input.id);
  assertPasswordPolicy(input.password, before.login);
  const hash = hashSecret(input.password);
  return writeTx(ctx, () => {
    const installation = requireInstallation(ctx);
    const current = requireUser(ctx, input.id);
    const after: UserRow = { ...current, password_hash: hash, must_change_password: 1, failed_attempts: 0, locked_until: null, updated_at: isoNow(ctx) };
    users.updateUser(ctx.db, after);
    writeAudit(ctx, installation, {
      method: 'users.resetPassword',
      entity: 'user',
      entityId: current.id,
      before: auditedUser(current),
      after: { ...auditedUser(after), passwordReset: '管理员重置' },
    });
    ctx.sessions.endUser(current.id);
    return toUser(after);
  });
}
