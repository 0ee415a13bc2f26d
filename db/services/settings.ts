import { randomBytes } from 'node:crypto';
import { AppError } from '../../shared/api/errors';
import { townshipName, unitName } from '../../shared/domain/townships';
import type { Settings } from '../../shared/schemas/settings';
import { isoNow, writeTx, type ServiceContext } from '../context';
import { getInstallation, insertInstallation, updateOperator, type InstallationRow } from '../repositories/installation';
import { seedSampleCatalog } from '../seed/sample-catalog';
import { writeAudit } from './audit';
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
    operator: row.operator,
    createdAt: row.created_at,
    schemaVersion: ctx.db.pragma('user_version', { simple: true }) as number,
    // creates the key pair at setup, or on first read in an installation set up before migration 012
    keyFingerprint: ensureInstallationKeys(ctx).fingerprint,
  };
}

export function getSettings(ctx: ServiceContext): Settings {
  return toSettings(ctx, getInstallation(ctx.db));
}

/** First run: decides once what this installation is and gives it a station UUID. */
export function setup(ctx: ServiceContext, input: { role: 'station' | 'county'; townshipCode?: string; operator: string }): Settings {
  return writeTx(ctx, () => {
    if (getInstallation(ctx.db)) throw new AppError('CONFLICT', '本机已完成初始设置，不能重复设置');
    const at = isoNow(ctx);
    const row: InstallationRow = {
      station_id: ctx.newId(),
      role: input.role,
      township_code: input.role === 'station' ? (input.townshipCode ?? null) : null,
      operator: input.operator,
      created_at: at,
      updated_at: at,
      voucher_secret: randomBytes(32).toString('hex'),
    };
    insertInstallation(ctx.db, row);
    writeAudit(ctx, row, {
      method: 'settings.setup',
      entity: 'installation',
      entityId: row.station_id,
      before: null,
      after: publicPart(row),
    });
    // A new installation starts with the sample catalogue (labelled 示例) until the county imports its own.
    seedSampleCatalog(ctx, row);
    return toSettings(ctx, row);
  });
}

export function setOperator(ctx: ServiceContext, input: { operator: string }): Settings {
  return writeTx(ctx, () => {
    const before = requireInstallation(ctx);
    const at = isoNow(ctx);
    updateOperator(ctx.db, input.operator, at);
    const after = { ...before, operator: input.operator, updated_at: at };
    writeAudit(ctx, after, {
      method: 'settings.setOperator',
      entity: 'installation',
      entityId: before.station_id,
      before: publicPart(before),
      after: publicPart(after),
    });
    return toSettings(ctx, after);
  });
}
