import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AppCore } from '../app';
import { upgradePageHtml, UPGRADE_SCRIPT } from '../upgrade/page';
import { doneStatus, startingStatus, type UpgradeStatus } from '../upgrade/status';
import { SECURITY_HEADERS } from './security';

/** Browser mode while the data file is upgraded at start-up: the server is up before the core is open. */
export interface Starting {
  /** The core once the file is upgraded and open. */
  core(): AppCore | undefined;
  /** The start-up upgrade's status, when there is one. */
  upgrade(): UpgradeStatus | undefined;
}

const NO_STORE = { 'Cache-Control': 'no-store' };

function send(res: ServerResponse, status: number, body: string, type: string) {
  res.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': type, ...NO_STORE });
  res.end(body);
}

/**
 * Answers the upgrade's own requests (its status and script, always) and, until the core is open, every
 * other one: pages get the upgrade screen, calls a Chinese "please wait". True when it answered.
 */
export function sendUpgrade(
  options: AppCore | Starting,
  core: AppCore | undefined,
  pathname: string,
  req: IncomingMessage,
  res: ServerResponse,
): boolean {
  const status = 'call' in options ? undefined : options.upgrade();
  if (pathname === '/upgrade/status') {
    // done once the core is open; until then what the worker last said (the page reloads on done)
    const answer: UpgradeStatus | undefined = core ? doneStatus(status ?? startingStatus(0, 0), status?.elapsedMs ?? 0) : status;
    if (!answer) send(res, 404, JSON.stringify({ state: 'none' }), 'application/json; charset=utf-8');
    else send(res, 200, JSON.stringify(answer), 'application/json; charset=utf-8');
    return true;
  }
  if (pathname === '/upgrade.js') {
    send(res, 200, UPGRADE_SCRIPT, 'text/javascript; charset=utf-8');
    return true;
  }
  if (core) return false;
  if (pathname.startsWith('/rpc/')) {
    send(
      res,
      503,
      JSON.stringify({ ok: false, error: { code: 'INTERNAL', message: '数据库正在升级，请稍候再试' } }),
      'application/json; charset=utf-8',
    );
  } else if (req.method === 'GET' || req.method === 'HEAD') {
    send(res, 200, upgradePageHtml('/upgrade.js'), 'text/html; charset=utf-8');
  } else {
    send(res, 503, '数据库正在升级，请稍候再试', 'text/plain; charset=utf-8');
  }
  return true;
}
