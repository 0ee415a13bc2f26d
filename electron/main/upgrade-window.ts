import { BrowserWindow, dialog } from 'electron';
import { APPLY_STATUS_JS, upgradePageHtml } from '../../db/upgrade/page';
import type { UpgradeStatus } from '../../db/upgrade/status';
import { pendingUpgrade, startUpgrade } from '../../db/upgrade/upgrade';
import { nativeBinding } from './locations';
import { WINDOW_TITLE } from './window';

/**
 * Before the app opens an older data file: a small window shows the upgrade (the same page and drawing
 * code as browser mode; statuses are pushed in) while a worker thread migrates, so the window stays alive.
 * True when the file is ready to open; false after a failure has been explained (the caller quits).
 */
export async function upgradeBeforeOpening(file: string): Promise<boolean> {
  const binding = nativeBinding();
  const pending = pendingUpgrade(file, { nativeBinding: binding });
  if (!pending) return true;
  const window = new BrowserWindow({
    title: `${WINDOW_TITLE} - 正在升级数据库`,
    width: 760,
    height: 520,
    resizable: false,
    minimizable: true,
    maximizable: false,
    backgroundColor: '#f5f7fa',
    webPreferences: { contextIsolation: true, sandbox: true, nodeIntegration: false, devTools: false, spellcheck: false },
  });
  let running = true;
  // closing mid-upgrade would only end the app with the migration rolled back: ask to wait instead
  window.on('close', (event) => {
    if (!running) return;
    event.preventDefault();
    void dialog.showMessageBox(window, {
      type: 'warning',
      title: WINDOW_TITLE,
      message: '数据库正在升级，请勿关闭',
      detail: '升级完成后会自动进入系统。',
    });
  });
  let latest: UpgradeStatus | undefined;
  let loaded = false;
  const push = (status: UpgradeStatus) => {
    latest = status;
    if (loaded && !window.isDestroyed())
      void window.webContents.executeJavaScript(`(${APPLY_STATUS_JS})(${JSON.stringify(status)})`).catch(() => undefined);
  };
  const technical = (error: unknown) => {
    const said = (error as { details?: { technical?: unknown } } | null)?.details?.technical;
    return typeof said === 'string' ? `\n技术信息（供技术人员）：${said}` : '';
  };
  const run = startUpgrade(file, pending, { nativeBinding: binding, onStatus: push });
  await window.loadURL(`data:text/html;charset=utf-8,${encodeURIComponent(upgradePageHtml())}`);
  loaded = true;
  push(latest ?? run.status());
  // the elapsed time moves even while one long step runs
  const ticker = setInterval(() => push(run.status()), 1000);
  try {
    await run.finished;
    return true;
  } catch (error) {
    push(run.status());
    console.error(`[agri] upgrade of ${file} failed`, error);
    await dialog.showMessageBox(window, {
      type: 'error',
      title: '数据库升级失败',
      message: '数据库升级失败',
      detail: `${error instanceof Error ? error.message : String(error)}\n\n数据文件：${file}${technical(error)}`,
    });
    return false;
  } finally {
    clearInterval(ticker);
    running = false;
    if (!window.isDestroyed()) window.destroy();
  }
}
