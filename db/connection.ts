import { accessSync, constants, mkdirSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { AppError } from '../shared/api/errors';
import { sqliteToAppError, STORAGE_MESSAGES } from './errors';
import { createBackup, createBackupSync, type BackupOptions } from './backup/create';
import { latestVersion, loadMigrations, migrate, type Migration, type MigrationProgress } from './migrate';
import { restoreIndexesAside } from './transfer/bulk-indexes';

/** Marks our files in the SQLite header ("NJBT", 农机补贴) so a stray file is never mistaken for one. */
export const APPLICATION_ID = 0x4e4a4254;

export interface OpenOptions {
  /** Path to a better-sqlite3 .node built for another ABI (the Electron main process). */
  nativeBinding?: string;
  migrations?: Migration[];
  /** false: no backup before applying migrations to a file with data (default: one, beside the file). */
  backupBeforeMigrate?: boolean;
  onMigrateProgress?: (progress: MigrationProgress) => void;
}

function isEmptyFile(db: Database.Database): boolean {
  const row = db.prepare('SELECT count(*) AS n FROM sqlite_schema').get() as { n: number };
  return row.n === 0;
}

const opened = new WeakMap<Database.Database, { file: string; ino: number; dev: number }>();

/**
 * Refuses a write when the live file is no longer where it was opened (deleted, moved or replaced under
 * the running app): SQLite would go on writing to the orphaned file and the work would be lost at exit.
 */
export function assertFileInPlace(db: Database.Database): void {
  const at = opened.get(db);
  if (!at) return;
  let same = false;
  try {
    const s = statSync(at.file);
    same = s.ino === at.ino && s.dev === at.dev;
  } catch {
    same = false;
  }
  if (!same) throw new AppError('INTERNAL', STORAGE_MESSAGES.moved, { details: { storage: 'moved' } });
}

/** A file that cannot be opened for writing because its folder or disk is read-only says so. */
function readOnlyPlace(file: string, error: unknown): AppError | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code !== 'string' || !/^SQLITE_(CANTOPEN|READONLY)/.test(code) || file === ':memory:') return undefined;
  try {
    accessSync(dirname(file), constants.W_OK);
    return undefined;
  } catch {
    return new AppError('INTERNAL', STORAGE_MESSAGES.readonly, { details: { sqlite: code, storage: 'readonly' } });
  }
}

/** Opens (creating if needed) the live database: WAL, full sync, foreign keys, our application id; not migrated. */
function openConnection(file: string, options: OpenOptions): Database.Database {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  let db: Database.Database;
  try {
    db = new Database(file, options.nativeBinding ? { nativeBinding: options.nativeBinding } : {});
  } catch (error) {
    throw readOnlyPlace(file, error) ?? sqliteToAppError(error) ?? error;
  }
  try {
    const appId = db.pragma('application_id', { simple: true }) as number;
    if (appId !== APPLICATION_ID) {
      if (appId !== 0 || !isEmptyFile(db)) {
        throw new AppError('DB_CORRUPT', '该文件不是本软件的数据文件，未打开', { details: { file } });
      }
      db.pragma(`application_id = ${APPLICATION_ID}`);
    }
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    // 64 MB page cache: merging a station's file touches many index pages keyed by random UUIDs
    db.pragma('cache_size = -65536');
    return db;
  } catch (error) {
    db.close();
    throw readOnlyPlace(file, error) ?? sqliteToAppError(error) ?? error;
  }
}

/** True when opening `db` will change the shape of a file that holds data: a backup comes first. */
function needsBackup(db: Database.Database, file: string, migrations: Migration[], options: OpenOptions): boolean {
  const version = db.pragma('user_version', { simple: true }) as number;
  return file !== ':memory:' && options.backupBeforeMigrate !== false && version < latestVersion(migrations) && !isEmptyFile(db);
}

function migrateAndPin(db: Database.Database, file: string, migrations: Migration[], options: OpenOptions): Database.Database {
  migrate(db, migrations, { onProgress: options.onMigrateProgress });
  // a batch of station-file imports cut short (crash, power cut) left indexes aside: created again now
  restoreIndexesAside(db);
  if (file !== ':memory:') {
    const s = statSync(file);
    opened.set(db, { file, ino: s.ino, dev: s.dev });
  }
  return db;
}

/** Opens (creating if needed) the live database: WAL, full sync, foreign keys, our application id, migrated. */
export function openDatabase(file: string, options: OpenOptions = {}): Database.Database {
  const db = openConnection(file, options);
  try {
    const migrations = options.migrations ?? loadMigrations();
    if (needsBackup(db, file, migrations, options)) {
      // the file as it was, before this program changes its shape (online snapshot, verified)
      createBackupSync(db, file, 'pre-migration', () => new Date());
    }
    return migrateAndPin(db, file, migrations, options);
  } catch (error) {
    db.close();
    throw readOnlyPlace(file, error) ?? sqliteToAppError(error) ?? error;
  }
}

/**
 * The same for the start-up upgrade (a worker thread, where waiting is fine): the pre-migration backup is
 * made with SQLite's backup API a few hundred pages at a time and checked with quick_check (see CheckDepth
 * in backup/inspect.ts), each stage reported through `onBackupStage`; then the migrations, as above.
 */
export async function openDatabaseWithProgress(
  file: string,
  options: OpenOptions & Pick<BackupOptions, 'onStage'> = {},
): Promise<Database.Database> {
  const db = openConnection(file, options);
  try {
    const migrations = options.migrations ?? loadMigrations();
    if (needsBackup(db, file, migrations, options)) {
      await createBackup(db, file, 'pre-migration', () => new Date(), undefined, { onStage: options.onStage, nativeBinding: options.nativeBinding });
    }
    return migrateAndPin(db, file, migrations, options);
  } catch (error) {
    db.close();
    throw readOnlyPlace(file, error) ?? sqliteToAppError(error) ?? error;
  }
}
