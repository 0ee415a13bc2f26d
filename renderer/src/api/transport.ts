import { BRIDGE_KEY, type Bridge } from '../../../shared/api/bridge';
import type { Result } from '../../../shared/api/result';

declare global {
  interface Window {
    [BRIDGE_KEY]?: Bridge;
  }
}

/** Browser mode: POST /rpc/:method on the loopback server, with the token it put in the page. */
function httpBridge(): Bridge {
  const token = document.querySelector<HTMLMetaElement>('meta[name="agri-token"]')?.content ?? '';
  return {
    async invoke(method, input) {
      try {
        const response = await fetch(`/rpc/${encodeURIComponent(method)}`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', 'X-Agri-Token': token },
          body: JSON.stringify(input ?? {}),
        });
        return (await response.json()) as Result<unknown>;
      } catch {
        return { ok: false, error: { code: 'INTERNAL', message: '无法连接本机服务，请确认程序仍在运行后刷新页面' } };
      }
    },
    onEvent() {
      return () => undefined;
    },
  };
}

/** The desktop app's preload bridge when present, else the HTTP one: everything above is the same. */
export const bridge: Bridge = window[BRIDGE_KEY] ?? httpBridge();
export const isDesktop = Boolean(window[BRIDGE_KEY]);
