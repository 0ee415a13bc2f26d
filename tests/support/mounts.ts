import { execFileSync } from 'node:child_process';

/**
 * Real storage failures where this machine allows mounting (tests run as root, and root ignores file
 * permissions, so chmod proves nothing): a tiny tmpfs for a full disk, a read-only bind for a write-protected
 * folder. Returns false where mount is not allowed, and the test falls back to an injected failure.
 */
function run(args: string[]): boolean {
  try {
    execFileSync('mount', args, { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

export const mountTmpfs = (dir: string, size: string) => run(['-t', 'tmpfs', '-o', `size=${size}`, 'tmpfs', dir]);
export const bindSelf = (dir: string) => run(['--bind', dir, dir]);
export const remount = (dir: string, mode: 'ro' | 'rw') => run(['-o', `remount,bind,${mode}`, dir]);
export function unmount(dir: string): void {
  try {
    execFileSync('umount', [dir], { stdio: 'ignore' });
  } catch {
    // not mounted
  }
}
