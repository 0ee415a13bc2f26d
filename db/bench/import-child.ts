// Runs imports in a process of its own so its peak memory can be read: prints one JSON line.
// Usage: node --import tsx db/bench/import-child.ts <county db> <file>…
import { basename } from 'node:path';
import { openDatabase } from '../connection';
import { createContext } from '../context';
import { importStationFile } from '../services/county-import';
import { importStationFiles } from '../services/county-import-batch';
import { peakRssMb } from './peak-rss';

const [dbPath, ...files] = process.argv.slice(2);
const db = openDatabase(dbPath as string);
const ctx = createContext(db, dbPath as string);
const started = performance.now();
const cpu0 = process.cpuUsage();
let rows = 0;
let refused = 0;
const list = files.map((path) => ({ fileName: basename(path), path }));
// the files as one batch, as county.importStations and the CLI take them; BENCH_IMPORT_PER_FILE=1: each file on
// its own (indexes set aside and rebuilt per file, as before batches), for comparison
const outcomes =
  process.env.BENCH_IMPORT_PER_FILE === '1'
    ? list.map((f) => importStationFile(ctx, f, { trustNew: true }))
    : importStationFiles(ctx, list, { trustNew: true });
for (const o of outcomes) {
  rows += o.added + o.updated + o.unchanged;
  if (o.status !== 'accepted') refused++;
}
db.close();
const cpu = process.cpuUsage(cpu0);
process.stdout.write(
  `${JSON.stringify({ ms: performance.now() - started, cpuMs: (cpu.user + cpu.system) / 1000, rows, refused, maxRssMb: peakRssMb() })}\n`,
);
