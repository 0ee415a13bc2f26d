// Child process for tests/db/county-crash.test.ts: imports one station file into a county file.
// Usage: node --import tsx tests/support/import-child.ts <county db> <station file>
// Writes "start" right before the import and "done <status>" after it, with synchronous writes.
import { writeSync } from 'node:fs';
import { openCore } from '../../db/app';
import { importStationFile } from '../../db/services/county-import';

const [dbPath, file] = process.argv.slice(2);
if (!dbPath || !file) {
  writeSync(2, 'usage: import-child.ts <county db> <station file>\n');
  process.exit(2);
}
const core = openCore(dbPath, { log: () => undefined });
writeSync(1, 'start\n');
const outcome = importStationFile(core.ctx, { fileName: 'station.agri', path: file }, { trustNew: true });
writeSync(1, `done ${outcome.status}\n`);
core.close();
