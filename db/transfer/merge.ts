import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3';
import { setAsideDerivedInserts } from './bulk-derived';
import { setAsideYearTotals } from './bulk-totals';
import { setAsideIndexes, worthSettingAside, type BatchIndexes } from './bulk-indexes';
import { rowIssue } from './row-issue';
import { RefusedFile } from './untrusted';
import { copyStatement, failureMessage, heldIds, pkIndex, readInIdOrder, takenBefore, writers, type CopyFrom } from './merge-writers';
import { digestLineOfValues, rowMaker, TRAVELLING_TABLES, type TableSpec } from './tables';

export type { CopyFrom } from './merge-writers';

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
  /** Of the rows added, those written by the set-wise copy from the attached file. */
  copied: number;
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

/** The set-wise copy did not write the rows the checks passed: it is undone and the rows go one by one. */
class CopyMismatch extends Error {}

/**
 * Streams every travelling table of a received file into the county file (the caller holds the
 * transaction): each row parsed with its shared zod schema, owned by the sending station, and the
 * digest of everything read checked against the manifest before the caller commits. Within a batch of
 * files, `batch` keeps the plain indexes aside from the first file worth it until the batch ends.
 *
 * With `copy` (the same file attached to the county connection), the rows the county does not hold yet are
 * written by one INSERT … SELECT per table after the checks have read them all (issue 16: binding each row
 * from JavaScript cost more than SQLite's own work): rows refused by the checks are left out by id, and
 * should the copy write other rows than the checks passed, or hit a constraint, it is undone (a savepoint)
 * and those rows are merged one by one as without `copy`. Rows the county already holds are merged one by
 * one (a newer copy, an audit row's fill); for a station never merged before they can only be another
 * station's (编号冲突), so they are not looked up row by row first but found after the copy skipped them.
 */
export function mergeRows(
  county: Database.Database,
  source: Database.Database,
  stationId: string,
  expect: MergeExpectations,
  batch?: BatchIndexes,
  copy?: CopyFrom,
): MergeResult {
  const hash = createHash('sha256');
  // the digest is of the lines' concatenation: fed in pieces of about 64 kB rather than one call per row
  let pending = '';
  const result: MergeResult = { added: 0, updated: 0, unchanged: 0, rejected: 0, copied: 0, perTable: {}, rejects: [], taken: [] };
  const read: Record<string, number> = {};

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
    // rows the county holds already are merged one by one; the others wait for the set-wise copy
    const held = copy && !copy.newStation && incoming > 0 ? heldIds(county, t, copy.schema) : null;
    /** Position (in read order) of each checked row the copy is to write. */
    const fresh: number[] = [];
    const rejectedIds: unknown[] = [];
    const reject = (id: unknown, reason: string) => {
      counts.rejected++;
      result.rejected++;
      rejectedIds.push(id);
      if (result.rejects.length < MAX_REASONS) result.rejects.push({ table: t.label, id: String(id), reason });
    };

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
        else reject(row.id, failureMessage(error));
      }
    };

    // the merge reads every table through its primary-key index (readInIdOrder): a file without it is not ours
    if (source.prepare("SELECT 1 FROM sqlite_schema WHERE type = 'index' AND name = ?").get(pkIndex(t)) === undefined)
      throw new RefusedFile(`文件结构与本软件不符：${t.label}缺少主键索引`);
    read[t.name] = 0;
    // rows come in id order: a repeated or out-of-order id means the file's index disagrees with its table
    // (farmers, scraps and purchases get quick_check only, so this check is what refuses such a file; the
    // merge relies on each id arriving once)
    let lastId = '';
    let at = -1;
    const make = rowMaker(t);
    for (const values of source.prepare(readInIdOrder(t)).raw().iterate() as IterableIterator<unknown[]>) {
      at++;
      const raw = make(values);
      pending += digestLineOfValues(t, values);
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
        reject(raw.id, `${issue?.path.join('.') ?? ''}：${issue?.message ?? '格式错误'}`);
        continue;
      }
      const id = parsed.data.id as string;
      if (id <= lastId) throw new RefusedFile(`${t.label}记录编号 ${id.slice(0, 8)}… 重复或顺序错乱：文件已损坏，整个文件未导入`);
      lastId = id;
      const issue = rowIssue(raw, expect.maxDate);
      if (issue) {
        reject(raw.id, issue);
        continue;
      }
      if (copy && !held?.has(raw.id)) fresh.push(at);
      // write what was read (the parsed copy may have normalised values); zod checked it
      else apply(raw, false);
    }
    if (copy && fresh.length) copyFresh(county, source, t, copy, fresh, rejectedIds, counts, result, apply);
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

/**
 * Writes a table's checked new rows with one INSERT … SELECT from the attached file, inside a savepoint:
 * kept only when it wrote exactly the rows the checks passed, but for (a station never merged before) ids
 * another station's rows already hold, which it skipped and lists as taken. Otherwise (a constraint, such
 * as a live duplicate within the file, or rows the checks did not see) it is undone and the same rows, read
 * again in the same order, are merged one by one, each failure deferred or refused as ever.
 */
function copyFresh(
  county: Database.Database,
  source: Database.Database,
  t: TableSpec,
  copy: CopyFrom,
  fresh: number[],
  rejectedIds: unknown[],
  counts: MergeCounts,
  result: MergeResult,
  apply: (row: Record<string, unknown>, lastTry: boolean) => void,
): void {
  const rejects = JSON.stringify(rejectedIds.filter((id) => typeof id === 'string'));
  try {
    const done = county.transaction(() => {
      const after = county.prepare(`SELECT coalesce(max(rowid), 0) FROM main.${t.name}`).pluck().get() as number;
      // purchases' year totals: counted once over the copied rows, not upserted row by row (bulk-totals.ts)
      const countTotals = setAsideYearTotals(county, t.name, after);
      const written = copyStatement(county, t, copy.schema).run({ rejects }).changes;
      countTotals?.();
      const taken = copy.newStation && written < fresh.length ? takenBefore(county, t, copy.schema, rejects, after) : [];
      if (written + taken.length !== fresh.length || taken.some((x) => x.owner === copy.stationId)) throw new CopyMismatch();
      return { written, taken };
    })();
    counts.added += done.written;
    result.added += done.written;
    result.copied += done.written;
    for (const x of done.taken) result.taken.push({ table: t.name, label: t.label, id: x.id, owner: x.owner });
    return;
  } catch (error) {
    if (!(error instanceof CopyMismatch) && !String((error as { code?: string }).code ?? '').startsWith('SQLITE_CONSTRAINT')) throw error;
  }
  let at = -1;
  let next = 0;
  const make = rowMaker(t);
  for (const values of source.prepare(readInIdOrder(t)).raw().iterate() as IterableIterator<unknown[]>) {
    if (++at !== fresh[next]) continue;
    next++;
    apply(make(values), false);
    if (next === fresh.length) break;
  }
}
