import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { residentIdCheckChar } from '../../shared/domain/idcard';
import { openCore } from '../app';
import type { JobHandle } from '../jobs/registry';
import { commitLedger, previewLedger } from '../ledger-import/service';
import { summarize } from './summary';

export const name = 'ledger-import';
export const description =
  '台账导入: dry run and import of generated ledgers of growing size. Live heap (after a GC) and RSS are sampled at every progress step (run with node --expose-gc). ' +
  'The workbook is streamed and every classified row is staged in a SQLite TEMP table, read back in chunks by the one-transaction commit: ' +
  'the heap should not grow with the row count (compare the MB across sizes; BENCH_LEDGER_ROWS=5000,10000)';

/** A plain one-sheet ledger of `rows` machines, written with exceljs' streaming writer. */
async function ledger(rows: number): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('全年');
  ws.addRow(['冠县农机购置补贴台账']);
  ws.addRow(['序号', '姓名', '身份证号', '联系电话', '村', '机具品目', '生产厂家', '型号', '出厂编号', '购机日期', '销售价格', '补贴金额']);
  for (let i = 0; i < rows; i++) {
    const day = new Date(Date.UTC(1950, 0, 1) + i * 86_400_000).toISOString().slice(0, 10).replaceAll('-', '');
    const first17 = `371525${day}${String(1 + (i % 900)).padStart(3, '0')}`;
    ws.addRow([i + 1, `农户${i}`, first17 + residentIdCheckChar(first17), `138${String(i).padStart(8, '0')}`, '东村', '深松机', '大华', '1S-300', `B${i}`, '2025/05/06', 18_000, 2_100]);
  }
  return Buffer.from((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

export async function run(): Promise<void> {
  const sizes = (process.env.BENCH_LEDGER_ROWS ?? '1000,5000,20000').split(',').map(Number);
  for (const rows of sizes) {
    const dir = mkdtempSync(join(tmpdir(), 'agri-bench-ledger-'));
    const core = openCore(join(dir, 'station.db'), { log: () => undefined });
    try {
      await core.call('settings.setup', { role: 'station', townshipCode: '371525103', login: 'bench', displayName: '站长', password: 'Jizhun-2025!' });
      const bytes = await ledger(rows);
      const gc = global.gc;
      if (!gc) console.log('(no --expose-gc: heap figures include garbage)');
      const live = () => {
        gc?.();
        return process.memoryUsage().heapUsed;
      };
      const mb = (n: number) => (n / 1024 / 1024).toFixed(1);
      const measure = async <T>(what: (job: JobHandle) => Promise<T>) => {
        const base = live();
        const baseRss = process.memoryUsage().rss;
        let peak = base;
        let peakRss = baseRss;
        let steps = 0;
        const job: JobHandle = {
          signal: new AbortController().signal,
          progress: () => {
            steps++;
            peak = Math.max(peak, live());
            peakRss = Math.max(peakRss, process.memoryUsage().rss);
          },
          throwIfCancelled: () => undefined,
          tick: () => new Promise((r) => setImmediate(r)),
        };
        const started = performance.now();
        const result = await what(job);
        const seconds = (performance.now() - started) / 1000;
        // what the finished pass keeps (the per-row results), measured while they are still referenced
        const kept = live() - base;
        return { result, seconds, peak: peak - base, kept, steps, rss: peakRss - baseRss };
      };
      const dry = await measure((job) => previewLedger(core.ctx, { fileName: 'bench.xlsx', bytes }, job));
      console.log(
        `${rows.toLocaleString()} rows (${mb(bytes.length)} MB file): dry run ${dry.seconds.toFixed(1)} s (${Math.round(rows / dry.seconds).toLocaleString()} rows/s, ${dry.steps} progress steps); ` +
          `live heap peak +${mb(dry.peak)} MB (${Math.round(dry.peak / rows)} B/row), RSS peak +${mb(dry.rss)} MB, dry-run result returned ${mb(dry.kept)} MB`,
      );
      const imported = await measure((job) => commitLedger(core.ctx, { fileName: 'bench.xlsx', bytes, includeAttention: true }, job));
      console.log(
        `  import (same pass + one transaction): ${imported.seconds.toFixed(1)} s, ${imported.result.purchasesAdded.toLocaleString()} purchases; live heap peak +${mb(imported.peak)} MB, RSS peak +${mb(imported.rss)} MB`,
      );
      summarize([{ name: `ledger import ${rows.toLocaleString()} rows`, value: { text: `${Math.round(rows / imported.seconds)} rows/s` }, target: '(reported)', pass: null }]);
    } finally {
      core.close();
      rmSync(dir, { recursive: true, force: true });
    }
  }
}
