// Child process for tests/db/backup-crash.test.ts: writes farmers and backs up (or restores) in a loop until killed.
// Usage: node --import tsx tests/support/backup-crash-child.ts <db file> backup|restore <first n> [<backup to restore>]
// Lines on stdout (synchronous writes, so each names something finished): "<farmer id> <n>", "backup <name>", "restored".
import { writeSync } from 'node:fs';
import { openCore } from '../../db/app';
import { createBackup } from '../../db/backup/create';
import { restoreBackup } from '../../db/backup/restore';
import { farmerInput } from './farmers';
import { TEST_PASSWORD } from './setup';

const [dbPath, mode, firstArg, restoreFrom] = process.argv.slice(2);
if (!dbPath || (mode !== 'backup' && mode !== 'restore') || firstArg === undefined || (mode === 'restore' && !restoreFrom)) {
  writeSync(2, 'usage: backup-crash-child.ts <db file> backup|restore <first n> [<backup>]\n');
  process.exit(2);
}

const core = openCore(dbPath, { log: (message, error) => writeSync(2, `${message} ${String(error)}\n`) });
const signIn = await core.call('auth.signIn', { login: 'zhanzhang', password: TEST_PASSWORD });
if (!signIn.ok) {
  writeSync(2, `auth.signIn failed: ${JSON.stringify(signIn.error)}\n`);
  process.exit(1);
}
let n = Number(firstArg);
writeSync(1, 'ready\n');
for (;;) {
  const result = await core.call('farmers.create', farmerInput(n, { name: `备份测试${n}` }));
  if (!result.ok) {
    writeSync(2, `farmers.create failed at n=${n}: ${JSON.stringify(result.error)}\n`);
    process.exit(1);
  }
  writeSync(1, `${(result.data as { id: string }).id} ${n}\n`);
  n++;
  if (mode === 'backup') {
    const made = await createBackup(core.ctx.db, dbPath, 'hourly', () => new Date());
    writeSync(1, `backup ${made.name}\n`);
  } else {
    const job = core.ctx.jobs.start('backups.restore', (j) =>
      restoreBackup(core.ctx, { path: restoreFrom as string, encrypted: false }, j),
    );
    const done = await core.ctx.jobs.wait(job.id, 1);
    if (done.state !== 'done') {
      writeSync(2, `restore failed: ${JSON.stringify(done.error)}\n`);
      process.exit(1);
    }
    writeSync(1, 'restored\n');
  }
}
