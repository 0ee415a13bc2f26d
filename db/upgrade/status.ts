import type { BackupStage } from '../backup/create';
import { FOREIGN_KEY_STEP, type MigrationProgress } from '../migrate';

/** The phases of a start-up upgrade, in order: the pre-migration backup's three stages, then the migrations. */
export type UpgradePhase = BackupStage | 'migrate';

export const UPGRADE_PHASES: readonly { key: UpgradePhase; label: string }[] = [
  { key: 'copy', label: '备份：复制数据文件' },
  { key: 'photos', label: '备份：打包照片' },
  { key: 'check', label: '备份：校验备份' },
  { key: 'migrate', label: '升级数据结构' },
];

export interface PhaseView {
  key: UpgradePhase;
  label: string;
  state: 'waiting' | 'running' | 'done' | 'failed';
}

/** What the upgrade screen shows: the same object in browser mode (polled), Electron (pushed) and the CLI (printed). */
export interface UpgradeStatus {
  state: 'backup' | 'migrating' | 'done' | 'failed';
  fromVersion: number;
  toVersion: number;
  /** The phase running now (or where it stopped); every phase with its state, in order. */
  phase: UpgradePhase;
  phases: PhaseView[];
  /** 0–100 within the current phase (pages copied, photos packed, the check's units, the migrations' units). */
  percent: number;
  /** One Chinese line: what is being done now. */
  step: string;
  /** Milliseconds since the upgrade started. */
  elapsedMs: number;
  /** Chinese, when state is failed. */
  error?: string;
  /** When failed: SQLite's (or the system's) own words, for the technician; never the main text. */
  detail?: string;
}

function phases(current: UpgradePhase, state: UpgradeStatus['state']): PhaseView[] {
  const at = UPGRADE_PHASES.findIndex((p) => p.key === current);
  return UPGRADE_PHASES.map((p, i) => ({
    ...p,
    state: state === 'done' || i < at ? 'done' : i > at ? 'waiting' : state === 'failed' ? 'failed' : 'running',
  }));
}

const percentOf = (done: number, total: number) => (total > 0 ? Math.max(0, Math.min(100, Math.floor((done / total) * 100))) : 0);

/** Before the worker has said anything. */
export function startingStatus(from: number, to: number): UpgradeStatus {
  return {
    state: 'backup',
    fromVersion: from,
    toVersion: to,
    phase: 'copy',
    phases: phases('copy', 'backup'),
    percent: 0,
    step: '正在准备升级',
    elapsedMs: 0,
  };
}

/** A stage of the pre-migration backup: `done` of `total` units, and the backup's own Chinese line. */
export function backupStatus(
  from: number,
  to: number,
  stage: BackupStage,
  done: number,
  total: number,
  label: string,
  elapsedMs: number,
): UpgradeStatus {
  return {
    state: 'backup',
    fromVersion: from,
    toVersion: to,
    phase: stage,
    phases: phases(stage, 'backup'),
    percent: percentOf(done, total),
    step: label,
    elapsedMs,
  };
}

export function progressStatus(p: MigrationProgress, elapsedMs: number): UpgradeStatus {
  const where = p.migration
    ? `数据版本 ${p.version}/${p.to}（${p.migration}）${
        p.step === FOREIGN_KEY_STEP ? `保存前${p.step}` : p.steps > 1 ? `第 ${p.stepIndex}/${p.steps} 步：${p.step}` : ''
      }`
    : '升级完成';
  return {
    state: 'migrating',
    fromVersion: p.from,
    toVersion: p.to,
    phase: 'migrate',
    phases: phases('migrate', 'migrating'),
    percent: percentOf(p.done, p.total),
    step: where,
    elapsedMs,
  };
}

export function doneStatus(last: UpgradeStatus, elapsedMs: number): UpgradeStatus {
  return {
    ...last,
    state: 'done',
    phase: 'migrate',
    phases: phases('migrate', 'done'),
    percent: 100,
    step: '升级完成，正在打开',
    elapsedMs,
  };
}

export function failedStatus(last: UpgradeStatus, failure: { error: string; detail?: string }, elapsedMs: number): UpgradeStatus {
  return {
    ...last,
    state: 'failed',
    phases: phases(last.phase, 'failed'),
    step: '升级失败',
    error: failure.error,
    ...(failure.detail ? { detail: failure.detail } : {}),
    elapsedMs,
  };
}

const CJK = /[\u4e00-\u9fff]/;

/**
 * The Chinese text for a failure and, apart, the technical detail. `message` is what the worker caught:
 * our own errors are Chinese already and are the main text; anything else (SQLite's English, a system
 * error) becomes the detail under a Chinese sentence saying where it stopped. `at`: the last version that
 * committed when a migration failed; undefined when it failed before any migration (the backup).
 */
export function failureMessage(
  failure: { message: string; code?: string },
  where: { phase: UpgradePhase; at?: number; migration?: string },
): { error: string; detail?: string } {
  const own = CJK.test(failure.message);
  const technical =
    [where.phase === 'migrate' ? where.migration : undefined, failure.code, own ? undefined : failure.message].filter(Boolean).join('：') ||
    undefined;
  const what = own
    ? failure.message.replace(/[。；\s]+$/, '').replace(/^数据库升级失败：/, '')
    : where.phase === 'migrate'
      ? `数据版本 ${where.at === undefined ? '' : where.at + 1} 的升级出错`
      : '升级前的备份没有做完';
  const state =
    where.phase === 'check'
      ? '升级尚未开始，数据文件未被改动'
      : where.phase !== 'migrate'
        ? '升级尚未开始，数据文件未被改动；没有写完的备份已删除'
        : where.at === undefined
          ? '数据文件未被改动；升级前的原样备份在数据文件旁的备份文件夹中'
          : `数据版本 ${where.at + 1} 的升级已全部撤销，数据文件完好，停在数据版本 ${where.at}（之前各版本的升级各自完整保存）；升级前的原样备份在数据文件旁的备份文件夹中`;
  return { error: `数据库升级失败：${what}。${state}。请把此信息告知技术人员。`, ...(technical ? { detail: technical } : {}) };
}

/** One CLI line per change of phase, step or percent; a failure adds the technical detail on its own line. */
export function statusLine(s: UpgradeStatus): string {
  const secs = Math.round(s.elapsedMs / 1000);
  if (s.state === 'failed') return `${s.error ?? '数据库升级失败'}${s.detail ? `\n技术信息（供技术人员）：${s.detail}` : ''}`;
  if (s.state === 'done') return `数据库升级完成：数据版本 ${s.fromVersion} → ${s.toVersion}（${secs} 秒）`;
  const n = UPGRADE_PHASES.findIndex((p) => p.key === s.phase) + 1;
  const label = UPGRADE_PHASES[n - 1]?.label ?? '';
  return `正在升级数据库 [${n}/${UPGRADE_PHASES.length} ${label}] ${String(s.percent).padStart(3)}%  ${s.step}（已用 ${secs} 秒）`;
}
