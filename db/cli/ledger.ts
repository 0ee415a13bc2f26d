import { existsSync, readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { asUser, signInCli } from './credentials';
import { openCore } from '../app';
import type { JobHandle } from '../jobs/registry';
import type { BuiltWorkbook } from '../services/export-job';
import { commitLedger, importReport, previewLedger, previewLedgerWithReport } from '../ledger-import/service';

/**
 * `agri import-ledger --db station.db FILE [--sheet 1月 --sheet 2月] [--dry-run] [--report 报告.xlsx]`:
 * the wizard's dry run or import from a script. Progress on stderr; the totals and every row that was not
 * simply created (with its reasons) as JSON on stdout; the report (Excel) written when asked.
 */
export async function importLedgerCommand(
  dbPath: string,
  file: string | undefined,
  opts: { sheets?: string[]; dryRun: boolean; report?: string },
  user: string | undefined,
): Promise<number> {
  if (!file) {
    process.stderr.write('请给出要导入的台账文件（.xlsx 或 .csv）\n');
    return 2;
  }
  if (!existsSync(file)) {
    process.stdout.write(`${JSON.stringify({ ok: false, error: { code: 'NOT_FOUND', message: `文件不存在：${file}` } })}\n`);
    return 1;
  }
  const core = openCore(dbPath);
  let last = -1;
  const job: JobHandle = {
    signal: new AbortController().signal,
    progress: (done, total, phase) => {
      const percent = total ? Math.floor((done / total) * 100) : 0;
      if (percent !== last) process.stderr.write(`\r${phase ?? ''} ${percent}%   `);
      last = percent;
    },
    throwIfCancelled: () => undefined,
    tick: () => new Promise((resolve) => setImmediate(resolve)),
  };
  try {
    const actor = await signInCli(core, user);
    const input = { fileName: basename(file), bytes: readFileSync(file), sheets: opts.sheets?.length ? opts.sheets : undefined };
    const method = opts.dryRun ? 'ledgerImports.preview' : 'ledgerImports.commit';
    const committed = opts.dryRun ? null : await asUser(core, actor, method, () => commitLedger(core.ctx, { ...input, includeAttention: true }, job));
    let dryReport: BuiltWorkbook | null = null;
    const dry = async () => {
      if (!opts.report) return previewLedger(core.ctx, input, job);
      const { preview, report } = await previewLedgerWithReport(core.ctx, input, job);
      dryReport = report;
      return preview;
    };
    const result = committed ?? (await asUser(core, actor, method, dry));
    process.stderr.write('\n');
    if (opts.report) {
      // nothing imported: the report of the same file's dry run says why
      const report = committed?.importId
        ? importReport(core.ctx, committed.importId)
        : (dryReport ?? (await previewLedgerWithReport(core.ctx, input, job)).report);
      await report.wb.xlsx.writeFile(opts.report);
    }
    const { rows, ...summary } = result;
    const data = { ...summary, rows: rows.filter((r) => r.outcome !== 'create') };
    process.stdout.write(`${JSON.stringify({ ok: true, data }, null, 2)}\n`);
    return result.fileErrors.length && !committed?.importId ? 1 : 0;
  } finally {
    core.close();
  }
}
