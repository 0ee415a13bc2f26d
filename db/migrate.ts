import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Database } from 'better-sqlite3';
import { AppError } from '../shared/api/errors';
import { chunkRanges, estimateUnits, splitSteps, type MigrationStep } from './migrate-steps';

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

/** Where a running migration is: reported before each step, after each chunk and after each commit. */
export interface MigrationProgress {
  from: number;
  to: number;
  version: number;
  /** `017_farmer_name_grams` */
  migration: string;
  step: string;
  stepIndex: number;
  steps: number;
  /** Progress units (one per plain step, one per chunk of a chunked step) over every pending migration. */
  done: number;
  total: number;
}

export interface MigrateOptions {
  onProgress?: (progress: MigrationProgress) => void;
}

/** The migrations a file at `version` still needs. */
export function pendingMigrations(version: number, migrations: Migration[] = loadMigrations()): Migration[] {
  // a for…of, not filter: a test races another process against this very iteration
  const pending: Migration[] = [];
  for (const m of migrations) if (m.version > version) pending.push(m);
  return pending;
}

function runStep(db: Database, step: MigrationStep, advance: () => void): void {
  if (!step.chunk) {
    db.exec(step.sql);
    advance();
    return;
  }
  const statement = db.prepare(step.sql);
  for (const range of chunkRanges(db, step.chunk.table, step.chunk.size)) {
    statement.run(range);
    advance();
  }
}

/** The step the screen names while a migration's foreign keys are checked before it commits. */
export const FOREIGN_KEY_STEP = '核对各表之间的引用';

/** Moves whenever this connection changes the schema (schema cookie) or any row (total_changes). */
function changeMarks(db: Database): string {
  return `${db.pragma('schema_version', { simple: true }) as number}:${db.prepare('SELECT total_changes()').pluck().get() as number}`;
}

/** Applies every migration newer than the file's user_version, each in its own transaction. */
export function migrate(
  db: Database,
  migrations: Migration[] = loadMigrations(),
  options: MigrateOptions = {},
): { from: number; to: number } {
  const from = db.pragma('user_version', { simple: true }) as number;
  const latest = latestVersion(migrations);
  if (from > latest) throw new SchemaTooNewError(from, latest);
  if (from >= latest) return { from, to: from };
  const plan = pendingMigrations(from, migrations).map((m) => ({ m, steps: splitSteps(m.sql, m.name) }));
  const units = new Map(plan.flatMap(({ steps }) => steps.map((s) => [s, estimateUnits(db, s)] as const)));
  let total = [...units.values()].reduce((a, b) => a + b, 0);
  let done = 0;
  // a migration may copy a table out and back to change a CHECK (SQLite's own recipe): foreign keys are
  // off meanwhile, and every migration proves them intact before it commits
  const foreignKeys = db.pragma('foreign_keys', { simple: true }) as number;
  if (foreignKeys) db.pragma('foreign_keys = OFF');
  try {
    for (const { m, steps } of plan) {
      const doneBefore = done;
      const totalBefore = total;
      const report = (step: string, stepIndex: number) =>
        options.onProgress?.({
          from,
          to: latest,
          version: m.version,
          migration: `${String(m.version).padStart(3, '0')}_${m.name}`,
          step,
          stepIndex,
          steps: steps.length,
          done,
          total,
        });
      db.transaction(() => {
        // another process may have applied it since we looked: the write lock makes this re-read final
        if ((db.pragma('user_version', { simple: true }) as number) >= m.version) return;
        const before = changeMarks(db);
        steps.forEach((step, i) => {
          const estimated = units.get(step) ?? 1;
          const stepStart = done;
          report(step.name, i + 1);
          runStep(db, step, () => {
            done += 1;
            // a chunked step over a table an earlier step filled: the total grows to its real size
            if (done - stepStart > estimated) total += 1;
            report(step.name, i + 1);
          });
        });
        // a migration that changed no schema and no row (a placeholder) cannot have broken a key: the whole-file
        // check (tens of seconds on a 1M-purchase file) is skipped for it; any other is checked, the screen saying so
        if (changeMarks(db) !== before) {
          report(FOREIGN_KEY_STEP, steps.length);
          const broken = db.pragma('foreign_key_check') as { table: string }[];
          if (broken.length)
            throw new Error(`migration ${m.version}_${m.name} broke ${broken.length} foreign key(s), first in ${broken[0]?.table}`);
        }
        db.pragma(`user_version = ${m.version}`);
      }).immediate();
      // a rolled-back migration never returns here; a skipped one (applied elsewhere) still counts as done
      done = doneBefore + steps.reduce((a, s) => a + (units.get(s) ?? 1), 0) + (total - totalBefore);
    }
    options.onProgress?.({ from, to: latest, version: latest, migration: '', step: '完成', stepIndex: 0, steps: 0, done: total, total });
  } finally {
    if (foreignKeys) db.pragma('foreign_keys = ON');
  }
  return { from, to: Math.max(from, latest) };
}
