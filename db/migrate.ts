import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Database } from 'better-sqlite3';
import { AppError } from '../shared/api/errors';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

/** Where the numbered .sql files live: beside this module (the Electron build copies them there too). */
export const MIGRATIONS_DIR = fileURLToPath(new URL('./migrations/', import.meta.url));

const FILE_PATTERN = /^(\d{3})_([a-z0-9_]+)\.sql$/;

/** Reads `NNN_name.sql` files in order; numbers must run 1, 2, 3… without gaps or repeats. */
export function loadMigrations(dir: string = MIGRATIONS_DIR): Migration[] {
  const migrations = readdirSync(dir)
    .map((file) => ({ file, match: FILE_PATTERN.exec(file) }))
    .filter((f): f is { file: string; match: RegExpExecArray } => f.match !== null)
    .map(({ file, match }) => ({ version: Number(match[1]), name: match[2] ?? file, sql: readFileSync(`${dir}/${file}`, 'utf8') }))
    .sort((a, b) => a.version - b.version);
  migrations.forEach((m, i) => {
    if (m.version !== i + 1) throw new Error(`migration numbering broken at ${m.version}_${m.name}: expected ${i + 1}`);
  });
  return migrations;
}

export function latestVersion(migrations: Migration[]): number {
  return migrations.at(-1)?.version ?? 0;
}

export class SchemaTooNewError extends AppError {
  constructor(fileVersion: number, appVersion: number) {
    super('FORBIDDEN', `该数据文件由更新版本的软件创建（数据版本 ${fileVersion}，本软件支持到 ${appVersion}），请升级软件后再打开`, {
      details: { fileVersion, appVersion },
    });
  }
}

/** Applies every migration newer than the file's user_version, each in its own transaction. */
export function migrate(db: Database, migrations: Migration[] = loadMigrations()): { from: number; to: number } {
  const from = db.pragma('user_version', { simple: true }) as number;
  const latest = latestVersion(migrations);
  if (from > latest) throw new SchemaTooNewError(from, latest);
  if (from >= latest) return { from, to: from };
  // a migration may copy a table out and back to change a CHECK (SQLite's own recipe): foreign keys are
  // off meanwhile, and every migration proves them intact before it commits
  const foreignKeys = db.pragma('foreign_keys', { simple: true }) as number;
  if (foreignKeys) db.pragma('foreign_keys = OFF');
  try {
    for (const m of migrations) {
      if (m.version <= from) continue;
      db.transaction(() => {
        // another process may have applied it since we looked: the write lock makes this re-read final
        if ((db.pragma('user_version', { simple: true }) as number) >= m.version) return;
        db.exec(m.sql);
        const broken = db.pragma('foreign_key_check') as { table: string }[];
        if (broken.length) throw new Error(`migration ${m.version}_${m.name} broke ${broken.length} foreign key(s), first in ${broken[0]?.table}`);
        db.pragma(`user_version = ${m.version}`);
      }).immediate();
    }
  } finally {
    if (foreignKeys) db.pragma('foreign_keys = ON');
  }
  return { from, to: Math.max(from, latest) };
}
