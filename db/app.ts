import type { Database } from 'better-sqlite3';
import type { Input, Method, Output } from '../shared/api/contract';
import { dispatch, type Handlers } from '../shared/api/dispatch';
import { ROLE_INSTALLATION } from '../shared/api/access';
import { AppError } from '../shared/api/errors';
import type { Result } from '../shared/api/result';
import { startBackupSchedule } from './backup/schedule';
import { openDatabase, type OpenOptions } from './connection';
import { createContext, type ServiceContext } from './context';
import { sqliteToAppError } from './errors';
import { createHandlers } from './handlers';
import { getInstallation } from './repositories/installation';

export interface AppCore {
  ctx: ServiceContext;
  db: Database;
  handlers: Handlers;
  /** Runs one contract method through the dispatcher: what IPC, HTTP and the CLI all call. */
  call<M extends Method>(method: M, input: Input<M>): Promise<Result<Output<M>>>;
  call(method: string, input: unknown): Promise<Result<unknown>>;
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
  const call = (method: string, input: unknown): Promise<Result<unknown>> =>
    dispatch(handlers, method, input, {
      guard: (_method, spec) => {
        if (spec.needsSetup === false) return;
        const installation = getInstallation(ctx.db);
        if (!installation) throw new AppError('FORBIDDEN', '本机尚未完成初始设置，请先选择站点并填写操作员');
        if (spec.allow !== 'public' && !spec.allow.some((r) => ROLE_INSTALLATION[r] === installation.role)) {
          throw new AppError('FORBIDDEN', installation.role === 'county' ? '该功能只在乡镇农机站使用' : '该功能只在县农业农村局使用');
        }
      },
      mapError: sqliteToAppError,
      onInternalError: (m, error) => log(`internal error in ${m}`, error),
    });
  const stopSchedule = options.backups ? startBackupSchedule(ctx, log) : () => undefined;
  return {
    ctx,
    get db() {
      return ctx.db;
    },
    handlers,
    call: call as AppCore['call'],
    close: () => {
      stopSchedule();
      ctx.db.close();
    },
  };
}
