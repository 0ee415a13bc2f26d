import { AppError } from '../shared/api/errors';

/** Maps SQLite's own failures onto the contract's error codes; undefined for anything else. */
export function sqliteToAppError(error: unknown): AppError | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code !== 'string' || !code.startsWith('SQLITE_')) return undefined;
  if (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB') {
    return new AppError('DB_CORRUPT', undefined, { details: { sqlite: code } });
  }
  if (code.startsWith('SQLITE_CONSTRAINT_UNIQUE') || code.startsWith('SQLITE_CONSTRAINT_PRIMARYKEY')) {
    return new AppError('CONFLICT', '与已有记录重复，未保存', { details: { sqlite: code } });
  }
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) {
    return new AppError('CONFLICT', '数据库正被其他程序使用，请稍后重试', { details: { sqlite: code } });
  }
  if (code.startsWith('SQLITE_FULL') || code.startsWith('SQLITE_IOERR')) {
    return new AppError('INTERNAL', '磁盘已满或无法写入，数据未保存，请检查存储空间', { details: { sqlite: code } });
  }
  return undefined;
}
