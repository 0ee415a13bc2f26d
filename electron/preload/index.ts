/*
 * Sandboxed preload (bundled to CommonJS: out/preload/index.cjs). Exposes exactly one object,
 * window.agriBridge = { invoke, onEvent }; ipcRenderer itself never reaches the page.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { BRIDGE_KEY, IPC_CHANNEL, IPC_EVENT_CHANNEL, type Bridge } from '../../shared/api/bridge';
import type { Result } from '../../shared/api/result';

const METHOD_PATTERN = /^[a-z]+(\.[A-Za-z]+)+$/;
const EVENT_PATTERN = /^[A-Za-z][A-Za-z0-9.:_-]{0,63}$/;

const rejected = (message: string): Result<never> => ({ ok: false, error: { code: 'VALIDATION', message } });

const bridge: Bridge = {
  async invoke(method: string, input: unknown): Promise<Result<unknown>> {
    if (typeof method !== 'string' || method.length > 100 || !METHOD_PATTERN.test(method)) {
      return rejected('接口名称无效');
    }
    try {
      return (await ipcRenderer.invoke(IPC_CHANNEL, method, input)) as Result<unknown>;
    } catch {
      // e.g. input that cannot be structured-cloned (functions, DOM nodes).
      return rejected('请求内容无法发送（包含不可传送的数据）');
    }
  },

  onEvent(name: string, callback: (payload: unknown) => void): () => void {
    if (typeof name !== 'string' || !EVENT_PATTERN.test(name)) throw new TypeError('onEvent: invalid event name');
    if (typeof callback !== 'function') throw new TypeError('onEvent: callback must be a function');
    // The IPC event object (which holds ipcRenderer as `sender`) is never passed to the page.
    const listener = (_event: IpcRendererEvent, eventName: unknown, payload: unknown) => {
      if (eventName === name) callback(payload);
    };
    ipcRenderer.on(IPC_EVENT_CHANNEL, listener);
    let active = true;
    return () => {
      if (!active) return;
      active = false;
      ipcRenderer.removeListener(IPC_EVENT_CHANNEL, listener);
    };
  },
};

contextBridge.exposeInMainWorld(BRIDGE_KEY, bridge);
