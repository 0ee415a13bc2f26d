import type { MigrationProgress } from '../migrate';

/** What the upgrade screen shows: the same object in browser mode (polled), Electron (pushed) and the CLI (printed). */
export interface UpgradeStatus {
  state: 'backup' | 'migrating' | 'done' | 'failed';
  fromVersion: number;
  toVersion: number;
  /** 0–100, from the migrations' progress units; 0 while the backup is made. */
  percent: number;
  /** One Chinese line: what is being done now. */
  step: string;
  /** Milliseconds since the upgrade started. */
  elapsedMs: number;
  /** Chinese, when state is failed. */
  error?: string;
}

export function backupStatus(from: number, to: number, elapsedMs: number): UpgradeStatus {
  return { state: 'backup', fromVersion: from, toVersion: to, percent: 0, step: '正在备份数据文件（保留升级前的原样副本）', elapsedMs };
}

export function progressStatus(p: MigrationProgress, elapsedMs: number): UpgradeStatus {
  const percent = p.total > 0 ? Math.min(100, Math.floor((p.done / p.total) * 100)) : 0;
  const where = p.migration
    ? `数据版本 ${p.version}/${p.to}（${p.migration}）${p.steps > 1 ? `第 ${p.stepIndex}/${p.steps} 步：${p.step}` : ''}`
    : '升级完成';
  return { state: 'migrating', fromVersion: p.from, toVersion: p.to, percent, step: where, elapsedMs };
}

export function failedStatus(from: number, to: number, error: string, elapsedMs: number): UpgradeStatus {
  return { state: 'failed', fromVersion: from, toVersion: to, percent: 0, step: '升级失败', error, elapsedMs };
}

/** The Chinese text for a failure: what went wrong, and that the file is whole at its last committed version. */
export function failureMessage(error: unknown, at: number | undefined): string {
  const text = error instanceof Error ? error.message : String(error);
  const what = /[\u4e00-\u9fff]/.test(text) ? text : `数据库升级失败：${text}`;
  const where =
    at === undefined
      ? '数据文件未被改动'
      : `数据版本 ${at + 1} 的升级已全部撤销，数据文件完好，停在数据版本 ${at}（之前各版本的升级各自完整保存）`;
  return `${what}。${where}；升级前的原样备份在数据文件旁的备份文件夹中。请把此信息告知技术人员。`;
}

/** One CLI line per change of step or percent. */
export function statusLine(s: UpgradeStatus): string {
  const secs = Math.round(s.elapsedMs / 1000);
  if (s.state === 'failed') return `数据库升级失败：${s.error ?? ''}`;
  if (s.state === 'done') return `数据库升级完成：数据版本 ${s.fromVersion} → ${s.toVersion}（${secs} 秒）`;
  return `正在升级数据库 ${String(s.percent).padStart(3)}%  ${s.step}（已用 ${secs} 秒）`;
}
