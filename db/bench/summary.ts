/**
 * The one table `npm run bench` ends with: every bench adds its rows against the issue's targets (a one-line
 * `summarize(...)` where it has its numbers), run.ts names the bench running and prints the table at the
 * end, with the peak RSS of the bench process and of every child a bench measured.
 */
import { formatTargetTable, type TargetRow, type Timing } from './stats';

const sections: { bench: string; rows: TargetRow[] }[] = [];
const peaks: { what: string; mb: number }[] = [];
let current = '';

/** run.ts: the bench whose rows come next. */
export function beginBench(name: string): void {
  current = name;
}

/** A bench's rows for the final table (its own table may print them too). */
export function summarize(rows: TargetRow[]): void {
  let section = sections.find((s) => s.bench === current);
  if (!section) sections.push((section = { bench: current, rows: [] }));
  section.rows.push(...rows);
}

/** A child process's (or a measured phase's) peak resident memory, for the table's footer. */
export function notePeakRss(what: string, mb: number): void {
  peaks.push({ what: `${current}: ${what}`, mb });
}

/** Timings against a p95 bound, each with its ratio to `baseline`. */
export function p95Rows(timings: Timing[], baseline: Timing | undefined, boundMs: number): TargetRow[] {
  return timings.map((t) => ({ name: t.name, timing: t, baseline, target: `p95 ≤ ${boundMs} ms`, pass: t.p95Ms <= boundMs }));
}

/** A rate against a baseline rate: PASS when rate/baseline ≥ min. */
export function rateRow(name: string, rate: number, baseline: number, min: number, unit = 'rows/s'): TargetRow {
  return {
    name,
    value: { text: `${Math.round(rate).toLocaleString()} ${unit}` },
    baselineValue: { text: `${Math.round(baseline).toLocaleString()}`, ratio: rate / baseline },
    target: `≥ ${min}× baseline`,
    pass: rate / baseline >= min,
  };
}

/** The final table, or nothing when no bench added rows. */
export function formatSummary(): string {
  if (!sections.length) return '';
  const rows: TargetRow[] = sections.flatMap((s) => [
    { name: `[${s.bench}]`, target: '', pass: null },
    ...s.rows.map((r) => ({ ...r, name: `  ${r.name}` })),
  ]);
  const verdicts = rows.filter((r) => r.pass !== null);
  const failed = verdicts.filter((r) => !r.pass).length;
  const own = process.resourceUsage().maxRSS / 1024;
  const lines = [
    formatTargetTable(rows),
    '',
    `targets: ${verdicts.length - failed} PASS, ${failed} FAIL (— = reported, no target)`,
    `peak RSS: bench process ${own.toFixed(0)} MB${peaks.map((p) => `; ${p.what} ${p.mb.toFixed(0)} MB`).join('')}`,
  ];
  return lines.join('\n');
}
