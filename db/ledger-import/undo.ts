/**
 * Undoing an import as a whole: every farmer and purchase it created is voided (never deleted) with
 * the reason, in one transaction, audited; refused when any of them has changed since the import
 * (edited, moved on in review, a voucher issued, another application for an imported farmer).
 */
import { AppError } from '../../shared/api/errors';
import { isoNow, writeTx, type ServiceContext } from '../context';
import { writeAudit } from '../services/audit';
import { requireInstallation } from '../services/installation';
import * as repo from './repository';

/** Why the import cannot be undone, or null when it can. */
export function undoBlocked(ctx: ServiceContext, batch: repo.LedgerImportRow): string | null {
  if (batch.undone_at) return `已于 ${batch.undone_at.slice(0, 10)} 撤销`;
  for (const r of repo.liveRecordsOfImport(ctx.db, batch.id)) {
    if (r.entity === 'purchase') {
      const p = repo.purchaseSince(ctx.db, r.entity_id);
      if (!p) return '导入的购置登记已不存在';
      if (p.voided_at) return `第 ${r.row_number} 行（${r.sheet}）导入的购置登记已作废`;
      if (p.updated_at !== r.created_at || p.events > 0) return `第 ${r.row_number} 行（${r.sheet}）导入的购置登记在导入后已被修改或办理`;
      if (p.vouchers > 0) return `第 ${r.row_number} 行（${r.sheet}）导入的购置登记已开具补贴凭证`;
    } else if (r.entity === 'scrap') {
      const s = repo.scrapSince(ctx.db, r.entity_id);
      if (!s) return '导入的报废登记已不存在';
      if (s.voided_at) return `第 ${r.row_number} 行（${r.sheet}）导入的报废登记已作废`;
      if (s.updated_at !== r.created_at || s.events > 0) return `第 ${r.row_number} 行（${r.sheet}）导入的报废登记在导入后已被修改或办理`;
      if (s.renewals > 0) return `第 ${r.row_number} 行（${r.sheet}）导入的报废农机已用于报废更新的购置登记`;
      if (s.vouchers > 0) return `第 ${r.row_number} 行（${r.sheet}）导入的报废登记已开具补贴凭证`;
    } else {
      const f = repo.farmerSince(ctx.db, r.entity_id, batch.id);
      if (!f) return '导入的农户已不存在';
      if (f.voided_at || f.updated_at !== r.created_at) return `第 ${r.row_number} 行（${r.sheet}）导入的农户在导入后已被修改`;
      if (f.others > 0 || f.scraps > 0) return `第 ${r.row_number} 行（${r.sheet}）导入的农户在导入后又办理了其他业务`;
    }
  }
  return null;
}

export function undoImport(ctx: ServiceContext, input: { id: string; reason: string }) {
  return writeTx(ctx, () => {
    const installation = requireInstallation(ctx);
    const batch = repo.getImport(ctx.db, input.id);
    if (!batch || batch.station_id !== installation.station_id) throw new AppError('NOT_FOUND', '未找到该次台账导入');
    const blocked = undoBlocked(ctx, batch);
    if (blocked) throw new AppError('CONFLICT', `不能撤销这次导入：${blocked}`);
    const at = isoNow(ctx);
    const reason = `撤销台账导入：${input.reason}`.slice(0, 200);
    const records = repo.liveRecordsOfImport(ctx.db, batch.id);
    // purchases and scraps first: a farmer is voided after the records that name it
    for (const r of records.filter((x) => x.entity === 'scrap')) {
      repo.voidScrap(ctx.db, r.entity_id, at, reason);
      writeAudit(ctx, installation, { method: 'ledgerImports.undo', entity: 'scrap', entityId: r.entity_id, before: { status: 'imported' }, after: { voidedAt: at, voidReason: reason } });
    }
    for (const r of records.filter((x) => x.entity === 'purchase')) {
      repo.voidPurchase(ctx.db, r.entity_id, at, reason);
      writeAudit(ctx, installation, { method: 'ledgerImports.undo', entity: 'purchase', entityId: r.entity_id, before: { status: 'imported' }, after: { voidedAt: at, voidReason: reason } });
    }
    for (const r of records.filter((x) => x.entity === 'farmer')) {
      repo.voidFarmer(ctx.db, r.entity_id, at, reason);
      writeAudit(ctx, installation, { method: 'ledgerImports.undo', entity: 'farmer', entityId: r.entity_id, before: { status: 'imported' }, after: { voidedAt: at, voidReason: reason } });
    }
    repo.voidRecords(ctx.db, batch.id, at, reason);
    repo.markUndone(ctx.db, batch.id, at, input.reason);
    writeAudit(ctx, installation, {
      method: 'ledgerImports.undo',
      entity: 'ledger_import',
      entityId: batch.id,
      before: { undoneAt: null },
      after: { undoneAt: at, reason: input.reason, voided: records.length },
    });
    return { id: batch.id, voided: records.length };
  });
}
