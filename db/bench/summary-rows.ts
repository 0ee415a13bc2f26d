/** The rows some benches add to the final table (summary.ts), kept here so each bench needs one line. */
import { timingOf } from './stats';
import { notePeakRss, rateRow, summarize } from './summary';

interface Measured {
  ms: number;
  rows: number;
}

/** Issue 16's import targets: ≥ 0.25× the PK-only prepared-insert rate (wall and CPU), re-import ≤ 10% of the first, flat RSS. */
export function summarizeImport(r: {
  pk: Measured & { cpuMs: number };
  first: Measured & { cpuMs: number; maxRssMb: number };
  again: Measured;
  one: { maxRssMb: number };
  small: { maxRssMb: number };
}): void {
  const rate = (m: Measured) => m.rows / (m.ms / 1000);
  const cpuRate = (m: Measured & { cpuMs: number }) => m.rows / (m.cpuMs / 1000);
  const reimport = r.again.ms / r.first.ms;
  const peak = Math.max(r.one.maxRssMb, r.first.maxRssMb);
  notePeakRss('import child, one file a tenth the size', r.small.maxRssMb);
  notePeakRss('import child, one file', r.one.maxRssMb);
  notePeakRss('import child, all files', r.first.maxRssMb);
  summarize([
    rateRow('station-file import rate (wall) vs PK-only inserts', rate(r.first), rate(r.pk), 0.25),
    rateRow('station-file import rate (CPU time) vs PK-only inserts', cpuRate(r.first), cpuRate(r.pk), 0.25),
    {
      name: 're-import of unchanged files',
      value: { text: `${(r.again.ms / 1000).toFixed(1)} s` },
      baselineValue: { text: `${(r.first.ms / 1000).toFixed(1)} s`, ratio: reimport },
      target: '≤ 0.10× first import',
      pass: reimport <= 0.1,
    },
    {
      name: 'import peak RSS, larger files vs a small one',
      value: { text: `${peak.toFixed(0)} MB` },
      baselineValue: { text: `${r.small.maxRssMb.toFixed(0)} MB`, ratio: peak / r.small.maxRssMb },
      target: 'flat: ≤ 1.5× small file',
      pass: peak <= 1.5 * r.small.maxRssMb,
    },
  ]);
}

/** Issue 18's targets: the first screen at 4× CPU throttling, and the JavaScript loaded before it. */
export function summarizeStartup(
  runs: { setupMs: number; stationMs: number }[],
  budgetMs: number,
  jsBytes: number,
  jsBudget: number,
): void {
  // the slower screen's own runs, as the startup section's verdict line reads it (the median of each screen,
  // the larger one), not the median of per-run maxima, which mixes the two screens' noise
  const setup = timingOf(
    'first screen at 4× CPU (setup)',
    runs.map((r) => r.setupMs),
  );
  const signIn = timingOf(
    'first screen at 4× CPU (sign-in)',
    runs.map((r) => r.stationMs),
  );
  const slower = setup.medianMs >= signIn.medianMs ? setup : signIn;
  const first = { ...slower, name: `first screen at 4× CPU (slower: ${slower === setup ? 'setup' : 'sign-in'})` };
  summarize([
    { name: first.name, timing: first, target: `p50 ≤ ${budgetMs} ms`, pass: first.medianMs <= budgetMs },
    {
      name: 'JS before the first screen',
      // decimal MB, as the startup section and the budget (1,500,000 bytes) say it
      value: { text: `${(jsBytes / 1e6).toFixed(2)} MB` },
      target: `≤ ${(jsBudget / 1e6).toFixed(2)} MB`,
      pass: jsBytes <= jsBudget,
    },
  ]);
}
