/** What an accepted station file leaves for the county to check: cross-station conflicts, ids another station owns, rewritten history. */
import { chinaDate } from '../../shared/domain/civil-date';
import { townshipName } from '../../shared/domain/townships';
import { isoNow, writeTx, type ServiceContext } from '../context';
import { findConflicts, upsertConflict, type ConflictRecord } from '../repositories/conflicts';
import type { HistoryRewrite } from '../transfer/history';
import type { MergeResult, TakenRow } from '../transfer/merge';

/** Records this station's conflicts with every other row in the file; returns how many it touched. */
export function recordConflicts(ctx: ServiceContext, stationId: string): number {
  const found = findConflicts(ctx.db, stationId);
  const at = isoNow(ctx);
  for (const f of found) {
    // sorted so the same records always give the same JSON (a resolved conflict reopens only on real change)
    const records = [...f.records]
      .sort((a: ConflictRecord, b: ConflictRecord) => `${a.table}${a.id}`.localeCompare(`${b.table}${b.id}`))
      .map((r) => ({ ...r, townshipName: townshipName(r.township) }));
    upsertConflict(ctx.db, { id: ctx.newId(), kind: f.kind, key: f.key, records: JSON.stringify(records), at });
  }
  return found.length;
}

/** A station whose file a batch merged: its conflicts are looked for once the batch's indexes are back. */
export function noteConflictsPending(ctx: ServiceContext, stationId: string): void {
  ctx.db
    .prepare('INSERT INTO import_pending_conflicts (station_id, noted_at) VALUES (?, ?) ON CONFLICT (station_id) DO NOTHING')
    .run(stationId, isoNow(ctx));
}

/**
 * Looks for the conflicts of every station noted by noteConflictsPending (the end of a batch, or opening a
 * file whose batch was cut short) and clears the notes, in one transaction; how many each station touched.
 */
export function recordPendingConflicts(ctx: ServiceContext): Map<string, number> {
  const found = new Map<string, number>();
  const pending = ctx.db.prepare('SELECT station_id FROM import_pending_conflicts ORDER BY noted_at, station_id').pluck();
  if (pending.get() === undefined) return found;
  writeTx(ctx, () => {
    for (const stationId of pending.all() as string[]) found.set(stationId, recordConflicts(ctx, stationId));
    ctx.db.prepare('DELETE FROM import_pending_conflicts').run();
  });
  return found;
}

export function describeRejects(r: MergeResult): string[] {
  return [
    ...r.rejects.map((x) => `${x.table} ${x.id.slice(0, 8)}…：${x.reason}`),
    ...r.taken.map((x) => `${x.label} ${x.id.slice(0, 8)}…：该编号已属于其他站点的记录，已跳过并列入冲突核查（编号冲突）`),
  ];
}

/** 编号冲突: a row id the file claims that another station owns; the owner's row stays, the claim is listed. */
export function recordTaken(ctx: ServiceContext, stationId: string, townshipCode: string, taken: TakenRow[]): number {
  const at = isoNow(ctx);
  const township = (station: string) =>
    (ctx.db.prepare('SELECT township_code FROM stations WHERE station_id = ?').get(station) as { township_code: string } | undefined)
      ?.township_code ?? '';
  for (const t of taken) {
    const records = [
      {
        table: t.table,
        id: t.id,
        stationId: t.owner,
        townshipName: townshipName(township(t.owner)),
        name: t.label,
        date: '',
        detail: '已登记的记录（保留）',
      },
      {
        table: t.table,
        id: t.id,
        stationId,
        townshipName: townshipName(townshipCode),
        name: t.label,
        date: '',
        detail: '文件中使用同一编号的记录（未导入）',
      },
    ];
    upsertConflict(ctx.db, { id: ctx.newId(), kind: 'id_taken', key: `${t.table}:${t.id}`, records: JSON.stringify(records), at });
  }
  return taken.length;
}

export function recordRewrite(ctx: ServiceContext, stationId: string, townshipCode: string, head: string, r: HistoryRewrite): void {
  const records = [
    {
      table: 'audit_log',
      id: String(r.seq),
      stationId,
      townshipName: townshipName(townshipCode),
      name: r.operator,
      date: chinaDate(r.at),
      detail: `${r.method}：${r.detail}`,
    },
  ];
  upsertConflict(ctx.db, {
    id: ctx.newId(),
    kind: 'history_rewritten',
    key: `${townshipName(townshipCode)} 第 ${r.seq} 条起 · ${head.slice(0, 12)}`,
    records: JSON.stringify(records),
    at: isoNow(ctx),
  });
}
