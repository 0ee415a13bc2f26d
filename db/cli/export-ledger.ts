import { asUser, signInCli } from './credentials';
import { renameSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { ledgerExportInput } from '../../shared/schemas/machines';
import { openCore } from '../app';
import { writeLedgerFile, type LedgerKindName } from '../services/ledger-export';

const KINDS: Record<string, LedgerKindName> = { purchases: 'purchases', scraps: 'scraps' };

/**
 * `agri export-ledger purchases|scraps --out FILE.xlsx ['<filter json>']`: the ledger (台账) as the UI's
 * 导出 Excel writes it, streamed straight to FILE with progress on stderr (any size, constant memory).
 */
export async function exportLedgerCommand(
  dbPath: string,
  kind: string | undefined,
  out: string,
  json: string | undefined,
  user: string | undefined,
): Promise<number> {
  const k = kind ? KINDS[kind] : undefined;
  if (!k) {
    process.stderr.write('请指定 purchases（购置补贴台账）或 scraps（报废农机台账）\n');
    return 2;
  }
  let raw: unknown = {};
  try {
    raw = json === undefined ? {} : JSON.parse(json);
  } catch {
    process.stderr.write('筛选条件不是有效的 JSON\n');
    return 2;
  }
  const filter = ledgerExportInput.safeParse(raw);
  if (!filter.success) {
    process.stderr.write(`筛选条件有误：${filter.error.issues[0]?.message ?? ''}\n`);
    return 2;
  }
  const core = openCore(dbPath);
  const path = resolve(out);
  const partial = `${path}.part`;
  let last = 0;
  try {
    const actor = await signInCli(core, user);
    const method = kind === 'scraps' ? 'scraps.exportXlsx' : 'purchases.exportXlsx';
    const result = await asUser(core, actor, method, () => writeLedgerFile(core.ctx, k, filter.data, partial, {
      progress: (done, total) => {
        const now = Date.now();
        if (now - last < 1000 && done !== total) return;
        last = now;
        process.stderr.write(`正在导出 ${done.toLocaleString('zh-CN')} / ${(total ?? 0).toLocaleString('zh-CN')} 条\n`);
      },
      tick: () => Promise.resolve(),
    }));
    renameSync(partial, path);
    process.stdout.write(`${JSON.stringify({ ok: true, data: { path, fileName: result.fileName, rowCount: result.rowCount } }, null, 2)}\n`);
    return 0;
  } catch (error) {
    rmSync(partial, { force: true });
    throw error;
  } finally {
    core.close();
  }
}
