import { BrowserWindow, ipcMain, type IpcMainInvokeEvent, type WebContents } from 'electron';
import type { AppCore } from '../../db/app';
import type { SessionRef } from '../../db/auth/call-context';
import { IPC_CHANNEL, IPC_EVENT_CHANNEL } from '../../shared/api/bridge';
import type { Result } from '../../shared/api/result';
import { isDesktopMethod } from '../../shared/api/desktop';
import { handleDesktop } from './printing';
import { isAppUrl } from './protocol';

const forbidden = (message: string): Result<never> => ({ ok: false, error: { code: 'FORBIDDEN', message } });

/** Only a frame showing the app's own page may call: never a navigated-away, foreign or destroyed frame. */
function senderAllowed(event: IpcMainInvokeEvent): boolean {
  const frame = event.senderFrame;
  return frame !== null && !frame.isDestroyed() && isAppUrl(frame.url);
}

/**
 * Each window's session lives here in the main process (the renderer never holds a token or a password
 * hash); it ends when the window goes away.
 */
const sessions = new Map<number, SessionRef>();

function sessionOf(core: AppCore, contents: WebContents): SessionRef {
  let ref = sessions.get(contents.id);
  if (!ref) {
    const created: SessionRef = { idleLock: true };
    sessions.set(contents.id, created);
    contents.once('destroyed', () => {
      core.ctx.sessions.end(created.token);
      sessions.delete(contents.id);
    });
    ref = created;
  }
  return ref;
}

/** Binds the one RPC channel to the dispatcher. Returns a function that unbinds it. */
export function registerIpc(core: AppCore): () => void {
  ipcMain.handle(IPC_CHANNEL, async (event, method: unknown, input: unknown): Promise<Result<unknown>> => {
    if (!senderAllowed(event)) {
      console.warn(`[agri] rejected IPC call from ${event.senderFrame?.url ?? '(no frame)'}`);
      return forbidden('拒绝访问：调用不是来自本程序的页面');
    }
    if (typeof method !== 'string') return { ok: false, error: { code: 'VALIDATION', message: '接口名称必须是字符串' } };
    if (isDesktopMethod(method)) return handleDesktop(method, input, event.sender);
    try {
      return await core.call(method, input, sessionOf(core, event.sender));
    } catch (error) {
      // dispatch never throws; this is the last guard so the renderer always gets a Result.
      console.error(`[agri] IPC ${method} failed`, error);
      return { ok: false, error: { code: 'INTERNAL', message: '系统内部错误，请重试；如仍失败请联系技术人员' } };
    }
  });
  return () => ipcMain.removeHandler(IPC_CHANNEL);
}

/** Pushes a main-process event (e.g. progress of a long job) to every window showing the app. */
export function sendEvent(name: string, payload: unknown): void {
  for (const window of BrowserWindow.getAllWindows()) {
    const contents = window.webContents;
    if (window.isDestroyed() || contents.isDestroyed() || !isAppUrl(contents.getURL())) continue;
    contents.send(IPC_EVENT_CHANNEL, name, payload);
  }
}
