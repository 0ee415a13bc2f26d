/**
 * 导入站点数据, several files at once (county.importStations, CLI import-stations). Each file is merged and
 * committed on its own (its rows are copied from the file attached to the county connection, and SQLite
 * cannot attach inside a transaction), all or nothing: a refused file rolls back and is logged as refused,
 * the files before and after it are merged as if it were not there. Across the batch:
 * - the county tables' plain indexes are set aside once, when the first file worth it arrives, and created
 *   once at the end (issue 16: rebuilding them after every file sorted the earlier files' rows again and
 *   again, quadratic across a batch); each one is noted in import_indexes_aside as it is dropped, so a batch
 *   cut short has its indexes created again when the county file is next opened (connection.ts);
 * - cross-station conflicts are looked for once the indexes are back, for each merged station, and counted
 *   in its files' outcomes; each merged station is noted in import_pending_conflicts with its file, so a
 *   batch cut short has them looked for when the county file is next opened (openCore).
 * An unexpected error (not a refused file) ends the batch: the files merged before it are kept (indexes
 * back, conflicts recorded), as they were when each file was imported alone, and the error is thrown again.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ImportOutcome } from '../../shared/schemas/county';
import { backupBeforeCountyImport } from '../backup/pre-import';
import type { ServiceContext } from '../context';
import { BatchIndexes } from '../transfer/bulk-indexes';
import { importStationFile, type ImportBatch, type ImportFile, type ImportOptions } from './county-import';
import { recordPendingConflicts } from './county-import-records';

/**
 * Page cache (negative: KiB) during a batch, instead of the connection's 64 MB. The import's peak memory is
 * this cache, full, plus the JS heap's swings between files; 10 files of 100,000 purchases peaked at
 * 232 MB with 40 MB and at 221 MB with 32 MB, and ran no slower (381 s and 370 s, sampled alike).
 */
const BATCH_CACHE_KIB = -24_576;

/** Imports the files in order as one batch; `onFile` is told before each one starts (progress). */
export function importStationFiles(
  ctx: ServiceContext,
  files: readonly ImportFile[],
  options: ImportOptions,
  onFile?: (index: number, file: ImportFile) => void,
): ImportOutcome[] {
  const outcomes: ImportOutcome[] = [];
  const merged: { at: number; stationId: string }[] = [];
  let failure: { error: unknown } | null = null;
  const cache = ctx.db.pragma('cache_size', { simple: true }) as number;
  const indexes = new BatchIndexes(ctx.db);
  let found: ReturnType<typeof recordPendingConflicts>;
  try {
    // a smaller page cache while the batch runs keeps peak memory flat however many rows arrive (issue 16)
    ctx.db.pragma(`cache_size = ${BATCH_CACHE_KIB}`);
    const batch: ImportBatch = { indexes, merged: (stationId) => merged.push({ at: outcomes.length, stationId }) };
    try {
      for (const [i, file] of files.entries()) {
        onFile?.(i, file);
        try {
          outcomes.push(importStationFile(ctx, file, options, batch));
        } catch (error) {
          failure = { error };
          break;
        }
      }
    } finally {
      indexes.restore();
    }
    // under the batch's cache too: with the connection's 64 MB back, reading a province's numbers for
    // conflicts filled it, and the import's peak memory grew with the files again
    found = recordPendingConflicts(ctx);
  } finally {
    ctx.db.pragma(`cache_size = ${cache}`);
  }
  for (const m of merged) (outcomes[m.at] as ImportOutcome).conflictsFound += found.get(m.stationId) ?? 0;
  if (failure) throw (failure as { error: unknown }).error;
  return outcomes;
}

/** Files that arrive as bytes (browser upload): written to private temp files, imported as one batch, removed. */
export async function importUploadedFiles(
  ctx: ServiceContext,
  input: {
    files: { fileName: string; base64: string }[];
    acceptPartial: boolean;
    trustFingerprints: string[];
    acceptRewrittenHistory: boolean;
  },
) {
  await backupBeforeCountyImport(ctx);
  const dir = mkdtempSync(join(tmpdir(), 'agri-upload-'));
  try {
    const files = input.files.map((f, i) => {
      const path = join(dir, `station-${i}.agri`);
      writeFileSync(path, Buffer.from(f.base64, 'base64'));
      return { fileName: f.fileName, path };
    });
    return { results: importStationFiles(ctx, files, input) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
