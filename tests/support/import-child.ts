// Child process for tests/db/county-crash.test.ts: imports station files into a county file (several: one batch).
// Usage: node --import tsx tests/support/import-child.ts <county db> <station file>…
// Writes "start" right before the import and "done <status>…" after it, with synchronous writes.
import { basename } from 'node:path';
import { writeSync } from 'node:fs';
import { openCore } from '../../db/app';
import { importStationFile } from '../../db/services/county-import';
import { importStationFiles } from '../../db/services/county-import-batch';

const [dbPath, ...files] = process.argv.slice(2);
if (!dbPath || !files.length) {
  writeSync(2, 'usage: import-child.ts <county db> <station file>…\n');
  process.exit(2);
}
const core = openCore(dbPath, { log: () => undefined });
writeSync(1, 'start\n');
const outcomes =
  files.length === 1
    ? [importStationFile(core.ctx, { fileName: 'station.agri', path: files[0] as string }, { trustNew: true })]
    : importStationFiles(core.ctx, files.map((path) => ({ fileName: basename(path), path })), { trustNew: true });
writeSync(1, `done ${outcomes.map((o) => o.status).join(' ')}\n`);
core.close();
