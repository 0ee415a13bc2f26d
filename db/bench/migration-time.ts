import { loadavg } from 'node:os';
import { lineWriter } from '../upgrade/cli';
import { UPGRADE_PHASES, type UpgradePhase, type UpgradeStatus } from '../upgrade/status';
import { pendingUpgrade, startUpgrade } from '../upgrade/upgrade';
import type { TargetRow } from './stats';

/** The bound this bench states for a start-up upgrade of a 1M-purchase file (backup + every migration). */
export const UPGRADE_BOUND_S = 300;

const load = () => loadavg()[0]?.toFixed(1) ?? '?';
const secs = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

/**
 * Times the start-up upgrade of `file` (a copy: it is migrated in place) exactly as the app runs it: the
 * pre-migration backup (copy, photos, check) and every pending migration in a worker thread, progress
 * printed as the CLI does. Rows: the total against UPGRADE_BOUND_S, each phase, each migration, and the
 * longest wait between two changes of the screen's bar or line (a single long step moves it only when it
 * ends), with the machine's load average at the start and the end (absolute times are noisy).
 */
export async function measureStartupUpgrade(file: string, label: string): Promise<TargetRow[]> {
  const pending = pendingUpgrade(file);
  if (!pending) return [{ name: `start-up upgrade (${label})`, value: { text: 'none' }, target: 'nothing pending', pass: null }];
  const print = lineWriter((line) => process.stdout.write(`  ${line}`));
  let lastChange = 0;
  let lastKey = '';
  let longestGap = { ms: 0, step: '' };
  const phaseStart = new Map<UpgradePhase, number>();
  const versionStart = new Map<number, number>();
  const onStatus = (s: UpgradeStatus) => {
    print(s);
    if (!phaseStart.has(s.phase)) phaseStart.set(s.phase, s.elapsedMs);
    const version = /^数据版本 (\d+)\//.exec(s.step)?.[1];
    if (version && !versionStart.has(Number(version))) versionStart.set(Number(version), s.elapsedMs);
    const key = `${s.state}|${s.phase}|${s.percent}|${s.step}`;
    if (key === lastKey) return;
    if (s.elapsedMs - lastChange > longestGap.ms) longestGap = { ms: s.elapsedMs - lastChange, step: lastKey.split('|')[3] ?? '' };
    lastChange = s.elapsedMs;
    lastKey = key;
  };
  const loadBefore = load();
  const started = performance.now();
  const run = startUpgrade(file, pending, { onStatus });
  await run.finished;
  const totalMs = performance.now() - started;
  // each phase and each migration lasts until the next one starts (the last until the end)
  const spans = <K>(starts: Map<K, number>) => {
    const list = [...starts.entries()].sort((a, b) => a[1] - b[1]);
    return list.map(([k, at], i) => ({ key: k, ms: (list[i + 1]?.[1] ?? totalMs) - at }));
  };
  return [
    {
      name: `start-up upgrade v${pending.from}→v${pending.to} (${label})`,
      value: { text: secs(totalMs) },
      target: `≤ ${UPGRADE_BOUND_S} s, progress shown (load ${loadBefore} → ${load()})`,
      pass: totalMs / 1000 <= UPGRADE_BOUND_S,
    },
    ...spans(phaseStart).map(({ key, ms }) => ({
      name: `  phase ${UPGRADE_PHASES.find((p) => p.key === key)?.label ?? key}`,
      value: { text: secs(ms) },
      target: '(reported)',
      pass: null,
    })),
    ...spans(versionStart).map(({ key, ms }) => ({
      name: `    migration ${String(key).padStart(3, '0')}`,
      value: { text: secs(ms) },
      target: '(reported)',
      pass: null,
    })),
    {
      name: `  longest wait between updates`,
      value: { text: secs(longestGap.ms) },
      target: `(reported: ${longestGap.step.slice(0, 40)})`,
      pass: null,
    },
  ];
}
