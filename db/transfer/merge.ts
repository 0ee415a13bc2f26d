import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3';
import { RefusedFile } from './untrusted';
import { digestLine, selectAll, TRAVELLING_TABLES, type TableSpec } from './tables';

export interface RowReject {
  table: string;
  id: string;
  reason: string;
}

export interface MergeCounts {
  added: number;
  updated: number;
  unchanged: number;
  rejected: number;
}

export interface MergeResult extends MergeCounts {
  perTable: Record<string, MergeCounts>;
  rejects: RowReject[];
}

/** Keep at most this many reasons; the count is always exact. */
const MAX_REASONS = 200;

interface Writers {
  insert: Database.Statement;
  update: Database.Statement | null;
  owner: Database.Statement;
}

function writers(county: Database.Database, t: TableSpec): Writers {
  const cols = t.columns;
  const values = cols.map((c) => `@${c}`).join(', ');
  const sets = cols.filter((c) => c !== 'id' && c !== 'station_id').map((c) => `${c} = @${c}`);
  return {
    // ON CONFLICT(id) only: any other constraint (CHECK, FK, a live-unique index) still fails loudly
    insert: county.prepare(`INSERT INTO ${t.name} (${cols.join(', ')}) VALUES (${values}) ON CONFLICT (id) DO NOTHING`),
    // a station owns its rows: the newest updated_at from that same station wins
    update: t.immutable
      ? null
      : county.prepare(`UPDATE ${t.name} SET ${sets.join(', ')} WHERE id = @id AND station_id = @station_id AND updated_at < @updated_at`),
    owner: county.prepare(`SELECT station_id FROM ${t.name} WHERE id = ?`),
  };
}

const message = (error: unknown) => {
  const code = (error as { code?: string }).code ?? '';
  if (code.startsWith('SQLITE_CONSTRAINT_FOREIGNKEY')) return '引用的记录不存在（如农户、报废登记）';
  if (code.startsWith('SQLITE_CONSTRAINT')) return `违反数据约束（${code.replace('SQLITE_CONSTRAINT_', '')}）`;
  return (error as Error).message;
};

/**
 * Streams every travelling table of a received file into the county file (the caller holds the
 * transaction): each row parsed with its shared zod schema, owned by the sending station, and the
 * digest of everything read checked against the manifest before the caller commits.
 */
export function mergeRows(county: Database.Database, source: Database.Database, stationId: string, expectedDigest: string): MergeResult {
  const hash = createHash('sha256');
  const result: MergeResult = { added: 0, updated: 0, unchanged: 0, rejected: 0, perTable: {}, rejects: [] };
  const reject = (counts: MergeCounts, table: string, id: string, reason: string) => {
    counts.rejected++;
    result.rejected++;
    if (result.rejects.length < MAX_REASONS) result.rejects.push({ table, id, reason });
  };

  for (const t of TRAVELLING_TABLES) {
    const w = writers(county, t);
    const counts: MergeCounts = { added: 0, updated: 0, unchanged: 0, rejected: 0 };
    result.perTable[t.name] = counts;
    const deferred: Record<string, unknown>[] = [];

    const apply = (row: Record<string, unknown>, lastTry: boolean) => {
      try {
        if (w.insert.run(row).changes === 1) return void (counts.added++, result.added++);
        if (w.update && w.update.run(row).changes === 1) return void (counts.updated++, result.updated++);
        const owner = (w.owner.get(row.id) as { station_id: string } | undefined)?.station_id;
        if (owner !== stationId) return reject(counts, t.label, String(row.id), '该编号的记录属于其他站点');
        counts.unchanged++;
        result.unchanged++;
      } catch (error) {
        // a row may wait on a later one of the same table (e.g. a void arriving after a re-registration)
        if (!lastTry && (error as { code?: string }).code === 'SQLITE_CONSTRAINT_UNIQUE') deferred.push(row);
        else reject(counts, t.label, String(row.id), message(error));
      }
    };

    for (const raw of source.prepare(selectAll(t)).iterate() as IterableIterator<Record<string, unknown>>) {
      hash.update(digestLine(t, raw));
      const parsed = t.schema.safeParse(raw);
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        reject(counts, t.label, String(raw.id), `${issue?.path.join('.') ?? ''}：${issue?.message ?? '格式错误'}`);
        continue;
      }
      // write what was read (the parsed copy may have normalised values); zod checked it
      if (raw.station_id !== stationId) {
        reject(counts, t.label, String(raw.id), '记录的站点编号与文件不符');
        continue;
      }
      apply(raw, false);
    }
    for (const row of deferred) apply(row, true);
  }
  if (hash.digest('hex') !== expectedDigest) throw new RefusedFile('文件内容与清单中的校验值不符：文件在导出后被修改过');
  return result;
}
