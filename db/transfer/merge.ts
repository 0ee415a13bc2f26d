import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3';
import { setAsideDerivedInserts } from './bulk-derived';
import { setAsideIndexes, worthSettingAside, type BatchIndexes } from './bulk-indexes';
import { rowIssue } from './row-issue';
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

/** A row whose id another station already owns: skipped, listed on 冲突核查 as 编号冲突. */
export interface TakenRow {
  table: string;
  label: string;
  id: string;
  owner: string;
}

export interface MergeResult extends MergeCounts {
  perTable: Record<string, MergeCounts>;
  rejects: RowReject[];
  taken: TakenRow[];
}

/** What the signed manifest promised, and the newest date a row may carry. */
export interface MergeExpectations {
  digest: string;
  rowCounts: Record<string, number>;
  /** YYYY-MM-DD: today in China + 1 day. */
  maxDate: string;
}

/** Keep at most this many reasons; the count is always exact. */
const MAX_REASONS = 200;

interface Writers {
  insert: Database.Statement;
  update: Database.Statement | null;
  owner: Database.Statement;
  /** Immutable rows: fill columns the county's copy lacks (audit rows merged before migration 012 get their chain). */
  fill: Database.Statement | null;
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
    fill: t.fill?.length
      ? county.prepare(
          `UPDATE ${t.name} SET ${t.fill.map((c) => `${c} = @${c}`).join(', ')} WHERE id = @id AND station_id = @station_id AND ${t.fill[0]} IS NULL`,
        )
      : null,
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
 * digest of everything read checked against the manifest before the caller commits. Within a batch of
 * files, `batch` keeps the plain indexes aside from the first file worth it until the batch ends.
 */
export function mergeRows(
  county: Database.Database,
  source: Database.Database,
  stationId: string,
  expect: MergeExpectations,
  batch?: BatchIndexes,
): MergeResult {
  const hash = createHash('sha256');
  // the digest is of the lines' concatenation: fed in pieces of about 64 kB rather than one call per row
  let pending = '';
  const result: MergeResult = { added: 0, updated: 0, unchanged: 0, rejected: 0, perTable: {}, rejects: [], taken: [] };
  const read: Record<string, number> = {};
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
    const incoming = expect.rowCounts[t.name] ?? 0;
    let restoreIndexes: (() => void) | null = null;
    if (batch) {
      if (incoming > 0 && (batch.has(t.name) || worthSettingAside(county, t.name, incoming))) batch.setAside(t.name);
    } else if (worthSettingAside(county, t.name, incoming)) restoreIndexes = setAsideIndexes(county, t.name);
    const restoreDerived = incoming > 0 ? setAsideDerivedInserts(county, t.name) : null;

    const apply = (row: Record<string, unknown>, lastTry: boolean) => {
      try {
        if (w.insert.run(row).changes === 1) return void (counts.added++, result.added++);
        if (w.update && w.update.run(row).changes === 1) return void (counts.updated++, result.updated++);
        const owner = (w.owner.get(row.id) as { station_id: string } | undefined)?.station_id;
        // never overwritten, never a reason to refuse the owner's files: skipped and listed as 编号冲突
        if (owner !== stationId) return void result.taken.push({ table: t.name, label: t.label, id: String(row.id), owner: owner ?? '' });
        w.fill?.run(row);
        counts.unchanged++;
        result.unchanged++;
      } catch (error) {
        // a row may wait on a later one of the same table (e.g. a void arriving after a re-registration)
        if (!lastTry && (error as { code?: string }).code === 'SQLITE_CONSTRAINT_UNIQUE') deferred.push(row);
        else reject(counts, t.label, String(row.id), message(error));
      }
    };

    read[t.name] = 0;
    // rows come in id order: a repeated or out-of-order id means the file's index disagrees with its table
    // (farmers, scraps and purchases get quick_check only, so this check is what refuses such a file; the
    // merge relies on each id arriving once)
    let lastId = '';
    for (const raw of source.prepare(selectAll(t)).iterate() as IterableIterator<Record<string, unknown>>) {
      pending += digestLine(t, raw);
      if (pending.length > 65_536) {
        hash.update(pending);
        pending = '';
      }
      read[t.name] = (read[t.name] ?? 0) + 1;
      // rows belong to their signer: one row of another station refuses the whole file
      if (raw.station_id !== stationId) {
        throw new RefusedFile(
          `${t.label}记录 ${String(raw.id).slice(0, 8)}… 的站点编号不是签名站点的：文件冒用其他站点的记录，整个文件未导入`,
        );
      }
      const parsed = t.schema.safeParse(raw);
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        reject(counts, t.label, String(raw.id), `${issue?.path.join('.') ?? ''}：${issue?.message ?? '格式错误'}`);
        continue;
      }
      const id = parsed.data.id as string;
      if (id <= lastId) throw new RefusedFile(`${t.label}记录编号 ${id.slice(0, 8)}… 重复或顺序错乱：文件已损坏，整个文件未导入`);
      lastId = id;
      const issue = rowIssue(raw, expect.maxDate);
      if (issue) {
        reject(counts, t.label, String(raw.id), issue);
        continue;
      }
      // write what was read (the parsed copy may have normalised values); zod checked it
      apply(raw, false);
    }
    for (const row of deferred) apply(row, true);
    restoreIndexes?.();
    restoreDerived?.();
  }
  hash.update(pending);
  if (hash.digest('hex') !== expect.digest) throw new RefusedFile('文件内容与清单中的校验值不符：文件在导出后被修改过');
  for (const t of TRAVELLING_TABLES) {
    if ((expect.rowCounts[t.name] ?? 0) !== read[t.name]) {
      throw new RefusedFile(
        `清单中的记录数与文件内容不符（${t.label}：清单 ${expect.rowCounts[t.name] ?? 0} 条，实有 ${read[t.name]} 条）`,
      );
    }
  }
  return result;
}
