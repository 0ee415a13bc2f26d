import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { openCore, type AppCore } from '../app';
import { startWebServer } from '../http/server';
import { startUpgradeWithLines } from '../upgrade/cli';
import { openBrowser, shouldOpenBrowser } from './open-browser';

export const DEFAULT_STATIC_DIR = fileURLToPath(new URL('../../out/renderer/', import.meta.url));

/** Runs browser mode until interrupted; prints the address (with nothing secret in it) and opens it when it can. */
export async function serve(options: { dbPath: string; port?: number; staticDir?: string; noOpen?: boolean }): Promise<number> {
  const staticDir = options.staticDir ?? DEFAULT_STATIC_DIR;
  if (!existsSync(`${staticDir}/index.html`)) {
    process.stderr.write(`找不到已构建的页面：${staticDir}index.html\n请先运行 npm run build（npm run web 会自动构建）。\n`);
    return 1;
  }
  // a file that needs migrating is upgraded in a worker while the server already shows the upgrade screen
  const upgrading = startUpgradeWithLines(options.dbPath);
  let core: AppCore | undefined = upgrading ? undefined : openCore(options.dbPath, { backups: true });
  const web = await startWebServer({ core: { core: () => core, upgrade: () => upgrading?.run.status() }, staticDir, port: options.port });
  const stopped = new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  if (shouldOpenBrowser(process.env, process.platform, options.noOpen)) openBrowser(web.url);
  process.stdout.write(
    `农机更新补贴台账（浏览器模式）已启动。\n在浏览器中打开 ${web.url}\n数据文件：${options.dbPath}\n按 Ctrl+C 退出。\n`,
  );
  let failed = false;
  if (upgrading) {
    try {
      await upgrading.run.finished;
      core = openCore(options.dbPath, { backups: true });
    } catch (error) {
      // the page shows the failure until the technician has read it
      failed = true;
      process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n按 Ctrl+C 退出。\n`);
    }
  }
  await stopped;
  await web.close();
  core?.close();
  return failed ? 1 : 0;
}
