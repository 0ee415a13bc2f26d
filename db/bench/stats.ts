/** Timing helpers for the benchmarks: repeated runs, median and 95th percentile in milliseconds. */

export interface Timing {
  name: string;
  runs: number;
  medianMs: number;
  p95Ms: number;
  minMs: number;
}

function quantile(sorted: number[], q: number): number {
  if (sorted.length === 0) return NaN;
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return (sorted[lo] as number) + ((sorted[hi] as number) - (sorted[lo] as number)) * (pos - lo);
}

/** A Timing from durations measured elsewhere (a child process, a browser). */
export function timingOf(name: string, durationsMs: number[]): Timing {
  const ms = [...durationsMs].sort((a, b) => a - b);
  return { name, runs: ms.length, medianMs: quantile(ms, 0.5), p95Ms: quantile(ms, 0.95), minMs: ms[0] ?? NaN };
}

/** Runs `fn` `warmup` times unmeasured, then `runs` times measured. */
export async function time(name: string, fn: () => unknown, runs = 15, warmup = 2): Promise<Timing> {
  for (let i = 0; i < warmup; i++) await fn();
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await fn();
    ms.push(performance.now() - t);
  }
  ms.sort((a, b) => a - b);
  return { name, runs, medianMs: quantile(ms, 0.5), p95Ms: quantile(ms, 0.95), minMs: ms[0] ?? NaN };
}

const pad = (s: string, n: number) => s + ' '.repeat(Math.max(0, n - [...s].reduce((w, c) => w + (c.charCodeAt(0) > 0x2e7f ? 2 : 1), 0)));

/** A fixed-width table; `baseline` adds each row's median as a multiple of the baseline's. */
export function formatTimings(rows: Timing[], baseline?: Timing): string {
  const width = Math.max(...rows.map((r) => r.name.length), 10) + 4;
  const head = `${pad('query', width)}${'median ms'.padStart(11)}${'p95 ms'.padStart(10)}${'min ms'.padStart(10)}${baseline ? '  × baseline' : ''}`;
  const lines = rows.map(
    (r) =>
      `${pad(r.name, width)}${r.medianMs.toFixed(2).padStart(11)}${r.p95Ms.toFixed(2).padStart(10)}${r.minMs.toFixed(2).padStart(10)}` +
      (baseline ? `  ${(r.medianMs / baseline.medianMs).toFixed(1).padStart(10)}` : ''),
  );
  return [head, '-'.repeat(head.length), ...lines].join('\n');
}

/** One line of the bench's result table: an operation against its target (and its raw-SQLite baseline). */
export interface TargetRow {
  name: string;
  timing?: Timing;
  /** A measured value that is not a timing (rows/s, MB, seconds), shown in the p50 column. */
  value?: { text: string };
  baseline?: Timing;
  /** A baseline that is not a timing (rows/s of the raw insert), with the measured value's ratio to it. */
  baselineValue?: { text: string; ratio: number };
  target: string;
  pass: boolean | null;
}

/** The bench's one table: operation, p50/p95 ms, baseline p50, ratio, target, PASS/FAIL. */
export function formatTargetTable(rows: TargetRow[]): string {
  const width = Math.max(...rows.map((r) => [...r.name].length + 4), 20);
  const head = `${pad('operation', width)}${'p50 ms'.padStart(10)}${'p95 ms'.padStart(10)}${'base ms'.padStart(10)}${'ratio'.padStart(9)}  ${pad('target', 26)}result`;
  const lines = rows.map((r) => {
    const p50 = r.timing ? r.timing.medianMs.toFixed(2) : (r.value?.text ?? '');
    const p95 = r.timing ? r.timing.p95Ms.toFixed(2) : '';
    const base = r.baseline ? r.baseline.medianMs.toFixed(2) : (r.baselineValue?.text ?? '');
    const ratio =
      r.timing && r.baseline
        ? `${(r.timing.medianMs / r.baseline.medianMs).toFixed(1)}×`
        : r.baselineValue
          ? `${r.baselineValue.ratio.toFixed(2)}×`
          : '';
    const verdict = r.pass === null ? (r.target ? '—' : '') : r.pass ? 'PASS' : 'FAIL';
    return `${pad(r.name, width)}${p50.padStart(10)}${p95.padStart(10)}${base.padStart(10)}${ratio.padStart(9)}  ${pad(r.target, 26)}${verdict}`;
  });
  return [head, '-'.repeat(head.length + 4), ...lines].join('\n');
}
