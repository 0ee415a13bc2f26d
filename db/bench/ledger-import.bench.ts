import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { residentIdCheckChar } from '../../shared/domain/idcard';
import { openCore } from '../app';
import type { JobHandle } from '../jobs/registry';
import { previewLedger } from '../ledger-import/service';

export const name = 'ledger-import';
export const description = '台账导入: dry run of generated ledgers of growing size: the workbook is streamed, so heap grows only with the per-row results (compare sizes)';

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
      global.gc?.();
      const base = process.memoryUsage().heapUsed;
      let peak = base;
      const job: JobHandle = {
        signal: new AbortController().signal,
        progress: () => {
          peak = Math.max(peak, process.memoryUsage().heapUsed);
        },
        throwIfCancelled: () => undefined,
        tick: () => new Promise((r) => setImmediate(r)),
      };
      const started = performance.now();
      const p = await previewLedger(core.ctx, { fileName: 'bench.xlsx', bytes }, job);
      const seconds = (performance.now() - started) / 1000;
      const mb = (n: number) => (n / 1024 / 1024).toFixed(1);
      console.log(
        `${rows.toLocaleString()} rows (${mb(bytes.length)} MB file): dry run ${seconds.toFixed(1)} s, ${Math.round(rows / seconds).toLocaleString()} rows/s; ` +
          `heap peak +${mb(peak - base)} MB while reading (${p.totals.create.toLocaleString()} to create)`,
      );
    } finally {
      core.close();
      rmSync(dir, { recursive: true, force: true });
    }
  }
}
