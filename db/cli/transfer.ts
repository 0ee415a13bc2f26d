import { existsSync, mkdirSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { openCore } from '../app';
import { backupBeforeImport, importStationFile } from '../services/county-import';
import { exportStationFile } from '../transfer/export';

/** `agri export-station --db station.db --out DIR`: writes the report file the county imports. */
export function exportStationCommand(dbPath: string, outDir: string): number {
  const core = openCore(dbPath);
  try {
    mkdirSync(outDir, { recursive: true });
    const file = exportStationFile(core.ctx, resolve(outDir));
    process.stdout.write(
      `${JSON.stringify({ ok: true, data: { path: file.path, rowCounts: JSON.parse(file.manifest.row_counts) } }, null, 2)}\n`,
    );
    return 0;
  } finally {
    core.close();
  }
}

/** `agri import-stations --db county.db FILES…`: imports each file, printing progress and one JSON result per file. */
export function importStationsCommand(dbPath: string, files: string[], acceptPartial: boolean): number {
  if (!files.length) {
    process.stderr.write('请给出要导入的上报文件\n');
    return 2;
  }
  const core = openCore(dbPath);
  let refused = 0;
  try {
    process.stderr.write('正在备份县局数据文件（导入前备份）…\n');
    backupBeforeImport(core.ctx);
    files.forEach((path, i) => {
      process.stderr.write(`[${i + 1}/${files.length}] 正在导入 ${basename(path)} …\n`);
      if (!existsSync(path)) {
        refused++;
        process.stdout.write(`${JSON.stringify({ fileName: basename(path), status: 'refused', reasons: ['文件不存在'] })}\n`);
        return;
      }
      const outcome = importStationFile(core.ctx, { fileName: basename(path), path }, acceptPartial);
      if (outcome.status === 'refused') refused++;
      process.stderr.write(
        `    ${outcome.status === 'accepted' ? '已导入' : '已拒绝'}：新增 ${outcome.added}，更新 ${outcome.updated}，未变 ${outcome.unchanged}，拒收 ${outcome.rejected}，${outcome.durationMs} ms\n`,
      );
      process.stdout.write(`${JSON.stringify(outcome)}\n`);
    });
    return refused ? 1 : 0;
  } finally {
    core.close();
  }
}
