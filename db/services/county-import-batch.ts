/**
 * 导入站点数据, several files at once (county.importStations, CLI import-stations): one outer transaction
 * for the batch and one savepoint per file (importStationFile's own writeTx nests), so
 * - the county tables' plain indexes are set aside once, when the first file worth it arrives, and created
 *   once at the end (issue 16: rebuilding them after every file sorted the earlier files' rows again and
 *   again, quadratic across a batch), and the county file is never committed without them;
 * - each file is still all or nothing: a refused file rolls back to its savepoint and is logged as refused,
 *   the files before and after it are merged as if it were not there;
 * - cross-station conflicts are looked for once the indexes are back, for each merged file in order, and
 *   counted in that file's outcome; staged photos take their place only after the batch commits.
 * An unexpected error (not a refused file) ends the batch: the files merged before it are kept (indexes
 * back, conflicts recorded, committed), as they were when each file committed on its own, and the error
 * is thrown again. Should even that fail, the whole batch rolls back and nothing of it is kept.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ImportOutcome } from '../../shared/schemas/county';
import { backupBeforeCountyImport } from '../backup/pre-import';
import { writeTx, type ServiceContext } from '../context';
import { BatchIndexes } from '../transfer/bulk-indexes';
import { commitPhotos, discardPhotos, type ReceivedPhotos } from './county-photos';
import { importStationFile, type ImportBatch, type ImportFile, type ImportOptions } from './county-import';
import { recordConflicts } from './county-import-records';

/**
 * Page cache (negative: KiB) during a batch, instead of the connection's 64 MB. The import's peak memory is
 * this cache, full, plus the JS heap's swings between files; 10 files of 100,000 purchases peaked at
 * 232 MB with 40 MB and at 221 MB with 32 MB, and ran no slower (381 s and 370 s, sampled alike).
 */
const BATCH_CACHE_KIB = -32_768;

/** Imports the files in order as one batch; `onFile` is told before each one starts (progress). */
export function importStationFiles(
  ctx: ServiceContext,
  files: readonly ImportFile[],
  options: ImportOptions,
  onFile?: (index: number, file: ImportFile) => void,
): ImportOutcome[] {
  const outcomes: ImportOutcome[] = [];
  const merged: { at: number; stationId: string }[] = [];
  const photos: ReceivedPhotos[] = [];
  let failure: { error: unknown } | null = null;
  const cache = ctx.db.pragma('cache_size', { simple: true }) as number;
  try {
    // a smaller page cache while the batch runs keeps peak memory flat however many rows arrive (issue 16)
    ctx.db.pragma(`cache_size = ${BATCH_CACHE_KIB}`);
    writeTx(ctx, () => {
      const indexes = new BatchIndexes(ctx.db);
      const batch: ImportBatch = {
        indexes,
        merged: (stationId, received) => {
          merged.push({ at: outcomes.length, stationId });
          photos.push(received);
        },
      };
      for (const [i, file] of files.entries()) {
        onFile?.(i, file);
        try {
          outcomes.push(importStationFile(ctx, file, options, batch));
        } catch (error) {
          failure = { error };
          break;
        }
      }
      indexes.restore();
      for (const m of merged) {
        const outcome = outcomes[m.at] as ImportOutcome;
        outcome.conflictsFound += recordConflicts(ctx, m.stationId);
      }
    });
  } catch (error) {
    for (const p of photos) discardPhotos(p);
    throw error;
  } finally {
    ctx.db.pragma(`cache_size = ${cache}`);
  }
  for (const p of photos) commitPhotos(p);
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
