import { statSync } from 'node:fs';
import Database from 'better-sqlite3';
import { APPLICATION_ID } from '../connection';
import { latestVersion, loadMigrations } from '../migrate';
import { TRAVELLING_TABLES } from '../transfer/tables';
import { BACKUP_TABLES } from './photos';
import { sha256Steps } from './file-hash';
import { pageCheckHere, pageCheckInWorker, type PagePragma } from './page-check';

export interface Inspection {
  ok: boolean;
  problems: string[];
  applicationId: number;
  userVersion: number;
  tables: { name: string; rows: number }[];
  marker: number;
  sizeBytes: number;
  sha256: string;
  /** How deep the page check went. */
  check: CheckDepth;
}

const LABELS = new Map(TRAVELLING_TABLES.map((t) => [t.name, t.label]));
/** A table's Chinese name where it has one (购置登记), else its SQL name. */
export const tableLabel = (name: string) => LABELS.get(name) ?? name;

/** Row counts of every table of an open database, in name order. */
export function countRows(db: Database.Database): { name: string; rows: number }[] {
  return tableNames(db).map((name) => ({ name, rows: countTable(db, name) }));
}

function tableNames(db: Database.Database): string[] {
  return db
    .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
    .pluck()
    .all() as string[];
}

function countTable(db: Database.Database, name: string): number {
  return db
    .prepare(`SELECT count(*) FROM "${name.replaceAll('"', '""')}"`)
    .pluck()
    .get() as number;
}

/** The newest audit row: changes whenever anything was written through the services. */
export function writeMarker(db: Database.Database): number {
  const has = db.prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'audit_log'").get();
  return has ? ((db.prepare('SELECT coalesce(max(rowid), 0) FROM audit_log').pluck().get() as number) ?? 0) : 0;
}

/**
 * How deep the page check goes. `integrity`: PRAGMA integrity_check, for any file that arrives from
 * outside or is about to become the live file (restore, 校验): every page, and every index entry matched
 * against its row (O(N log N): 1,200 s on the v12 1M-purchase file, load 2.5–12). `quick`: PRAGMA quick_check,
 * for a copy this program has just written of its own live file with SQLite's backup API (a page-for-page
 * copy): every page read once and checked (b-tree structure, cell and record format, overflow chains,
 * freelist, every page used exactly once), only the index-against-row comparison skipped (4.7 s on the
 * same file, same hour; 5–31 s inside the upgrade bench under load 8–16). What could go wrong in such a copy (a short or torn write, a damaged page) breaks page
 * structure, which quick_check finds; an index out of step with its rows can only come from the source
 * itself, and the full check still runs before a backup is ever restored.
 */
export type CheckDepth = 'integrity' | 'quick';

/**
 * Below this size a backup of our own file still gets the full integrity_check: seconds at most, and it is
 * the one automatic check that finds an index out of step with its rows in the live file (quick_check copies
 * such damage into every backup unnoticed until a restore refuses them). A township station's file and a
 * county's at Guan County's scale stay far below it; province-scale files (1M purchases, ~1.8 GB) get
 * quick_check: their full check takes about 20 minutes of a core (in a worker thread, WORKER_CHECK_MIN_BYTES),
 * too long for a backup made every hour of work.
 */
export const FULL_CHECK_MAX_BYTES = 64 * 1024 * 1024;

/** The check a backup of our own live file gets by default: full when small, quick when large. */
export function ownBackupDepth(bytes: number): CheckDepth {
  return bytes <= FULL_CHECK_MAX_BYTES ? 'integrity' : 'quick';
}

/** Progress of an inspection: units done of a fixed total (hash 1 MB pieces, page check, tables counted). */
export type InspectProgress = (done: number, total: number, what: string) => void;

/** The page check's share of the bar, in 1 MB hash pieces: measured ~1.3× the hash's time per byte. */
const PAGE_CHECK_WEIGHT = 1.3;

export interface InspectOptions {
  depth?: CheckDepth;
  onProgress?: InspectProgress;
}

export interface InspectAsyncOptions extends InspectOptions {
  /** better-sqlite3's binding for the worker thread (Electron's ABI in development; see electron/main/locations.ts). */
  nativeBinding?: string;
  /** Files from this size get their page check in a worker thread (default WORKER_CHECK_MIN_BYTES). */
  workerFromBytes?: number;
  /** How often `pause` is awaited while the worker checks (default a quarter second; tests use less). */
  pauseEveryMs?: number;
}

/**
 * Below this size the page check runs on the calling thread: a fraction of a second (a station's file), less
 * than starting a worker costs. Above it the check takes seconds to minutes (quick_check ~11 s, the full
 * check ~20 min on a 1M-purchase county file) and runs in a worker thread.
 */
export const WORKER_CHECK_MIN_BYTES = 16 * 1024 * 1024;

/**
 * Checks a backup file as untrusted: opened read-only, integrity_check (or quick_check, see CheckDepth), our
 * application id, a schema version this program can open, rows counted per table. Never throws for a bad
 * file: it reports. In one synchronous step; see inspectBackupAsync for the stepped form.
 */
export function inspectBackup(path: string, options: InspectOptions = {}): Inspection {
  const gen = inspectSteps(path, options);
  for (let r = gen.next(); ;) {
    if (r.done) return r.value;
    const step = r.value;
    r = Array.isArray(step) ? gen.next() : nextAfterCheck(gen, () => pageCheckHere(step.db, step.pragma));
  }
}

/**
 * The same in steps with `pause()` awaited between them (the hash every 16 MB, each table counted), so the
 * thread keeps answering; the page check (minutes on a province-scale file) runs in a worker thread while
 * `pause()` is awaited every quarter second. A `pause()` that throws (a cancelled job) stops it.
 */
export async function inspectBackupAsync(path: string, pause: () => Promise<void>, options: InspectAsyncOptions = {}): Promise<Inspection> {
  const gen = inspectSteps(path, options);
  try {
    for (let r = gen.next(); ;) {
      if (r.done) return r.value;
      if (Array.isArray(r.value)) {
        await pause();
        r = gen.next();
      } else {
        const step = r.value;
        if (statSync(path).size < (options.workerFromBytes ?? WORKER_CHECK_MIN_BYTES)) {
          r = nextAfterCheck(gen, () => pageCheckHere(step.db, step.pragma));
          continue;
        }
        const outcome = await pageCheckInWorker(path, step.pragma, pause, options.nativeBinding, options.pauseEveryMs);
        r = 'findings' in outcome ? gen.next(outcome.findings) : gen.throw(outcome.error);
      }
    }
  } finally {
    gen.return(undefined as never);
  }
}

/** Runs the page check the generator asked for, handing it the findings or the error it threw. */
function nextAfterCheck(gen: Generator<InspectStep, Inspection, string[] | undefined>, check: () => string[]) {
  let findings: string[];
  try {
    findings = check();
  } catch (error) {
    return gen.throw(error);
  }
  return gen.next(findings);
}

/** A step of an inspection: progress, or the page check to run (on the open connection, or in a worker). */
type InspectStep = [number, number] | { pragma: PagePragma; db: Database.Database };

function* inspectSteps(path: string, options: InspectOptions): Generator<InspectStep, Inspection, string[] | undefined> {
  const depth = options.depth ?? 'integrity';
  const problems: string[] = [];
  const base = { applicationId: 0, userVersion: 0, tables: [] as Inspection['tables'], marker: 0 };
  const sizeBytes = statSync(path).size;
  const mb = Math.max(1, Math.ceil(sizeBytes / (1 << 20)));
  const pageUnits = Math.ceil(mb * PAGE_CHECK_WEIGHT);
  // the tables are counted last: one unit each, their number known once the file is open (estimated till then)
  let tableUnits = 20;
  const total = () => mb + pageUnits + tableUnits;
  const report = (done: number, what: string): [number, number] => {
    options.onProgress?.(done, total(), what);
    return [done, total()];
  };
  yield report(0, '正在计算备份的校验码');
  const sha256 = yield* sha256Steps(path, (read): InspectStep => report(Math.floor(read / (1 << 20)), '正在计算备份的校验码'));
  let db: Database.Database | undefined;
  try {
    db = new Database(path, { readonly: true, fileMustExist: true });
    db.pragma('trusted_schema = OFF');
    db.pragma('cell_size_check = ON');
    base.applicationId = db.pragma('application_id', { simple: true }) as number;
    base.userVersion = db.pragma('user_version', { simple: true }) as number;
    if (base.applicationId !== APPLICATION_ID) problems.push('不是本软件的数据文件');
    const latest = latestVersion(loadMigrations());
    if (base.userVersion > latest) problems.push(`由更新版本的软件创建（数据版本 ${base.userVersion}），请升级软件后再恢复`);
    if (base.userVersion < 1) problems.push('文件中没有数据表');
    yield report(mb, depth === 'quick' ? '正在检查备份的每个数据页' : '正在逐项检查备份的完整性');
    const findings = (yield { pragma: depth === 'quick' ? 'quick_check' : 'integrity_check', db }) ?? [];
    const bad = findings.filter((m) => m !== 'ok');
    if (bad.length) problems.push(`完整性检查未通过：${bad.slice(0, 3).join('；')}`);
    if (!problems.length) {
      const names = tableNames(db);
      tableUnits = names.length;
      const counted: Inspection['tables'] = [];
      for (const [i, name] of names.entries()) {
        yield report(mb + pageUnits + i, '正在清点备份中各表的行数');
        if (!BACKUP_TABLES.includes(name)) counted.push({ name, rows: countTable(db, name) });
      }
      base.tables = counted;
      base.marker = writeMarker(db);
    }
    report(mb + pageUnits + tableUnits, '备份校验完成');
  } catch (error) {
    const code = (error as { code?: string }).code ?? '';
    problems.push(
      code === 'SQLITE_NOTADB' || code.startsWith('SQLITE_CORRUPT')
        ? '文件已损坏或不是数据库文件'
        : `无法读取：${(error as Error).message}`,
    );
  } finally {
    db?.close();
  }
  return { ok: problems.length === 0, problems, ...base, sizeBytes, sha256, check: depth };
}
