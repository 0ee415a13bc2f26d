import type { Database } from 'better-sqlite3';

/**
 * A migration may be split into named steps so a long one shows where it is. In the .sql file:
 *
 *   -- step: 建立索引
 *   CREATE INDEX …;
 *   -- step: 填充姓名片段
 *   -- chunk: farmers 20000
 *   INSERT INTO … SELECT … FROM farmers WHERE rowid >= :lo AND rowid < :hi;
 *
 * A plain step is executed as it stands (any number of statements). A chunked step is one statement run
 * once per range of `size` rowids of `table` (bound as :lo inclusive, :hi exclusive), so the bar moves
 * while a large table is filled. All steps of a migration still run in the migration's one transaction.
 * SQL before the first marker (or a file with no marker) is one step named after the migration.
 */
export interface MigrationStep {
  name: string;
  sql: string;
  chunk?: { table: string; size: number };
}

const STEP = /^--\s*step:\s*(.+?)\s*$/;
const CHUNK = /^--\s*chunk:\s*([A-Za-z_][A-Za-z0-9_]*)\s+(\d+)\s*$/;

/** True when the text holds something besides blank lines and `--` comments. */
function hasSql(text: string): boolean {
  return text.split('\n').some((line) => line.trim() !== '' && !line.trim().startsWith('--'));
}

export function splitSteps(sql: string, fallbackName: string): MigrationStep[] {
  const steps: MigrationStep[] = [];
  let current: MigrationStep = { name: fallbackName, sql: '' };
  const lines: string[] = [];
  const close = () => {
    current.sql = lines.join('\n');
    lines.length = 0;
    if (hasSql(current.sql)) steps.push(current);
    else if (current.chunk) throw new Error(`migration step "${current.name}" is chunked but has no statement`);
  };
  for (const line of sql.split('\n')) {
    const step = STEP.exec(line.trim());
    if (step) {
      close();
      current = { name: step[1] ?? fallbackName, sql: '' };
      continue;
    }
    const chunk = CHUNK.exec(line.trim());
    if (chunk) {
      if (current.chunk || hasSql(lines.join('\n'))) throw new Error(`"-- chunk:" must directly follow a "-- step:" marker (${current.name})`);
      const size = Number(chunk[2]);
      if (!(size > 0)) throw new Error(`chunk size must be positive (${current.name})`);
      current.chunk = { table: chunk[1] ?? '', size };
      continue;
    }
    lines.push(line);
  }
  close();
  return steps;
}

interface RowidRange {
  lo: number;
  hi: number;
}

/** The rowid ranges a chunked step walks: [min, max] cut into pieces of `size`; none for an empty table. */
export function chunkRanges(db: Database, table: string, size: number): RowidRange[] {
  const row = db.prepare(`SELECT min(rowid) AS lo, max(rowid) AS hi FROM "${table.replace(/"/g, '""')}"`).get() as {
    lo: number | null;
    hi: number | null;
  };
  if (row.lo === null || row.hi === null) return [];
  const ranges: RowidRange[] = [];
  for (let lo = row.lo; lo <= row.hi; lo += size) ranges.push({ lo, hi: Math.min(lo + size, row.hi + 1) });
  return ranges;
}

/** How many progress units a step is worth before it runs: its chunks when its table exists already, else 1. */
export function estimateUnits(db: Database, step: MigrationStep): number {
  if (!step.chunk) return 1;
  const exists = db.prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = ?").get(step.chunk.table);
  if (!exists) return 1;
  return Math.max(1, chunkRanges(db, step.chunk.table, step.chunk.size).length);
}
