import { pendingUpgrade, startUpgrade, type PendingUpgrade, type UpgradeRun } from './upgrade';
import { statusLine, type UpgradeStatus } from './status';

/** A status listener that writes a line whenever the step or the whole percent changes. */
export function lineWriter(write: (line: string) => void): (status: UpgradeStatus) => void {
  let last = '';
  return (s) => {
    const key = `${s.state}|${s.percent}|${s.step}`;
    if (key === last) return;
    last = key;
    write(`${statusLine(s)}\n`);
  };
}

/** Starts the upgrade a file needs (if any), printing progress lines to stderr. */
export function startUpgradeWithLines(dbPath: string): { pending: PendingUpgrade; run: UpgradeRun } | undefined {
  const pending = pendingUpgrade(dbPath);
  if (!pending) return undefined;
  process.stderr.write(`数据文件需要升级（数据版本 ${pending.from} → ${pending.to}），升级前先备份原文件。请勿中断。\n`);
  return { pending, run: startUpgrade(dbPath, pending, { onStatus: lineWriter((line) => process.stderr.write(line)) }) };
}

/** The CLI's commands: the file is upgraded (with progress lines) before the command opens it. */
export async function upgradeWithLines(dbPath: string): Promise<void> {
  await startUpgradeWithLines(dbPath)?.run.finished;
}
