import type { ServiceContext } from '../context';
import type { JobHandle } from '../jobs/registry';
import { createBackup } from './create';
import { exclusive } from './lock';

/**
 * A verified backup of the county file before station files are merged into it: SQLite's backup API in
 * steps with quick_check (see CheckDepth in inspect.ts), so the app keeps answering while a large file is
 * copied and checked; one backup at a time per file (a scheduled one running refuses this with CONFLICT).
 * With a job, its bar shows the backup's copy, photo and check stages.
 */
export async function backupBeforeCountyImport(ctx: ServiceContext, job?: JobHandle): Promise<void> {
  if (ctx.dbPath === ':memory:') return;
  await exclusive(ctx.dbPath, '备份', () =>
    createBackup(ctx.db, ctx.dbPath, 'pre-import', ctx.now, job, { nativeBinding: ctx.nativeBinding }),
  );
}
