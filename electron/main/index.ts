import { app, session, type BrowserWindow } from 'electron';
import type { AppCore } from '../../db/app';
import { openCoreOrExplain } from './database';
import { registerIpc } from './ipc';
import { dbPath, RENDERER_DIR, setupUserData } from './locations';
import { installMenu } from './menu';
import { handleAppScheme, registerAppScheme } from './protocol';
import { hardenApp, hardenSession } from './security';
import { upgradeBeforeOpening } from './upgrade-window';
import { createMainWindow } from './window';

// Before 'ready': the data folder (also the instance lock's key), the app:// scheme, sandbox everywhere.
setupUserData();
registerAppScheme();
app.enableSandbox();
hardenApp();

let core: AppCore | undefined;
let mainWindow: BrowserWindow | undefined;

function closeCore(): void {
  const open = core;
  core = undefined;
  try {
    open?.close();
  } catch (error) {
    console.error('[agri] error closing the database', error);
  }
}

function showMainWindow(): void {
  if (!mainWindow || mainWindow.isDestroyed()) {
    mainWindow = createMainWindow();
    return;
  }
  if (mainWindow.isMinimized()) mainWindow.restore();
  mainWindow.show();
  mainWindow.focus();
}

async function start(): Promise<void> {
  await app.whenReady();
  const file = dbPath();
  if (!(await upgradeBeforeOpening(file))) {
    app.exit(1);
    return;
  }
  core = openCoreOrExplain(file);
  if (!core) {
    app.exit(1);
    return;
  }
  hardenSession(session.defaultSession);
  handleAppScheme(RENDERER_DIR);
  registerIpc(core);
  installMenu(file);
  showMainWindow();
  app.on('activate', showMainWindow);
}

// One copy per data folder: a second launch just brings the first window forward.
if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    if (app.isReady() && core) showMainWindow();
  });
  app.on('window-all-closed', () => app.quit());
  app.on('will-quit', closeCore);
  start().catch((error: unknown) => {
    console.error('[agri] start-up failed', error);
    closeCore();
    app.exit(1);
  });
}
