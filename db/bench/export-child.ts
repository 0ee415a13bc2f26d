// Runs one ledger export in a process of its own so its peak memory can be read: prints one JSON line.
// Usage: node --import tsx db/bench/export-child.ts <county db> <out.xlsx> [purchases|scraps] [year]
import { statSync } from 'node:fs';
import { openCore } from '../app';
import { writeLedgerFile, type LedgerKindName } from '../services/ledger-export';

const [dbPath, out, kind = 'purchases', year] = process.argv.slice(2);
const core = openCore(dbPath as string, { log: () => undefined });
const started = performance.now();
const result = await writeLedgerFile(core.ctx, kind as LedgerKindName, { q: '', includeVoided: true, sortBy: 'createdAt', sortOrder: 'desc', ...(year ? { year: Number(year) } : {}) }, out as string, {
  progress: () => undefined,
  tick: () => new Promise((r) => setImmediate(r)),
});
core.close();
process.stdout.write(
  `${JSON.stringify({
    ms: performance.now() - started,
    rows: result.rowCount,
    mb: statSync(out as string).size / 1024 / 1024,
    maxRssMb: process.resourceUsage().maxRSS / 1024,
  })}\n`,
);
