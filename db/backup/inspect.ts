import { createHash } from 'node:crypto';
import { closeSync, openSync, readSync, statSync } from 'node:fs';
import Database from 'better-sqlite3';
import { APPLICATION_ID } from '../connection';
import { latestVersion, loadMigrations } from '../migrate';
import { TRAVELLING_TABLES } from '../transfer/tables';
import { BACKUP_TABLES } from './photos';

export interface Inspection {
  ok: boolean;
  problems: string[];
  applicationId: number;
  userVersion: number;
  tables: { name: string; rows: number }[];
  marker: number;
  sizeBytes: number;
  sha256: string;
}

/** SHA-256 of a file in 1 MB pieces (memory stays flat). */
export function fileSha256(path: string): string {
  const hash = createHash('sha256');
  const buf = Buffer.alloc(1 << 20);
  const fd = openSync(path, 'r');
  try {
    for (let n = readSync(fd, buf); n > 0; n = readSync(fd, buf)) hash.update(buf.subarray(0, n));
  } finally {
    closeSync(fd);
  }
  return hash.digest('hex');
}

const LABELS = new Map(TRAVELLING_TABLES.map((t) => [t.name, t.label]));
/** A table's Chinese name where it has one (购置登记), else its SQL name. */
export const tableLabel = (name: string) => LABELS.get(name) ?? name;

/** Row counts of every table of an open database, in name order. */
export function countRows(db: Database.Database): { name: string; rows: number }[] {
  const names = db
    .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
    .pluck()
    .all() as string[];
  return names.map((name) => ({
    name,
    rows: db
      .prepare(`SELECT count(*) FROM "${name.replaceAll('"', '""')}"`)
      .pluck()
      .get() as number,
  }));
}

/** The newest audit row: changes whenever anything was written through the services. */
export function writeMarker(db: Database.Database): number {
  const has = db.prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'audit_log'").get();
  return has ? ((db.prepare('SELECT coalesce(max(rowid), 0) FROM audit_log').pluck().get() as number) ?? 0) : 0;
}

/**
 * Checks a backup file as untrusted: opened read-only, integrity_check, our application id, a schema
 * version this program can open, rows counted per table. Never throws for a bad file: it reports.
 */
export function inspectBackup(path: string): Inspection {
  const problems: string[] = [];
  const base = { applicationId: 0, userVersion: 0, tables: [] as Inspection['tables'], marker: 0 };
  const sizeBytes = statSync(path).size;
  const sha256 = fileSha256(path);
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
    const integrity = db.pragma('integrity_check(20)', { simple: false }) as { integrity_check: string }[];
    const bad = integrity.map((r) => r.integrity_check).filter((m) => m !== 'ok');
    if (bad.length) problems.push(`完整性检查未通过：${bad.slice(0, 3).join('；')}`);
    if (!problems.length) {
      base.tables = countRows(db).filter((t) => !BACKUP_TABLES.includes(t.name));
      base.marker = writeMarker(db);
    }
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
  return { ok: problems.length === 0, problems, ...base, sizeBytes, sha256 };
}
