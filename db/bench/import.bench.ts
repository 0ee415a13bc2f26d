import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { openDatabase } from '../connection';
import { TRAVELLING_TABLES } from '../transfer/tables';
import { generateStationFile, type StationSize } from './station-files';
import { summarizeImport } from './summary-rows';


export const name = 'import';
export const description = '县局导入站点文件：省级规模（默认 10 个站点文件、100 万购置、10 万报废、30 万农户）对比同次运行的原始 SQLite 写入速度';

const STATIONS = Number(process.env.BENCH_STATIONS ?? 10);
const SIZE: StationSize = {
  farmers: Number(process.env.BENCH_FARMERS ?? 30_000),
  scraps: Number(process.env.BENCH_SCRAPS ?? 10_000),
  purchases: Number(process.env.BENCH_PURCHASES ?? 100_000),
};
const ROOT = resolve(import.meta.dirname, '../..');

/** A fresh county installation's file. */
const countyDb = (dir: string, label: string) => {
  const path = join(dir, `county-${label}.db`);
  const db = openDatabase(path);
  const at = new Date().toISOString();
  db.prepare(
    "INSERT INTO installation (id, station_id, role, township_code, operator, created_at, updated_at) VALUES (1, ?, 'county', NULL, '县局', ?, ?)",
  ).run(randomUUID(), at, at);
  db.close();
  return path;
};

/** The raw ceiling: the same rows, read the same way, written with plain prepared INSERTs (no checks). */
function rawPreparedInsert(dir: string, files: string[]): { ms: number; rows: number } {
  const db = openDatabase(countyDb(dir, 'raw'));
  const started = performance.now();
  let rows = 0;
  for (const file of files) {
    const src = new Database(file, { readonly: true });
    db.transaction(() => {
      for (const t of TRAVELLING_TABLES) {
        const insert = db.prepare(`INSERT INTO ${t.name} (${t.columns.join(', ')}) VALUES (${t.columns.map((c) => `@${c}`).join(', ')})`);
        for (const row of src.prepare(`SELECT ${t.columns.join(', ')} FROM ${t.name} ORDER BY id`).iterate()) {
          insert.run(row as Record<string, unknown>);
          rows++;
        }
      }
    })();
    src.close();
  }
  db.close();
  return { ms: performance.now() - started, rows };
}

/** INSERT … SELECT from an attached plain file: SQLite copying rows with no JavaScript at all. */
function rawInsertSelect(dir: string, files: string[]): { ms: number; rows: number } {
  const db = openDatabase(countyDb(dir, 'select'));
  const started = performance.now();
  let rows = 0;
  files.forEach((file, i) => {
    db.prepare('ATTACH DATABASE ? AS src').run(file);
    db.transaction(() => {
      for (const t of TRAVELLING_TABLES) {
        rows += db
          .prepare(`INSERT INTO main.${t.name} (${t.columns.join(', ')}) SELECT ${t.columns.join(', ')} FROM src.${t.name}`)
          .run().changes;
      }
    })();
    db.exec('DETACH DATABASE src');
    void i;
  });
  db.close();
  return { ms: performance.now() - started, rows };
}

function child(dbPath: string, files: string[]): { ms: number; rows: number; refused: number; maxRssMb: number } {
  const out = execFileSync(process.execPath, ['--import', 'tsx', join(ROOT, 'db/bench/import-child.ts'), dbPath, ...files], {
    cwd: ROOT,
    encoding: 'utf8',
    maxBuffer: 1 << 20,
  });
  return JSON.parse(out.trim().split('\n').pop() as string);
}

const rate = (r: { ms: number; rows: number }) => Math.round(r.rows / (r.ms / 1000));

export async function run(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'agri-bench-import-'));
  try {
    const genStart = performance.now();
    const files = Array.from({ length: STATIONS }, (_, i) => generateStationFile(dir, i, SIZE).path);
    const totalMb = files.reduce((n, f) => n + statSync(f).size, 0) / 1024 ** 2;
    const lines = [
      `生成 ${STATIONS} 个站点文件：农户 ${SIZE.farmers * STATIONS}，报废 ${SIZE.scraps * STATIONS}，购置 ${SIZE.purchases * STATIONS}（${totalMb.toFixed(0)} MB，${((performance.now() - genStart) / 1000).toFixed(1)} s）`,
    ];
    const raw = rawPreparedInsert(dir, files);
    const select = rawInsertSelect(dir, files);
    const first = child(countyDb(dir, 'import'), files);
    const again = child(join(dir, 'county-import.db'), files);
    const small = child(countyDb(dir, 'one'), files.slice(0, 1));
    lines.push(
      `原始上限 · 预编译逐行插入：${rate(raw).toLocaleString()} 行/秒（${raw.rows} 行，${(raw.ms / 1000).toFixed(1)} s）`,
      `原始上限 · INSERT…SELECT：${rate(select).toLocaleString()} 行/秒（${(select.ms / 1000).toFixed(1)} s）`,
      `导入（全部校验 + 合并 + 冲突检查）：${rate(first).toLocaleString()} 行/秒（${(first.ms / 1000).toFixed(1)} s，拒绝 ${first.refused} 个文件）`,
      `导入速度 / 预编译插入速度 = ${(rate(first) / rate(raw)).toFixed(2)}（要求 ≥ 0.50）`,
      `导入速度 / INSERT…SELECT 速度 = ${(rate(first) / rate(select)).toFixed(2)}`,
      `重新导入未变化的文件：${(again.ms / 1000).toFixed(1)} s（${rate(again).toLocaleString()} 行/秒）`,
      `峰值内存：导入 1 个文件 ${small.maxRssMb.toFixed(0)} MB；导入 ${STATIONS} 个文件 ${first.maxRssMb.toFixed(0)} MB`,
    );
    for (const line of lines) console.log(line);
    summarizeImport({ raw, first, again, small });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
