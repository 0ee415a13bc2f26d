// Runs one ledger export in a process of its own so its peak memory can be read: prints one JSON line.
// Usage: node --import tsx db/bench/export-child.ts <county db> <out.xlsx> [purchases|scraps] [year]
import { statSync } from 'node:fs';
import { openCore } from '../app';
import { writeLedgerFile, type LedgerKindName } from '../services/ledger-export';
import { peakRssMb } from './peak-rss';

const [dbPath, out, kind = 'purchases', year] = process.argv.slice(2);
const MB = 1024 * 1024;
const core = openCore(dbPath as string, { log: () => undefined });
const startRssMb = process.memoryUsage().rss / MB;
// where the memory goes: V8 heap and Buffers (external) at their highest, and RSS at each tenth of the rows
const peak = { heapMb: 0, externalMb: 0 };
const rssByTenth: number[] = [];
const sample = () => {
  const m = process.memoryUsage();
  peak.heapMb = Math.max(peak.heapMb, m.heapUsed / MB);
  peak.externalMb = Math.max(peak.externalMb, m.external / MB);
  return m.rss / MB;
};
const started = performance.now();
const result = await writeLedgerFile(core.ctx, kind as LedgerKindName, { q: '', includeVoided: true, sortBy: 'createdAt', sortOrder: 'desc', ...(year ? { year: Number(year) } : {}) }, out as string, {
  progress: (done, total) => {
    const rss = sample();
    while (total && rssByTenth.length < 10 && done >= ((rssByTenth.length + 1) * total) / 10) rssByTenth.push(Math.round(rss));
  },
  tick: () => new Promise((r) => setImmediate(r)),
});
sample();
core.close();
process.stdout.write(
  `${JSON.stringify({
    ms: performance.now() - started,
    rows: result.rowCount,
    mb: statSync(out as string).size / 1024 / 1024,
    maxRssMb: peakRssMb(),
    startRssMb,
    peakHeapMb: peak.heapMb,
    peakExternalMb: peak.externalMb,
    rssByTenth,
  })}\n`,
);
