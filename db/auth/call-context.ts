import { AsyncLocalStorage } from 'node:async_hooks';
import type { UserRole } from '../../shared/api/access';

/** The signed-in user a call runs as: what audit rows, events, prints and exports record. */
export interface Actor {
  userId: string;
  displayName: string;
  role: UserRole;
}

/**
 * Where a transport keeps one window's or browser's session token: the main process per window (desktop),
 * the HttpOnly cookie (browser mode), the process (CLI, tests). Sign-in sets it, sign-out clears it.
 */
export interface SessionRef {
  token?: string;
  /** Lock the session after the installation's idle time (windows and browsers; not the CLI or tests). */
  idleLock?: boolean;
}

export interface CallContext {
  session: SessionRef;
  /** Set by the guard once the session is checked; undefined for public methods without a session. */
  actor?: Actor;
}

const storage = new AsyncLocalStorage<CallContext>();

/** Runs one dispatched call with its session; everything it calls (sync or async) sees the same context. */
export function runInCall<T>(context: CallContext, fn: () => T): T {
  return storage.run(context, fn);
}

export function callContext(): CallContext | undefined {
  return storage.getStore();
}

/** The user the current call runs as, if any (undefined: setup, migration, tests that bypass the dispatcher). */
export function currentActor(): Actor | undefined {
  return storage.getStore()?.actor;
}
