import { chinaDate } from '../../shared/domain/civil-date';
import { openCore } from '../app';
import { COUNTED_STATUSES } from '../../shared/domain/workflow';
import { progressStatements, PURCHASE_TOTALS_SQL, queryPlan } from '../repositories/progress';
import { yearTotalsParams } from '../repositories/progress-year-totals';
import { TOWNSHIP_CODES } from '../../shared/domain/townships';
import { benchDataset, fileMb } from './dataset';
import { BENCH_LOGIN } from './generate';
import { fillDrying } from './ledger-fill';
import { formatTimings, time, type Timing } from './stats';
import { p95Rows, summarize } from './summary';

export const name = 'progress';
export const description =
  '目标进度 and 烘干: progress.summary / byTownship / monthly, drying.summary and targets.apportion on a generated 1M-purchase county file';

const LIULIN = '371525103';

/**
 * Generates a county file with BENCH_PURCHASES purchases (default 1,000,000) over ten years, then times the
 * progress methods through the dispatcher (input parsing, service, SQL, output parsing) against a raw
 * SQLite baseline over the same index range, measured in the same run.
 */
export async function run(): Promise<void> {
  const purchases = Number(process.env.BENCH_PURCHASES ?? 1_000_000);
  const runs = Number(process.env.BENCH_RUNS ?? 15);
  // the cached county file (or BENCH_COUNTY_FILE, e.g. one already migrated): ten years 2016–2025
  const data = await benchDataset(purchases);
  const file = data.file;
  try {
    const lastYear = 2025;
    console.log(
      `county file ${data.cached} (${fileMb(file).toFixed(0)} MB, ` +
        `${data.generatedSeconds === null ? 'cached' : `generated in ${data.generatedSeconds.toFixed(0)} s`}); today ${chinaDate(new Date())}`,
    );

    // the drying dashboard (and progress.summary's 粮食烘干 card) at a province's scale: the generated file has no sites
    const drying = fillDrying(file, Number(process.env.BENCH_DRYING_SITES ?? 5_000));
    console.log(
      `added ${drying.sites.toLocaleString()} drying sites with ${drying.dryers.toLocaleString()} dryers in ${drying.seconds.toFixed(1)} s`,
    );

    const core = openCore(file, { log: (m, e) => console.error(m, e) });
    try {
      // every method needs a signed-in user (since accounts); the generator set up this administrator
      const signedIn = await core.call('auth.signIn', BENCH_LOGIN);
      if (!signedIn.ok) throw new Error(`auth.signIn: ${signedIn.error.message}`);
      const year = lastYear; // a full year (the file ends 2025-12-31): the heaviest case
      const range = { start: `${year}-01-01`, end: `${year + 1}-01-01` };
      const inYear = core.db
        .prepare(
          `SELECT count(*) FROM purchases WHERE status IN (${COUNTED_STATUSES.map((s) => `'${s}'`).join(', ')})
           AND purchase_date >= @start AND purchase_date < @end`,
        )
        .pluck();
      console.log(`year ${year}: ${(inYear.get(range) as number).toLocaleString()} purchases in verified-or-later statuses (all buyers)`);
      for (const st of progressStatements(COUNTED_STATUSES, TOWNSHIP_CODES)) {
        console.log(
          `EXPLAIN ${st.name}: ${queryPlan(core.db, st.sql, { ...yearTotalsParams({ ...range, recentFrom: `${year}-10-03`, township: null }, String(year)), afterDate: range.start, afterId: '', limit: 500 }).join(' | ')}`,
        );
      }

      const call = async (method: string, input: unknown) => {
        const r = await core.call(method, input);
        if (!r.ok) throw new Error(`${method}: ${r.error.message}`);
        return r.data;
      };
      const baseline = await time('baseline: raw count(*) over the index range', () => inYear.get(range), runs);
      const rawSum = core.db.prepare(inYear.source.replace('count(*)', 'sum(purchase_fen)')).pluck();
      const floor: Timing[] = [
        await time('raw sum(purchase_fen) over the same range', () => rawSum.get(range), runs),
        await time(
          'purchase totals by index walk alone (021, no dispatch)',
          () => core.db.prepare(PURCHASE_TOTALS_SQL).all({ ...range, recentFrom: `${year}-10-03`, township: null }),
          runs,
        ),
      ];
      const timings: Timing[] = [
        await time(`progress.summary ${year} county`, () => call('progress.summary', { year }), runs),
        await time(`progress.summary ${year} one township`, () => call('progress.summary', { year, townshipCode: LIULIN }), runs),
        await time(`progress.byTownship ${year}`, () => call('progress.byTownship', { year }), runs),
        await time(`progress.monthly ${year} county`, () => call('progress.monthly', { year }), runs),
        await time(`progress.summary ${lastYear - 1}`, () => call('progress.summary', { year: lastYear - 1 }), runs),
        await time(`drying.summary county (${drying.sites.toLocaleString()} sites)`, () => call('drying.summary', {}), runs),
        await time(`drying.summary one township`, () => call('drying.summary', { townshipCode: LIULIN }), runs),
        await time(
          `targets.apportion ${lastYear + 1} last-year basis`,
          () => call('targets.apportion', { year: lastYear + 1, basis: 'lastYear' }),
          runs,
        ),
      ];
      console.log(`\n${formatTimings([baseline, ...floor, ...timings], baseline)}`);
      summarize(p95Rows(timings, baseline, 100));
      const worst = Math.max(...timings.map((t) => t.medianMs));
      console.log(`\nslowest progress median: ${worst.toFixed(1)} ms (${runs} runs each, after 2 warm-up runs)`);
    } finally {
      core.close();
    }
  } finally {
    data.dispose();
  }
}
