import type { Database } from 'better-sqlite3';
import type { Input, Method, Output } from '../shared/api/contract';
import { dispatch, type Handlers } from '../shared/api/dispatch';
import type { Result } from '../shared/api/result';
import { runInCall, type CallContext, type SessionRef } from './auth/call-context';
import { guardCall } from './auth/guard';
import { startBackupSchedule } from './backup/schedule';
import { openDatabase, type OpenOptions } from './connection';
import { createContext, type ServiceContext } from './context';
import { sqliteToAppError } from './errors';
import { createHandlers } from './handlers';
import { recordPendingConflicts } from './services/county-import-records';

export interface AppCore {
  ctx: ServiceContext;
  db: Database;
  handlers: Handlers;
  /** Runs one contract method through the dispatcher: what IPC, HTTP and the CLI all call. */
  call<M extends Method>(method: M, input: Input<M>, session?: SessionRef): Promise<Result<Output<M>>>;
  call(method: string, input: unknown, session?: SessionRef): Promise<Result<unknown>>;
  /**
   * The process's own session (CLI, tests, scripts): used when a call names none. Transports that serve
   * people (IPC per window, HTTP per cookie) always pass their own.
   */
  session: SessionRef;
  close(): void;
}

export interface CoreOptions extends OpenOptions {
  now?: () => Date;
  log?: (message: string, error?: unknown) => void;
  /** Automatic backups (at start when stale, hourly after writes): for the long-running app, not scripts or tests. */
  backups?: boolean;
}

/** Opens the database and wires the dispatcher to the services: one per process. */
export function openCore(dbPath: string, options: CoreOptions = {}): AppCore {
  const db = openDatabase(dbPath, options);
  const ctx = createContext(db, dbPath, options.now);
  if (options.nativeBinding) ctx.nativeBinding = options.nativeBinding;
  // a restore swaps the file under the running app: ctx.db is replaced, so everything below reads ctx.db
  ctx.reopen = (swap) => {
    ctx.db.close();
    try {
      swap();
    } finally {
      ctx.db = openDatabase(dbPath, options);
    }
  };
  const handlers = createHandlers(ctx);
  const log = options.log ?? ((message, error) => console.error(`[agri] ${message}`, error));
  // a batch of station-file imports cut short: the conflicts of the stations it merged are looked for now
  try {
    recordPendingConflicts(ctx);
  } catch (error) {
    log('looking for the conflicts of an interrupted import failed', error);
  }
  const ownSession: SessionRef = {};
  const call = (method: string, input: unknown, session: SessionRef = ownSession): Promise<Result<unknown>> => {
    const context: CallContext = { session };
    return runInCall(context, () =>
      dispatch(handlers, method, input, {
        guard: (m, spec) => guardCall(ctx, m, spec, context),
        mapError: sqliteToAppError,
        onInternalError: (m, error) => log(`internal error in ${m}`, error),
      }),
    );
  };
  const stopSchedule = options.backups ? startBackupSchedule(ctx, log) : () => undefined;
  return {
    ctx,
    get db() {
      return ctx.db;
    },
    handlers,
    call: call as AppCore['call'],
    session: ownSession,
    close: () => {
      stopSchedule();
      ctx.db.close();
    },
  };
}
