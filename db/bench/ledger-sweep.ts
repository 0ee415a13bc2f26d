import { timingOf, type Timing } from './stats';

export interface SweepFilters {
  year: number;
  townshipCode: string;
  status: string;
  item: string;
}

const SORTS = ['createdAt', 'date', 'amount', 'farmer'] as const;
const ORDERS = ['asc', 'desc'] as const;

/**
 * A ledger's first page for every combination the filter bar can produce with no text: each of the four
 * filters present or not (16), four sorts, two directions (128 shapes). Every shape is called once unmeasured,
 * then `runs` times; the timing is over all measured calls (its p95 is the target), with the slowest shapes by median.
 */
export async function ledgerSweep(
  call: (input: Record<string, unknown>) => Promise<unknown>,
  filters: SweepFilters,
  runs: number,
): Promise<{ combos: number; timing: Timing; slowest: { label: string; ms: number }[] }> {
  const keys = Object.keys(filters) as (keyof SweepFilters)[];
  const all: number[] = [];
  const medians: { label: string; ms: number }[] = [];
  let combos = 0;
  for (let mask = 0; mask < 1 << keys.length; mask++) {
    const chosen = keys.filter((_, i) => mask & (1 << i));
    for (const sortBy of SORTS) {
      for (const sortOrder of ORDERS) {
        const input = { ...Object.fromEntries(chosen.map((k) => [k, filters[k]])), sortBy, sortOrder };
        await call(input);
        const ms: number[] = [];
        for (let i = 0; i < runs; i++) {
          const t = performance.now();
          await call(input);
          ms.push(performance.now() - t);
        }
        all.push(...ms);
        medians.push({ label: `${chosen.join('+') || 'none'} by ${sortBy} ${sortOrder}`, ms: timingOf('', ms).medianMs });
        combos++;
      }
    }
  }
  return { combos, timing: timingOf('sweep', all), slowest: medians.sort((a, b) => b.ms - a.ms).slice(0, 5) };
}
