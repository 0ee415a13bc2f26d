import { randomBytes } from 'node:crypto';
import { ADMIN_ROLE } from '../../shared/api/access';
import { AppError } from '../../shared/api/errors';
import { townshipName, unitName } from '../../shared/domain/townships';
import type { Settings, SetupOutput } from '../../shared/schemas/settings';
import { callContext } from '../auth/call-context';
import { isoNow, writeTx, type ServiceContext } from '../context';
import { getInstallation, insertInstallation, updateStationSettings, type InstallationRow } from '../repositories/installation';
import { seedSampleCatalog } from '../seed/sample-catalog';
import { writeAudit } from './audit';
import { actAs, administratorSecrets, createAdministrator, sessionInfo } from './auth';
import { requireInstallation } from './installation';
import { ensureInstallationKeys } from './keys';

/** The installation as the audit log may record it: never the voucher secret. */
function publicPart({ voucher_secret: _secret, ...rest }: InstallationRow) {
  return rest;
}

function toSettings(ctx: ServiceContext, row: InstallationRow | undefined): Settings {
  if (!row) return { configured: false, dbPath: ctx.dbPath };
  return {
    configured: true,
    dbPath: ctx.dbPath,
    stationId: row.station_id,
    role: row.role,
    townshipCode: row.township_code,
    townshipName: townshipName(row.township_code),
    unitName: unitName(row.role, row.township_code),
    soloStation: row.solo_station === 1,
    idleLockMinutes: row.idle_lock_minutes,
    createdAt: row.created_at,
    schemaVersion: ctx.db.pragma('user_version', { simple: true }) as number,
    // creates the key pair at setup, or on first read in an installation set up before migration 012
    keyFingerprint: ensureInstallationKeys(ctx).fingerprint,
  };
}

export function getSettings(ctx: ServiceContext): Settings {
  return toSettings(ctx, getInstallation(ctx.db));
}

/**
 * First run: decides once what this installation is, gives it a station UUID, creates the first
 * administrator (站长 / 县局管理员) with a one-time recovery code, and signs that administrator in.
 */
export function setup(
  ctx: ServiceContext,
  input: { role: 'station' | 'county'; townshipCode?: string; login: string; displayName: string; password: string },
): SetupOutput {
  const secrets = administratorSecrets(input.password);
  const { row, admin } = writeTx(ctx, () => {
    if (getInstallation(ctx.db)) throw new AppError('CONFLICT', '本机已完成初始设置，不能重复设置');
    const at = isoNow(ctx);
    const adminId = ctx.newId();
    actAs({ userId: adminId, displayName: input.displayName, role: ADMIN_ROLE[input.role] });
    const row: InstallationRow = {
      station_id: ctx.newId(),
      role: input.role,
      township_code: input.role === 'station' ? (input.townshipCode ?? null) : null,
      operator: input.displayName,
      created_at: at,
      updated_at: at,
      voucher_secret: randomBytes(32).toString('hex'),
      solo_station: 0,
      idle_lock_minutes: 10,
    };
    insertInstallation(ctx.db, row);
    writeAudit(ctx, row, {
      method: 'settings.setup',
      entity: 'installation',
      entityId: row.station_id,
      before: null,
      after: publicPart(row),
    });
    const admin = createAdministrator(ctx, row, input, secrets.hashes, adminId);
    // A new installation starts with the sample catalogue (labelled 示例) until the county imports its own.
    seedSampleCatalog(ctx, row);
    return { row, admin };
  });
  const ref = callContext()?.session;
  if (ref) {
    ctx.sessions.end(ref.token);
    ref.token = ctx.sessions.create(admin.id, ctx.now().getTime());
  }
  return { settings: toSettings(ctx, row), session: sessionInfo(ctx), recoveryCode: secrets.code };
}

/** 设置: one-person station (单人站点) and the idle-lock time. */
export function updateSettings(ctx: ServiceContext, input: { soloStation?: boolean; idleLockMinutes?: number }): Settings {
  return writeTx(ctx, () => {
    const before = requireInstallation(ctx);
    const after: InstallationRow = {
      ...before,
      solo_station: input.soloStation === undefined ? before.solo_station : input.soloStation ? 1 : 0,
      idle_lock_minutes: input.idleLockMinutes ?? before.idle_lock_minutes,
      updated_at: isoNow(ctx),
    };
    updateStationSettings(ctx.db, after);
    writeAudit(ctx, after, {
      method: 'settings.update',
      entity: 'installation',
      entityId: before.station_id,
      before: { soloStation: before.solo_station === 1, idleLockMinutes: before.idle_lock_minutes },
      after: { soloStation: after.solo_station === 1, idleLockMinutes: after.idle_lock_minutes },
    });
    return toSettings(ctx, after);
  });
}
