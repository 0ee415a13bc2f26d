import { closeSync, copyFileSync, openSync, readSync, statSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { AppError } from '../../shared/api/errors';
import { APPLICATION_ID } from '../connection';
import { latestVersion, loadMigrations, migrate } from '../migrate';
import { stationInstallationRow } from '../../shared/schemas/station-rows';
import { fingerprint } from '../trust/ed25519';
import { expectedSchema, readSchema, schemaDifferences } from './expected-schema';
import { MANIFEST_TABLE, manifestSchema, type Manifest } from './manifest';
import { manifestSignatureValid } from './signature';

export const MAX_STATION_FILE = 2 * 1024 ** 3;
const HEADER = Buffer.from('SQLite format 3\0', 'latin1');

/** A received file refused as a whole, with the reason in Chinese. */
export class RefusedFile extends AppError {
  constructor(reason: string) {
    super('VALIDATION', reason);
  }
}

export interface OpenedStationFile {
  db: Database.Database;
  manifest: Manifest;
  installation: { station_id: string; township_code: string };
  /** Fingerprint of the key that signed the manifest (checked: the signature is valid). */
  fingerprint: string;
  /** The version the file had before it was migrated in a temporary copy. */
  fileVersion: number;
}

function readHeader(path: string): Buffer {
  const fd = openSync(path, 'r');
  try {
    const buf = Buffer.alloc(100);
    const n = readSync(fd, buf, 0, 100, 0);
    return buf.subarray(0, n);
  } finally {
    closeSync(fd);
  }
}

/** Cheap checks on the raw bytes before SQLite ever parses the file. */
function checkHeader(path: string): number {
  const size = statSync(path).size;
  if (size === 0) throw new RefusedFile('文件为空');
  if (size > MAX_STATION_FILE) throw new RefusedFile('文件超过 2 GB，不是正常的上报文件');
  const h = readHeader(path);
  if (h.length < 100 || !h.subarray(0, 16).equals(HEADER)) throw new RefusedFile('不是本软件导出的上报文件（不是 SQLite 数据文件）');
  if (h.readUInt32BE(68) !== APPLICATION_ID) throw new RefusedFile('不是本软件的数据文件（应用标识不符）');
  if (h[18] !== 1 || h[19] !== 1) throw new RefusedFile('文件不是导出的单文件格式，请在乡镇站用“导出上报文件”重新导出');
  const pageSize = h.readUInt16BE(16) === 1 ? 65536 : h.readUInt16BE(16);
  const pages = h.readUInt32BE(28);
  // the in-header page count is valid when its "version valid for" equals the change counter
  const counted = h.readUInt32BE(92) === h.readUInt32BE(24) ? pages * pageSize : size;
  if (pageSize < 512 || size % pageSize !== 0 || counted !== size) throw new RefusedFile('文件不完整（可能传输中断或被截断）');
  return h.readUInt32BE(60); // user_version
}

/** Read-only, no trust in the file's schema, no memory mapping, every page's cells checked. */
function openDefensive(path: string, readonly = true): Database.Database {
  const db = new Database(path, { readonly, fileMustExist: true });
  db.pragma('trusted_schema = OFF');
  db.pragma('cell_size_check = ON');
  db.pragma('mmap_size = 0');
  if (readonly) db.pragma('query_only = ON');
  return db;
}

/**
 * Every table is read once, in order (the checks, then the merge): a small page cache keeps the import's
 * memory flat. Set inside openStationFile's guard: setting it reads the schema, which a damaged file may fail.
 */
const smallCache = (db: Database.Database) => db.pragma('cache_size = -4096');

/**
 * Tables of a received file the county reads only in id order, through the primary key (mergeRows'
 * selectAll), never through a secondary index: their many indexes (about 20 on purchases) are not
 * compared with their rows, which was most of the check's cost (issue 16: 6.2 of 6.9 s CPU on a
 * 100,000-purchase file). Every page of them is still checked (quick_check), and the merge refuses a
 * file whose rows do not come in strictly increasing id order (a primary-key index that disagrees with
 * its table), while the signed row counts and digest bind exactly what was read.
 */
const READ_BY_ID_ONLY: ReadonlySet<string> = new Set(['farmers', 'scraps', 'purchases']);

/**
 * Tables of a received file the county never reads: rows derived from the travelling ones (name pieces
 * 017, text indexes 018/020, year totals 022), which the county writes itself from the rows it merges.
 * Their pages get quick_check with every other page; comparing their contents (the text indexes' FTS5
 * check, the pieces' keys) cost ~3 s on a 1M-purchase batch and protected nothing the import uses.
 */
const NEVER_READ: ReadonlySet<string> = new Set(['farmer_name_grams', 'purchase_text', 'scrap_text', 'voucher_text', 'purchase_year_totals']);

const checkRows = (rows: Record<string, string>[]) => rows.map((r) => String(Object.values(r)[0])).filter((m) => m !== 'ok');

/**
 * The file's structure: every page of every b-tree, NOT NULL and CHECK constraints (quick_check); every
 * index against its table and UNIQUE constraints (integrity_check), for each table but READ_BY_ID_ONLY and NEVER_READ;
 * all of it for a file about to be migrated (its migration may read any index). Then exactly our schema.
 */
function checkStructure(db: Database.Database, version: number, latest: number): void {
  let problems: string[];
  if (version < latest) problems = checkRows(db.pragma('integrity_check(20)') as Record<string, string>[]);
  else {
    problems = checkRows(db.pragma('quick_check(20)') as Record<string, string>[]);
    const tables = db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name").pluck().all() as string[];
    for (const t of tables) {
      if (problems.length || READ_BY_ID_ONLY.has(t) || NEVER_READ.has(t)) continue;
      problems = checkRows(db.pragma(`integrity_check("${t.replace(/"/g, '""')}")`) as Record<string, string>[]);
    }
  }
  if (problems.length) throw new RefusedFile(`文件已损坏，完整性检查未通过：${problems.slice(0, 3).join('；')}`);
  const diff = schemaDifferences(readSchema(db), expectedSchema(version));
  if (diff.length)
    throw new RefusedFile(`文件结构与本软件不符：${diff.slice(0, 5).join('；')}${diff.length > 5 ? ` 等 ${diff.length} 处` : ''}`);
}

/**
 * The manifest, its signature checked before anything else in the file is believed: no signature, a
 * bad one, or one over other contents refuses the file. Then the fields, then the installation row.
 */
function readManifest(db: Database.Database) {
  const rows = db.prepare(`SELECT key, value FROM ${MANIFEST_TABLE}`).all() as { key: unknown; value: unknown }[];
  const entries: Record<string, string> = {};
  for (const r of rows) if (typeof r.key === 'string' && typeof r.value === 'string') entries[r.key] = r.value;
  if (!rows.length) throw new RefusedFile('文件清单缺失或无效：请在乡镇站用“导出上报文件”重新导出');
  if (!entries.signature || !entries.public_key) {
    throw new RefusedFile('文件没有签名（可能来自旧版本软件或被改动过）：请在乡镇站升级软件后重新导出上报文件');
  }
  if (!manifestSignatureValid(entries)) {
    throw new RefusedFile('文件签名无效：清单在签名后被改动过，或签名不属于这个文件');
  }
  const manifest = manifestSchema.safeParse(entries);
  if (!manifest.success) {
    const issue = manifest.error.issues[0];
    throw new RefusedFile(`文件清单无效（${issue?.path.join('.') ?? ''}）：请在乡镇站用“导出上报文件”重新导出`);
  }
  const inst = stationInstallationRow.safeParse(
    db.prepare('SELECT station_id, role, township_code, operator, created_at, updated_at FROM installation').get(),
  );
  if (!inst.success) throw new RefusedFile(`文件中的站点信息无效：${inst.error.issues[0]?.message ?? ''}`);
  if (inst.data.station_id !== manifest.data.station_id || inst.data.township_code !== manifest.data.township_code) {
    throw new RefusedFile('文件清单与站点信息不一致');
  }
  return { manifest: manifest.data, installation: inst.data, fingerprint: fingerprint(manifest.data.public_key) };
}

/**
 * Opens a received station file without trusting it: raw header checks, read-only defensive
 * connection, integrity_check, exactly our schema (no triggers, views or extra objects), a manifest
 * with a valid station signature. An older schema is migrated in a temporary copy; a newer one is refused.
 */
export function openStationFile(path: string, tempDir: string): OpenedStationFile {
  const fileVersion = checkHeader(path);
  const latest = latestVersion(loadMigrations());
  if (fileVersion > latest) throw new RefusedFile(`文件来自更新版本的软件（数据版本 ${fileVersion}），请升级软件后再导入`);
  if (fileVersion < 1) throw new RefusedFile('文件没有数据结构版本，不是上报文件');
  let db = openDefensive(path);
  try {
    smallCache(db);
    checkStructure(db, fileVersion, latest);
    // the signature is checked before a single data row is read, and before the file is migrated
    const read = readManifest(db);
    if (fileVersion < latest) {
      db.close();
      const copy = join(tempDir, `upgrade-${Date.now()}.agri`);
      copyFileSync(path, copy);
      const rw = openDefensive(copy, false);
      migrate(rw);
      rw.close();
      db = openDefensive(copy);
      smallCache(db);
    }
    return { db, fileVersion, ...read };
  } catch (error) {
    if (db.open) db.close();
    if (error instanceof AppError) throw error;
    throw new RefusedFile(`无法读取文件：${(error as Error).message}`);
  }
}
