import { existsSync, mkdirSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { openCore } from '../app';
import { backupBeforeCountyImport } from '../backup/pre-import';
import type { ImportOptions } from '../services/county-import';
import { importStationFiles } from '../services/county-import-batch';
import { liveStationKey } from '../repositories/station-keys';
import { exportStationFile } from '../transfer/export';
import { asUser, signInCli } from './credentials';

/** `agri export-station --db station.db --out DIR --user NAME`: writes the report file the county imports. */
export async function exportStationCommand(dbPath: string, outDir: string, user: string | undefined): Promise<number> {
  const core = openCore(dbPath);
  try {
    const actor = await signInCli(core, user);
    mkdirSync(outDir, { recursive: true });
    const file = asUser(core, actor, 'county.exportStation', () => exportStationFile(core.ctx, resolve(outDir)));
    process.stdout.write(
      `${JSON.stringify({ ok: true, data: { path: file.path, rowCounts: JSON.parse(file.manifest.row_counts) } }, null, 2)}\n`,
    );
    return 0;
  } finally {
    core.close();
  }
}

/** Stations whose key is pinned now. */
const pinnedStations = (core: ReturnType<typeof openCore>) =>
  new Set(core.db.prepare('SELECT station_id FROM station_keys WHERE retired_at IS NULL').pluck().all() as string[]);

/** `agri import-stations --db county.db FILES…`: imports each file, printing progress and one JSON result per file. */
export async function importStationsCommand(
  dbPath: string,
  files: string[],
  options: ImportOptions,
  user: string | undefined,
): Promise<number> {
  if (!files.length) {
    process.stderr.write('请给出要导入的上报文件\n');
    return 2;
  }
  const core = openCore(dbPath);
  let refused = 0;
  try {
    const actor = await signInCli(core, user);
    asUser(core, actor, 'county.importStations', () => undefined);
    process.stderr.write('正在备份县局数据文件（导入前备份）…\n');
    await backupBeforeCountyImport(core.ctx);
    const pinnedBefore = pinnedStations(core);
    // missing files are refused here; the rest are merged as one batch (county-import-batch.ts)
    const found = files.map((path) => existsSync(path));
    const present = files.flatMap((path, n) => (found[n] ? [{ fileName: basename(path), path, n }] : []));
    const outcomes = asUser(core, actor, 'county.importStations', () =>
      importStationFiles(core.ctx, present, options, (i) =>
        process.stderr.write(`[${(present[i]?.n ?? i) + 1}/${files.length}] 正在导入 ${present[i]?.fileName ?? ''} …\n`),
      ),
    );
    const pinnedShown = new Set<string>();
    let next = 0;
    for (const [i, path] of files.entries()) {
      if (!found[i]) {
        refused++;
        process.stdout.write(`${JSON.stringify({ fileName: basename(path), status: 'refused', reasons: ['文件不存在'] })}\n`);
        continue;
      }
      const outcome = outcomes[next++] as (typeof outcomes)[number];
      if (outcome.status === 'refused') refused++;
      let pinnedFingerprint: string | null = null;
      if (
        outcome.status === 'accepted' &&
        outcome.stationId &&
        !pinnedBefore.has(outcome.stationId) &&
        !pinnedShown.has(outcome.stationId)
      ) {
        pinnedShown.add(outcome.stationId);
        pinnedFingerprint = liveStationKey(core.db, outcome.stationId)?.fingerprint ?? null;
        process.stderr.write(
          `    已登记 ${outcome.townshipName ?? ''} 站点的签名密钥，指纹 ${pinnedFingerprint}（请与该站“设置”页核对）\n`,
        );
      }
      if (outcome.enrolment) {
        process.stderr.write(
          `    ${outcome.enrolment.townshipName} 站点的签名密钥尚未登记，指纹 ${outcome.enrolment.fingerprint}；核对后用 --trust-new 导入\n`,
        );
      }
      process.stderr.write(
        `    ${outcome.fileName}：${outcome.status === 'accepted' ? '已导入' : '已拒绝'}：新增 ${outcome.added}，更新 ${outcome.updated}，未变 ${outcome.unchanged}，拒收 ${outcome.rejected}，${outcome.durationMs} ms\n`,
      );
      process.stdout.write(`${JSON.stringify({ ...outcome, pinnedFingerprint })}\n`);
    }
    return refused ? 1 : 0;
  } finally {
    core.close();
  }
}
