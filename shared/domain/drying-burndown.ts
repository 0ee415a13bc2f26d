/**
 * Coal-fired dryers remaining over time (燃煤烘干机清零进度), DOMAIN.md §6: key air-pollution regions
 * ("2+26" cities, Liaocheng among them) essentially finish replacing coal for grain drying by the target year.
 *
 * At each month-end a coal dryer counts as remaining when it exists by then (installed in that year or
 * earlier; a dryer with no year counts from the start) and has been neither retired nor converted by then.
 */

export interface CoalDryerFact {
  /** Year installed; null = already there when the series starts. */
  yearInstalled: number | null;
  plan: 'scrap' | 'convert' | null;
  /** When the retirement or conversion is planned (YYYY-MM-DD). */
  plannedDate: string | null;
  /** When it was done (YYYY-MM-DD); null while not done. */
  actualDate: string | null;
  /** How many dryers share these facts (the dashboards read them grouped); 1 when absent. */
  count?: number;
}

/** How many dryers of `facts` pass `keep` (each fact weighs its count). */
export function countDryers(facts: readonly CoalDryerFact[], keep: (d: CoalDryerFact) => boolean = () => true): number {
  let n = 0;
  for (const d of facts) if (keep(d)) n += d.count ?? 1;
  return n;
}

export interface BurndownPoint {
  /** YYYY-MM */
  month: string;
  /** Last day of the month, YYYY-MM-DD. */
  monthEnd: string;
  /** Coal dryers remaining at the month-end; null for months after the current one (not known yet). */
  remaining: number | null;
  /** Remaining if every plan is carried out on its planned date (done ones on their actual date). */
  plannedRemaining: number;
  /** Retired (scrapped) / converted during the month. */
  retired: number;
  converted: number;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** The last day of a month, YYYY-MM-DD (calendar arithmetic, no time zones). */
export function monthEnd(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return `${month}-${pad(days)}`;
}

/** Months from `from` to `to` inclusive, both YYYY-MM. */
export function monthsBetween(from: string, to: string): string[] {
  const out: string[] = [];
  let [y, m] = from.split('-').map(Number) as [number, number];
  const [ty, tm] = to.split('-').map(Number) as [number, number];
  while (y < ty || (y === ty && m <= tm)) {
    out.push(`${y}-${pad(m)}`);
    m += 1;
    if (m > 12) {
      m = 1;
      y += 1;
    }
  }
  return out;
}

const installedBy = (d: CoalDryerFact, end: string) => d.yearInstalled === null || d.yearInstalled <= Number(end.slice(0, 4));
const goneBy = (date: string | null, end: string) => date !== null && date <= end;

/** The burn-down series for `months`; `today` (YYYY-MM-DD) decides which months are still to come. */
export function coalBurndown(dryers: readonly CoalDryerFact[], months: readonly string[], today: string): BurndownPoint[] {
  const currentMonth = today.slice(0, 7);
  return months.map((month) => {
    const end = monthEnd(month);
    const existing = dryers.filter((d) => installedBy(d, end));
    const doneIn = (plan: 'scrap' | 'convert') => countDryers(dryers, (d) => d.plan === plan && d.actualDate?.slice(0, 7) === month);
    return {
      month,
      monthEnd: end,
      remaining: month > currentMonth ? null : countDryers(existing, (d) => !goneBy(d.actualDate, end)),
      plannedRemaining: countDryers(existing, (d) => !goneBy(d.actualDate ?? d.plannedDate, end)),
      retired: doneIn('scrap'),
      converted: doneIn('convert'),
    };
  });
}

/**
 * The months a dashboard shows: from January of the earliest year anything happened (or last year) to
 * December of the target year (or of this year, if later).
 */
export function burndownRange(dryers: readonly CoalDryerFact[], targetYear: number, today: string): { from: string; to: string } {
  const thisYear = Number(today.slice(0, 4));
  const years = dryers
    .flatMap((d) => [d.actualDate, d.plannedDate])
    .filter((x): x is string => x !== null)
    .map((x) => Number(x.slice(0, 4)));
  const last = Math.max(targetYear, thisYear);
  // at most ten years back: a chart of decades says nothing about the target
  const first = Math.max(last - 10, Math.min(thisYear - 1, targetYear - 1, ...years));
  return { from: `${first}-01`, to: `${last}-12` };
}
