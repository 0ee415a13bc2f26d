// Child process for tests/db/crash.test.ts: registers farmers in a loop until it is killed.
// Usage: node --import tsx tests/support/crash-writer.ts <db file> <first n>
// After each farmers.create call returns ok it writes "<farmer id> <n>\n" to stdout with a
// synchronous write(2), so every line the parent reads names a committed farmer.
import { writeSync } from 'node:fs';
import { openCore } from '../../db/app';
import { farmerInput } from './farmers';
import { TEST_PASSWORD } from './setup';

const [dbPath, firstArg] = process.argv.slice(2);
if (!dbPath || firstArg === undefined) {
  writeSync(2, 'usage: crash-writer.ts <db file> <first n>\n');
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
  const input = farmerInput(n, { name: `断电测试${n}`, address: `第${n}户`.repeat(1 + (n % 10)) });
  const result = await core.call('farmers.create', input);
  if (!result.ok) {
    writeSync(2, `farmers.create failed at n=${n}: ${JSON.stringify(result.error)}\n`);
    process.exit(1);
  }
  writeSync(1, `${(result.data as { id: string }).id} ${n}\n`);
  n++;
}
