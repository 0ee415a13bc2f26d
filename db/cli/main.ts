import { parseArgs } from 'node:util';
import { openCore } from '../app';
import { resolveDbPath } from '../paths';
import { TOWNSHIPS } from '../../shared/domain/townships';
import { contract, isMethod } from '../../shared/api/contract';
import { CliError, readPassword, signInCli } from './credentials';
import { backupCommand, backupsCommand, restoreCommand } from './backup';
import { exportLedgerCommand } from './export-ledger';
import { serve } from './serve';
import { importLedgerCommand } from './ledger';
import { exportStationCommand, importStationsCommand } from './transfer';
import { exportPackageCommand, importPackageCommand } from './package';
import { upgradeWithLines } from '../upgrade/cli';

const USAGE = `用法 / usage:
  agri call <method> ['<json>'] --user <用户名> [--db <file>]
                                                  以该用户身份调用任一接口方法，输出 JSON 结果
  agri init --role station|county [--township <代码或名称>] --admin <用户名> [--name <姓名>] [--db <file>]
                                                  初始化本机并创建第一位管理员（站长/县局管理员）
  agri export-station --out <目录> --user <用户名> [--db <file>]
                                                  乡镇站：导出上报文件（冠县-乡镇-日期.agri）
  agri import-stations [--accept-partial] [--trust-new] [--accept-rewritten-history] --user <用户名> [--db <file>] <文件>…
                                                  县局：导入一个或多个乡镇站上报文件并合并；--trust-new 登记
                                                  首次出现的站点签名密钥（打印其指纹，请与各站核对）
  agri export-package --out <文件> --user <用户名> [--db <file>]
                                                  县局：导出县局下发包（目录、目标、日历、设置、全县农机号码）
  agri import-package [--fingerprint <县局密钥指纹>] --user <用户名> [--db <file>] <文件>
                                                  乡镇站：导入县局下发包；首次导入须用 --fingerprint 确认县局密钥指纹
  agri backup [--to <目录>] --user <用户名> [--db <file>] 立即备份（校验后保存在数据文件旁的 *-backups 文件夹）；
                                                  --to：同时把加密副本写到该目录（需已设置备份密码）
  agri backups --user <用户名> [--db <file>] 列出备份及其校验情况
  agri restore --user <用户名> [--db <file>] <备份文件> 恢复备份（先备份当前文件；加密备份的密码取自
                                                  环境变量 AGRI_BACKUP_PASSWORD 或标准输入）
  agri import-ledger [--sheet <工作表>]… [--dry-run] [--report <报告.xlsx>] --user <用户名> [--db <file>] <台账文件>
                                                  乡镇站：导入原有的 Excel 台账（--dry-run 只检查不导入）
  agri export-ledger purchases|scraps --out <文件.xlsx> ['<筛选 JSON>'] --user <用户名> [--db <file>]
                                                  导出购置补贴台账 / 报废农机台账（任意大小，边读边写）
  agri methods                                     列出全部接口方法
  agri serve [--db <file>] [--port <n>] [--static <dir>] [--no-open]
                                                  浏览器模式：在 127.0.0.1 上提供应用页面并打开默认浏览器
                                                  （--no-open 或环境变量 AGRI_NO_BROWSER=1：不打开）
数据文件 / data file: --db，或环境变量 AGRI_DB / AGRI_DATA_DIR，默认在系统用户数据目录。
密码 / password: 环境变量 AGRI_PASSWORD 或标准输入（从不作为命令行参数）。`;

function print(value: unknown) {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

/** Accepts a township's division code or its name (柳林镇). */
function townshipCode(value: string | undefined): string | undefined {
  if (!value) return undefined;
  return TOWNSHIPS.find((t) => t.code === value || t.name === value)?.code ?? value;
}

async function runCall(dbPath: string, method: string | undefined, json: string | undefined, user: string | undefined): Promise<number> {
  if (!method) {
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }
  let input: unknown;
  try {
    input = json === undefined ? undefined : JSON.parse(json);
  } catch {
    print({ ok: false, error: { code: 'VALIDATION', message: '参数不是有效的 JSON' } });
    return 1;
  }
  const core = openCore(dbPath);
  try {
    // public methods (settings.get, auth.session) need no account; everything else runs as --user
    if (!isMethod(method) || contract[method].allow !== 'public') await signInCli(core, user);
    const result = await core.call(method, input);
    print(result);
    return result.ok ? 0 : 1;
  } finally {
    core.close();
  }
}

export async function main(argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        db: { type: 'string' },
        role: { type: 'string' },
        township: { type: 'string' },
        admin: { type: 'string' },
        name: { type: 'string' },
        user: { type: 'string' },
        port: { type: 'string' },
        static: { type: 'string' },
        'no-open': { type: 'boolean' },
        out: { type: 'string' },
        to: { type: 'string' },
        'accept-partial': { type: 'boolean' },
        'trust-new': { type: 'boolean' },
        'accept-rewritten-history': { type: 'boolean' },
        sheet: { type: 'string', multiple: true },
        'dry-run': { type: 'boolean' },
        report: { type: 'string' },
        fingerprint: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n${USAGE}\n`);
    return 2;
  }
  const { values, positionals } = parsed;
  const [command, ...rest] = positionals;
  if (values.help || !command) {
    process.stdout.write(`${USAGE}\n`);
    return command ? 0 : 2;
  }
  try {
    const dbPath = resolveDbPath(values.db);
    if (command !== 'serve' && command !== 'methods') await upgradeWithLines(dbPath);
    switch (command) {
      case 'call':
        return await runCall(dbPath, rest[0], rest[1], values.user);
      case 'init': {
        if (!values.admin) throw new CliError('请用 --admin 指定第一位管理员的用户名（密码通过环境变量 AGRI_PASSWORD 或标准输入提供）');
        const password = await readPassword();
        return await runCall(
          dbPath,
          'settings.setup',
          JSON.stringify({
            role: values.role,
            townshipCode: townshipCode(values.township),
            login: values.admin,
            displayName: values.name ?? values.admin,
            password,
          }),
          undefined,
        );
      }
      case 'methods': {
        const { METHODS } = await import('../../shared/api/contract');
        process.stdout.write(`${METHODS.join('\n')}\n`);
        return 0;
      }
      case 'export-station':
        if (!values.out) {
          process.stderr.write('请用 --out 指定保存目录\n');
          return 2;
        }
        return await exportStationCommand(dbPath, values.out, values.user);
      case 'export-package':
        if (!values.out) {
          process.stderr.write('请用 --out 指定保存的下发包文件\n');
          return 2;
        }
        return await exportPackageCommand(dbPath, values.out, values.user);
      case 'import-package':
        return await importPackageCommand(dbPath, rest[0], values.fingerprint, values.user);
      case 'export-ledger':
        if (!values.out) {
          process.stderr.write('请用 --out 指定保存的 Excel 文件\n');
          return 2;
        }
        return await exportLedgerCommand(dbPath, rest[0], values.out, rest[1], values.user);
      case 'import-stations':
        return await importStationsCommand(
          dbPath,
          rest,
          {
            acceptPartial: Boolean(values['accept-partial']),
            trustNew: Boolean(values['trust-new']),
            acceptRewrittenHistory: Boolean(values['accept-rewritten-history']),
          },
          values.user,
        );
      case 'backup':
        return await backupCommand(dbPath, values.to, values.user);
      case 'backups':
        return await backupsCommand(dbPath, values.user);
      case 'restore':
        return await restoreCommand(dbPath, rest[0], values.user);
      case 'import-ledger':
        return await importLedgerCommand(
          dbPath,
          rest[0],
          { sheets: values.sheet, dryRun: Boolean(values['dry-run']), report: values.report },
          values.user,
        );
      case 'serve':
        return await serve({
          dbPath,
          port: values.port ? Number(values.port) : undefined,
          staticDir: values.static,
          noOpen: Boolean(values['no-open']),
        });
      default:
        process.stderr.write(`未知命令：${command}\n${USAGE}\n`);
        return 2;
    }
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    print({ ok: false, error: { code: (error as { code?: string }).code ?? 'INTERNAL', message } });
    return 1;
  }
}
