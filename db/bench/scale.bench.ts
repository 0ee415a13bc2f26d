import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openCore } from '../app';
import { benchDataset, fileMb } from './dataset';
import { BENCH_LOGIN } from './generate';
import { ledgerSweep } from './ledger-sweep';
import { formatTargetTable, time, type TargetRow, type Timing } from './stats';
import { measureStartupUpgrade } from './migration-time';
import { notePeakRss, summarize } from './summary';
import { fillVouchersAndAudit } from './ledger-fill';
import { auditShapes, sweepRows, voucherShapes } from './voucher-audit-sweep';

export const name = 'scale';
export const description = 'issue 16: ledger pages, farmer search and a 1M-row export on a cached 1M-purchase county file, one table';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const LIULIN = '371525103';
const PAGE_MS = 30;
const SEARCH_MS = 20;
const RSS_MB = 300;

/**
 * Copies the cached county file (generated once at version 10, see dataset.ts), times migration 011 on it,
 * then times each ledger and search shape through the dispatcher against a raw 20-row read of the same
 * file, and exports every purchase in a child process to read its peak memory. Prints one table.
 */
export async function run(): Promise<void> {
  const purchases = Number(process.env.BENCH_PURCHASES ?? 1_000_000);
  const runs = Number(process.env.BENCH_RUNS ?? 15);
  const ds = await benchDataset(purchases);
  const rows: TargetRow[] = [];
  try {
    console.log(
      `county file: ${purchases.toLocaleString()} purchases, ${fileMb(ds.file).toFixed(0)} MB` +
        (ds.generatedSeconds === null ? ` (cached: ${ds.cached})` : ` (generated in ${ds.generatedSeconds.toFixed(0)} s)`),
    );

    // the copy (never the cached file) upgraded as the app does at start-up: backup, then every migration, in a worker
    rows.push(...(await measureStartupUpgrade(ds.file, `${(purchases / 1e6).toFixed(2)}M purchases`)));
    // BENCH_UPGRADE_ONLY=1: stop after the upgrade's rows (the upgrade alone, without the ledgers and the export)
    if (process.env.BENCH_UPGRADE_ONLY === '1') {
      summarize(rows);
      console.log(`\n${formatTargetTable(rows)}`);
      return;
    }

    // a county receives every station's vouchers and audit rows; the generated file has none
    const fill = fillVouchersAndAudit(ds.file);
    console.log(
      `added ${fill.vouchers.toLocaleString()} vouchers and ${fill.audit.toLocaleString()} audit rows in ${fill.seconds.toFixed(0)} s`,
    );

    const core = openCore(ds.file, { log: (msg, e) => console.error(msg, e) });
    try {
      const signedIn = await core.call('auth.signIn', BENCH_LOGIN);
      if (!signedIn.ok) throw new Error(`auth.signIn: ${signedIn.error.message}`);
      const db = core.db;
      const maxRow = db.prepare('SELECT max(rowid) FROM purchases').pluck().get() as number;
      const rawRead = db.prepare('SELECT * FROM purchases WHERE rowid >= ? ORDER BY rowid LIMIT 20');
      const baseline = await time('raw 20-row read', () => rawRead.all(1 + Math.floor(Math.random() * (maxRow - 20))), runs);
      rows.push({ name: 'baseline: raw 20-row read', timing: baseline, target: '', pass: null });

      const call = async (method: string, input: unknown) => {
        const r = await core.call(method, input);
        if (!r.ok) throw new Error(`${method}: ${r.error.message}`);
        return r.data as { items: unknown[]; nextCursor?: string | null; total?: number; totalCapped?: boolean };
      };
      const page = async (label: string, method: string, input: unknown, target = PAGE_MS, n = runs) => {
        const t: Timing = await time(label, () => call(method, input), n, 1);
        rows.push({ name: label, timing: t, baseline, target: `p95 ≤ ${target} ms`, pass: t.p95Ms <= target });
      };

      await page('purchases.list first page', 'purchases.list', {});
      await page('purchases.list by date ↑', 'purchases.list', { sortBy: 'date', sortOrder: 'asc' });
      await page('purchases.list by amount ↓', 'purchases.list', { sortBy: 'amount', sortOrder: 'desc' });
      await page('purchases.list by buyer ↑', 'purchases.list', { sortBy: 'farmer', sortOrder: 'asc' });
      await page('purchases.list year+status+item', 'purchases.list', { year: 2024, status: 'paid', item: '旋耕机' });
      await page('purchases.list township, by amount', 'purchases.list', { townshipCode: LIULIN, sortBy: 'amount' });
      const deep = await call('purchases.list', { page: 25_001, pageSize: 20 }); // once, by offset: row 500,000
      await page('purchases.list next page @500,000', 'purchases.list', { cursor: deep.nextCursor ?? undefined, direction: 'next' });
      await page('purchases.list prev page @500,000', 'purchases.list', { cursor: deep.nextCursor ?? undefined, direction: 'prev' });
      await page('purchases.list text "王建国"', 'purchases.list', { q: '王建国' });
      // text queries through candidate rows (migration 018): a given name, a serial, an ID tail, with filters; and one matching every row
      await page('purchases.list text "建国"', 'purchases.list', { q: '建国' });
      await page('purchases.list text "建国" year+item, by buyer', 'purchases.list', {
        q: '建国',
        year: 2024,
        item: '旋耕机',
        sortBy: 'farmer',
      });
      await page('purchases.list text serial "01484047"', 'purchases.list', { q: '01484047' });
      await page('purchases.list text pinyin "cuizhen"', 'purchases.list', { q: 'cuizhen', sortBy: 'amount' });
      await page('scraps.list text "建国"', 'scraps.list', { q: '建国' });
      await page('purchases.list text "示例厂" (every row)', 'purchases.list', { q: '示例厂' }, PAGE_MS, 5);
      // text matching every row, with narrowing filters (the filter index narrows, the text is checked on its rows)
      await page('purchases.list text "示例厂" year+item', 'purchases.list', { q: '示例厂', year: 2024, item: '旋耕机' }, PAGE_MS, 5);
      await page(
        'purchases.list text "示例厂" township+status',
        'purchases.list',
        { q: '示例厂', townshipCode: LIULIN, status: 'paid' },
        PAGE_MS,
        5,
      );
      await page(
        'purchases.list text "示例厂" year+township+item, by buyer',
        'purchases.list',
        { q: '示例厂', year: 2024, townshipCode: LIULIN, item: '旋耕机', sortBy: 'farmer' },
        PAGE_MS,
        5,
      );
      await page('scraps.list text "示例厂" year+item', 'scraps.list', { q: '示例厂', year: 2024, item: '拖拉机' }, PAGE_MS, 5);
      // every combination of the filter bar's filters (none/some/all of year, township, status, item) × 4 sorts × 2 directions
      for (const [method, item] of [
        ['purchases.list', '旋耕机'],
        ['scraps.list', '拖拉机'],
      ] as const) {
        const sweep = await ledgerSweep(
          (input) => call(method, input),
          { year: 2024, townshipCode: LIULIN, status: 'paid', item },
          Math.min(runs, 5),
        );
        rows.push({
          name: `${method} sweep: ${sweep.combos} filter/sort combos, no text`,
          timing: sweep.timing,
          baseline,
          target: `p95 ≤ ${PAGE_MS} ms`,
          pass: sweep.timing.p95Ms <= PAGE_MS,
        });
        console.log(`${method} sweep, slowest combos (median ms): ${sweep.slowest.map((s) => `${s.label} ${s.ms.toFixed(1)}`).join('; ')}`);
      }
      await page('scraps.list first page', 'scraps.list', {});
      await page('scraps.list by buyer ↓', 'scraps.list', { sortBy: 'farmer', sortOrder: 'desc' });
      await page('vouchers.list first page', 'vouchers.list', {});
      await page('audit.list first page', 'audit.list', {});
      // every filter combination of the voucher page and the audit trail: first, next, page 3, prev
      const sweepRuns = Number(process.env.BENCH_SWEEP_RUNS ?? 3);
      rows.push(...(await sweepRows('vouchers.list', voucherShapes(db), call, sweepRuns, baseline, PAGE_MS)));
      rows.push(...(await sweepRows('audit.list', auditShapes(db), call, sweepRuns, baseline, PAGE_MS)));
      await page('farmers.search name "王"', 'farmers.search', { q: '王' }, SEARCH_MS, 5);
      await page('farmers.search name "建国"', 'farmers.search', { q: '建国' }, SEARCH_MS, 5);
      await page('farmers.search name "王建国"', 'farmers.search', { q: '王建国' }, SEARCH_MS, 5);
      await page('farmers.search initials "wjg"', 'farmers.search', { q: 'wjg' }, SEARCH_MS, 5);
      await page('farmers.search pinyin "wangjian"', 'farmers.search', { q: 'wangjian' }, SEARCH_MS, 5);
      await page('farmers.search full pinyin "wangjianguo"', 'farmers.search', { q: 'wangjianguo' }, SEARCH_MS, 5);
      await page('farmers.search phone tail "2345"', 'farmers.search', { q: '2345' }, SEARCH_MS, 5);
      await page('farmers.search ID tail "012345"', 'farmers.search', { q: '012345' }, SEARCH_MS, 5);
      const first = await call('purchases.list', {});
      console.log(`purchases.list total: ${first.totalCapped ? `more than ${first.total}` : first.total}`);
    } finally {
      core.close();
    }

    // the target's case: every purchase (1M rows, 10–15 min on a loaded 2-core machine); BENCH_EXPORT_YEAR=2024
    // exports one year (~100,000 rows), BENCH_EXPORT_YEAR=none skips the export
    const exportYear = process.env.BENCH_EXPORT_YEAR ?? 'all';
    if (exportYear !== 'none') {
      const out = join(ds.file, '..', 'export.xlsx');
      const args = [join(ROOT, 'db/bench/export-child.ts'), ds.file, out, 'purchases', ...(exportYear === 'all' ? [] : [exportYear])];
      const res = JSON.parse(
        execFileSync(process.execPath, ['--import', 'tsx', ...args], {
          cwd: ROOT,
          encoding: 'utf8',
          maxBuffer: 1 << 20,
        }).trim(),
      ) as {
        ms: number;
        rows: number;
        mb: number;
        maxRssMb: number;
        startRssMb: number;
        peakHeapMb: number;
        peakExternalMb: number;
        rssByTenth: number[];
      };
      console.log(
        `export: ${res.rows.toLocaleString()} rows, ${res.mb.toFixed(0)} MB xlsx in ${(res.ms / 1000).toFixed(0)} s, peak RSS ${res.maxRssMb.toFixed(0)} MB ` +
          `(${res.startRssMb.toFixed(0)} MB before it; peak heap ${res.peakHeapMb.toFixed(0)} MB, Buffers ${res.peakExternalMb.toFixed(0)} MB; ` +
          `RSS at each tenth of the rows: ${res.rssByTenth.join(' ')} MB)`,
      );
      rows.push({
        name: `purchases export ${res.rows.toLocaleString()} rows`,
        value: { text: `${res.maxRssMb.toFixed(0)} MB` },
        target: `peak RSS ≤ ${RSS_MB} MB`,
        pass: res.maxRssMb <= RSS_MB,
      });
      notePeakRss('export child', res.maxRssMb);
      rows.push({
        name: '  export rows/s',
        value: { text: `${Math.round(res.rows / (res.ms / 1000))}` },
        target: '(reported)',
        pass: null,
      });
    }
  } finally {
    ds.dispose();
  }
  summarize(rows);
  console.log(`\n${formatTargetTable(rows)}\npeak RSS of this process: ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
}
