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
