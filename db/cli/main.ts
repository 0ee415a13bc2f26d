import { parseArgs } from 'node:util';
import { openCore } from '../app';
import { resolveDbPath } from '../paths';
import { TOWNSHIPS } from '../../shared/domain/townships';
import { exportLedgerCommand } from './export-ledger';
import { serve } from './serve';
import { exportStationCommand, importStationsCommand } from './transfer';

const USAGE = `用法 / usage:
  agri call <method> ['<json>'] [--db <file>]      调用任一接口方法，输出 JSON 结果
  agri init --role station|county [--township <代码或名称>] --operator <姓名> [--db <file>]
                                                  初始化本机（乡镇农机站或县农业农村局）
  agri export-station --out <目录> [--db <file>]   乡镇站：导出上报文件（冠县-乡镇-日期.agri）
  agri export-ledger purchases|scraps --out <文件.xlsx> ['<筛选 JSON>'] [--db <file>]
                                                  导出购置补贴台账 / 报废农机台账（任意大小，边读边写）
  agri import-stations [--accept-partial] [--db <file>] <文件>…
                                                  县局：导入一个或多个乡镇站上报文件并合并
  agri methods                                     列出全部接口方法
  agri serve [--db <file>] [--port <n>] [--static <dir>]
                                                  浏览器模式：在 127.0.0.1 上提供应用页面
数据文件 / data file: --db，或环境变量 AGRI_DB / AGRI_DATA_DIR，默认在系统用户数据目录。`;

function print(value: unknown) {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

/** Accepts a township's division code or its name (柳林镇). */
function townshipCode(value: string | undefined): string | undefined {
  if (!value) return undefined;
  return TOWNSHIPS.find((t) => t.code === value || t.name === value)?.code ?? value;
}

async function runCall(dbPath: string, method: string | undefined, json: string | undefined): Promise<number> {
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
        operator: { type: 'string' },
        port: { type: 'string' },
        static: { type: 'string' },
        out: { type: 'string' },
        'accept-partial': { type: 'boolean' },
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
    switch (command) {
      case 'call':
        return await runCall(dbPath, rest[0], rest[1]);
      case 'init':
        return await runCall(
          dbPath,
          'settings.setup',
          JSON.stringify({ role: values.role, townshipCode: townshipCode(values.township), operator: values.operator }),
        );
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
        return exportStationCommand(dbPath, values.out);
      case 'export-ledger':
        if (!values.out) {
          process.stderr.write('请用 --out 指定保存的 Excel 文件\n');
          return 2;
        }
        return await exportLedgerCommand(dbPath, rest[0], values.out, rest[1]);
      case 'import-stations':
        return importStationsCommand(dbPath, rest, Boolean(values['accept-partial']));
      case 'serve':
        return await serve({ dbPath, port: values.port ? Number(values.port) : undefined, staticDir: values.static });
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
