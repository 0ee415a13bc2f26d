import { app, BrowserWindow, dialog } from 'electron';
import { PRELOAD_PATH } from './locations';
import { APP_ENTRY_URL } from './protocol';

export const WINDOW_TITLE = '农机更新补贴台账';

/**
 * The one app window. It loads app://agri/ (see protocol.ts for why not loadFile/file://),
 * runs sandboxed with context isolation, and only the preload's bridge reaches the main process.
 */
export function createMainWindow(): BrowserWindow {
  const window = new BrowserWindow({
    title: WINDOW_TITLE,
    width: 1366,
    height: 860,
    minWidth: 1024,
    minHeight: 680,
    show: false,
    backgroundColor: '#ffffff',
    webPreferences: {
      preload: PRELOAD_PATH,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      // A packaged build has no developer tools at all; the 视图 menu offers them only in development.
      devTools: !app.isPackaged,
    },
  });

  // Keep the product name in the title bar whatever <title> the current screen sets.
  window.on('page-title-updated', (event) => event.preventDefault());
  window.once('ready-to-show', () => window.show());

  window.webContents.on('did-fail-load', (_event, code, description, url, isMainFrame) => {
    if (!isMainFrame) return;
    console.error(`[agri] page failed to load (${code} ${description}): ${url}`);
    if (!window.isVisible()) window.show();
    void dialog.showMessageBox(window, {
      type: 'error',
      title: WINDOW_TITLE,
      message: '页面加载失败',
      detail: `${description}（${code}）\n请重新构建（npm run build）或重新安装本软件。`,
    });
  });
  window.webContents.on('render-process-gone', (_event, details) => {
    console.error(`[agri] renderer gone: ${details.reason} (${details.exitCode})`);
  });

  void window.loadURL(APP_ENTRY_URL);
  return window;
}
