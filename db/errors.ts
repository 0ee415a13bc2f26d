import { AppError } from '../shared/api/errors';

/**
 * What to tell the user when the disk fails under the data file: what happened and what to do. A failed
 * write is one rolled-back transaction, so "本次内容未保存" is exact, and the next save works once fixed.
 */
export const STORAGE_MESSAGES = {
  readonly: '数据文件所在磁盘为只读，无法保存。请检查U盘写保护或文件权限后重试',
  full: '磁盘空间已满，本次内容未保存。请清理磁盘空间（删除不需要的文件）后重试',
  busy: '数据文件正被其他程序占用，本次内容未保存。请关闭同时打开这个数据文件的其他程序（如另一个本软件窗口），稍后重试',
  moved: '数据文件已被删除或移动，本次内容未保存。请把文件放回原处后重试；如文件已丢失，请在 设置 → 数据备份 中恢复',
  wal: '数据文件的日志文件（-wal/-shm）被其他程序（如杀毒软件）占用，本次内容未保存。请将数据文件夹加入杀毒软件的信任列表后重试',
  io: '读写数据文件时出错，本次内容未保存。请检查磁盘或U盘是否连接正常，然后重试',
  cantopen: '无法打开数据文件或其所在文件夹，本次内容未保存。请检查文件是否还在、文件夹是否可写后重试',
} as const;
export type StorageFailure = keyof typeof STORAGE_MESSAGES;

/** Which storage failure an SQLite (extended) result code means; undefined when it is not one. */
export function storageFailure(code: string): StorageFailure | undefined {
  if (code === 'SQLITE_READONLY_DBMOVED') return 'moved';
  if (code.startsWith('SQLITE_READONLY')) return 'readonly';
  if (code.startsWith('SQLITE_FULL')) return 'full';
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) return 'busy';
  if (code.startsWith('SQLITE_IOERR_SHM') || code === 'SQLITE_IOERR_DELETE' || code === 'SQLITE_IOERR_LOCK') return 'wal';
  if (code.startsWith('SQLITE_IOERR')) return 'io';
  if (code.startsWith('SQLITE_CANTOPEN')) return 'cantopen';
  return undefined;
}

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
  const storage = storageFailure(code);
  if (storage) {
    return new AppError(storage === 'busy' ? 'CONFLICT' : 'INTERNAL', STORAGE_MESSAGES[storage], { details: { sqlite: code, storage } });
  }
  return undefined;
}

/**
 * A file-system failure while writing somewhere else than the live file (a backup folder, a USB stick),
 * named by `place` (e.g. 备份文件夹); anything already an AppError or unknown is returned as it is.
 */
export function fileSystemToAppError(error: unknown, place: string, what = '备份未完成'): unknown {
  if (error instanceof AppError) return error;
  const sqlite = sqliteToAppError(error);
  if (sqlite) return new AppError(sqlite.code, `${place}：${sqlite.message.replace('本次内容未保存', what)}`, { details: sqlite.details });
  const code = (error as { code?: unknown } | null)?.code;
  const say = (storage: StorageFailure, message: string) => new AppError('INTERNAL', message, { details: { fs: code, storage } });
  switch (code) {
    case 'EROFS':
    case 'EACCES':
    case 'EPERM':
      return say('readonly', `${place}为只读或没有写入权限，${what}。请检查U盘写保护或文件夹权限后重试`);
    case 'ENOSPC':
    case 'EDQUOT':
      return say('full', `${place}空间已满，${what}。请清理空间或换一个容量足够的U盘后重试`);
    case 'ENOENT':
    case 'ENOTDIR':
      return say('cantopen', `找不到${place}（U盘可能没有插好或已拔出），${what}。请插好U盘或重新选择文件夹后重试`);
    case 'EBUSY':
      return say('busy', `${place}中的文件正被其他程序占用，${what}。请关闭占用它的程序后重试`);
    case 'EIO':
      return say('io', `${place}读写出错，${what}。请检查U盘或网络共享是否连接正常后重试`);
    default:
      return error;
  }
}
