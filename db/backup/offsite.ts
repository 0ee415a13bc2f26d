import { existsSync, readFileSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { AppError } from '../../shared/api/errors';
import { fileSystemToAppError } from '../errors';
import type { JobHandle } from '../jobs/registry';
import type { ServiceContext } from '../context';
import type { MadeBackup } from './create';
import { decryptFile, encryptFile } from './crypto';
import { backupName, ensureDir, fsyncDir, localBackupDir, removeQuietly, writeFileAtomic } from './files';
import { periodKey, rotate } from './rotate';
import { getOffsiteDir, getStoredKey } from './settings';

/** The removable copy counts as stale after this long (the home-screen warning). */
export const OFFSITE_STALE_DAYS = 7;
const PLACE = '异地备份文件夹';

/** When the offsite folder last received a copy: kept on this PC beside the local backups, not in the data file. */
const offsiteState = z.object({ lastCopyAt: z.string(), dir: z.string(), file: z.string() });
export type OffsiteState = z.infer<typeof offsiteState>;
const statePath = (dbPath: string) => join(localBackupDir(dbPath), 'offsite.json');

export function readOffsiteState(dbPath: string): OffsiteState | null {
  try {
    const parsed = offsiteState.safeParse(JSON.parse(readFileSync(statePath(dbPath), 'utf8')));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** Whether today's (China time) copy is still to be written. */
export function offsiteDue(ctx: ServiceContext): boolean {
  const dir = getOffsiteDir(ctx);
  if (!dir || !getStoredKey(ctx)) return false;
  const state = readOffsiteState(ctx.dbPath);
  if (!state || state.dir !== dir) return true;
  return periodKey(new Date(state.lastCopyAt), 'daily') !== periodKey(ctx.now(), 'daily');
}

/** The home-screen warning, or null when the removable copy is set up and recent. */
export function offsiteWarning(ctx: ServiceContext): string | null {
  const dir = getOffsiteDir(ctx);
  if (!dir || !getStoredKey(ctx)) {
    return '尚未设置U盘（或网络共享）备份：电脑硬盘损坏时数据可能全部丢失。请站长在 设置 → 数据备份 中设置备份文件夹和备份密码';
  }
  const state = readOffsiteState(ctx.dbPath);
  const last = state && state.dir === dir ? new Date(state.lastCopyAt) : null;
  const days = last ? Math.floor((ctx.now().getTime() - last.getTime()) / 86_400_000) : null;
  if (days !== null && days < OFFSITE_STALE_DAYS) return null;
  const since = last ? `已有 ${days} 天没有更新（上次 ${periodKey(last, 'daily')}）` : '还没有收到过备份';
  return `U盘（异地）备份${since}。请插入备份U盘，在 设置 → 数据备份 中点“立即备份”并勾选“同时写入U盘”`;
}

/**
 * Writes the encrypted copy of a finished local backup to the offsite folder, reads it back to check it
 * decrypts to exactly the backup (USB sticks fail quietly), then renames it into place and rotates.
 */
export async function copyOffsite(ctx: ServiceContext, made: MadeBackup, job?: JobHandle, to?: string): Promise<string> {
  const dir = to ?? getOffsiteDir(ctx);
  const stored = getStoredKey(ctx);
  if (!dir) throw new AppError('VALIDATION', '尚未设置U盘（异地）备份文件夹');
  if (!stored) throw new AppError('VALIDATION', '尚未设置备份密码，无法写入加密的异地备份');
  const master = Buffer.from(stored.key, 'base64');
  const at = new Date(made.sidecar.createdAt);
  let temp: string | undefined;
  try {
    // the configured folder must be there (a USB stick plugged in); a folder named on the command line is made
    if (!to && !existsSync(dir)) throw Object.assign(new Error('offsite folder missing'), { code: 'ENOENT' });
    ensureDir(dir);
    const name = backupName(at, 'agribak');
    const path = join(dir, name);
    temp = `${path}.partial`;
    removeQuietly(temp);
    const total = made.sidecar.sizeBytes;
    await encryptFile(made.path, temp, master, stored, made.sidecar.createdAt, async (done) => {
      job?.progress(done, total, '正在加密写入U盘');
      await job?.tick();
    });
    const back = await decryptFile(temp, null, { master }, async (done) => {
      job?.progress(done, total, '正在核对U盘上的备份');
      await job?.tick();
    });
    if (back.sha256 !== made.sidecar.sha256)
      throw new AppError('INTERNAL', 'U盘上的备份读回后与原备份不一致，可能是U盘损坏，请换一个U盘后重试');
    renameSync(temp, path);
    fsyncDir(dir);
    temp = undefined;
    if (!to)
      writeFileAtomic(
        statePath(ctx.dbPath),
        JSON.stringify({ lastCopyAt: ctx.now().toISOString(), dir, file: name } satisfies OffsiteState),
      );
    rotate(dir, 'agribak');
    return name;
  } catch (error) {
    if (temp) removeQuietly(temp);
    throw fileSystemToAppError(error, PLACE, '本次U盘备份未完成（本机备份已完成）');
  }
}
