import { compactDate } from '../../shared/domain/civil-date';
import { createHash, randomUUID } from 'node:crypto';
import { existsSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { AppError } from '../../shared/api/errors';
import { COUNTY, townshipName } from '../../shared/domain/townships';
import type { ServiceContext } from '../context';
import { chinaToday, writeTx } from '../context';
import { chainPending } from '../services/audit-chain';
import { requireInstallation } from '../services/installation';
import { ensureInstallationKeys, signWithInstallationKey } from '../services/keys';
import { EXPORT_FORMAT, MANIFEST_DDL, MANIFEST_TABLE, type Manifest } from './manifest';
import { packPhotos, type PhotoRef } from './photos';
import { scrubSnapshot } from './scrub';
import { manifestMessage } from './signature';
import { digestLine, selectAll, TRAVELLING_TABLES } from './tables';
import { GENESIS } from '../services/audit-chain';

export interface ExportedFile {
  path: string;
  fileName: string;
  manifest: Manifest;
  /** Live photo rows whose file was missing, altered or not a JPEG/PNG: not in the file (the county names them). */
  photosLeftOut: PhotoRef[];
}

/** 冠县-柳林镇-20251128.agri, with -2, -3… when that name is taken in the folder. */
function freeName(dir: string, township: string, date: string): string {
  const base = `${COUNTY.name}-${township}-${date}`;
  for (let n = 1; ; n++) {
    const name = n === 1 ? `${base}.agri` : `${base}-${n}.agri`;
    if (!existsSync(join(dir, name))) return name;
  }
}

/** What stays on the installation: removed from the snapshot, whose free pages are then vacuumed away. */
/**
 * 导出上报文件: a consistent snapshot of the live file (VACUUM INTO, never a copy of the live file),
 * switched to a self-contained single file without the private key or voucher secret, with a manifest
 * signed by the station key inside, and checked with integrity_check.
 */
export function exportStationFile(ctx: ServiceContext, outDir: string): ExportedFile {
  const installation = requireInstallation(ctx);
  if (installation.role !== 'station' || !installation.township_code) throw new AppError('FORBIDDEN', '只有乡镇农机站需要导出上报文件');
  const township = townshipName(installation.township_code);
  const tmp = join(outDir, `.agri-export-${randomUUID()}.tmp`);
  const key = writeTx(ctx, () => {
    chainPending(ctx.db, installation.station_id);
    return ensureInstallationKeys(ctx);
  });
  try {
    ctx.db.prepare('VACUUM INTO ?').run(tmp);
    const snap = new Database(tmp);
    try {
      snap.pragma('journal_mode = DELETE');
      scrubSnapshot(snap);
      const photos = packPhotos(ctx, snap);
      const hash = createHash('sha256');
      const counts: Record<string, number> = {};
      for (const t of TRAVELLING_TABLES) {
        let n = 0;
        for (const row of snap.prepare(selectAll(t)).iterate() as IterableIterator<Record<string, unknown>>) {
          hash.update(digestLine(t, row));
          n++;
        }
        counts[t.name] = n;
      }
      const head = snap
        .prepare('SELECT chain_seq AS n, row_hash AS h FROM audit_log WHERE station_id = ? ORDER BY chain_seq DESC LIMIT 1')
        .get(installation.station_id) as { n: number; h: string } | undefined;
      const unsigned: Omit<Manifest, 'signature'> = {
        format: EXPORT_FORMAT,
        format_version: '3',
        station_id: installation.station_id,
        township_code: installation.township_code,
        township_name: township,
        schema_version: snap.pragma('user_version', { simple: true }) as number,
        exported_at: ctx.now().toISOString(),
        exported_by: installation.operator,
        row_counts: JSON.stringify(counts),
        data_sha256: hash.digest('hex'),
        history_length: head?.n ?? 0,
        history_head: head?.h ?? GENESIS,
        public_key: key.publicKey,
        photo_count: photos.count,
        photo_bytes: photos.bytes,
        photos_sha256: photos.sha256,
      };
      const entries = Object.fromEntries(Object.entries(unsigned).map(([k, v]) => [k, String(v)]));
      const manifest: Manifest = { ...unsigned, signature: signWithInstallationKey(ctx, manifestMessage(entries)) };
      snap.exec(MANIFEST_DDL);
      const put = snap.prepare(`INSERT INTO ${MANIFEST_TABLE} (key, value) VALUES (?, ?)`);
      snap.transaction(() => Object.entries(manifest).forEach(([k, v]) => put.run(k, String(v))))();
      const check = snap.pragma('integrity_check', { simple: true });
      if (check !== 'ok') throw new AppError('DB_CORRUPT', `导出文件完整性检查未通过：${String(check)}`);
      snap.close();
      const fileName = freeName(outDir, township, compactDate(chinaToday(ctx)));
      renameSync(tmp, join(outDir, fileName));
      return { path: join(outDir, fileName), fileName, manifest, photosLeftOut: photos.leftOut };
    } finally {
      if (snap.open) snap.close();
    }
  } finally {
    rmSync(tmp, { force: true });
  }
}
