import { dialog } from 'electron';
import { openCore, type AppCore } from '../../db/app';
import { AppError } from '../../shared/api/errors';
import { nativeBinding } from './locations';

/** A Chinese explanation of why the data file could not be opened (AppError messages are Chinese already). */
export function describeOpenError(error: unknown): string {
  if (error instanceof AppError) return error.message;
  const text = error instanceof Error ? error.message : String(error);
  const code = (error as { code?: unknown } | null)?.code;
  if (code === 'ERR_DLOPEN_FAILED' || /NODE_MODULE_VERSION|better_sqlite3\.node|compiled against a different Node\.js version/i.test(text)) {
    return `数据库组件（better-sqlite3）与当前 Electron 版本不匹配。\n开发环境请运行 npm run rebuild:electron 后重试；安装版请重新安装本软件。\n\n${text}`;
  }
  if (/EACCES|EPERM|EROFS/.test(text)) return `没有权限读写数据文件所在的文件夹，请检查文件夹权限或换一个位置。\n\n${text}`;
  if (/SQLITE_BUSY|database is locked/i.test(text)) return `数据文件正被其他程序占用，请关闭其他正在使用它的程序后重试。\n\n${text}`;
  return `打开数据文件时出错。\n\n${text}`;
}

/** Opens the core, or shows a Chinese error box and returns undefined (the caller quits). */
export function openCoreOrExplain(dbPath: string): AppCore | undefined {
  try {
    return openCore(dbPath, {
      nativeBinding: nativeBinding(),
      backups: true,
      log: (message, error) => console.error(`[agri] ${message}`, error),
    });
  } catch (error) {
    console.error(`[agri] cannot open ${dbPath}`, error);
    dialog.showErrorBox('无法打开数据文件', `${describeOpenError(error)}\n\n数据文件：${dbPath}`);
    return undefined;
  }
}
