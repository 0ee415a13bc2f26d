import { TOWNSHIPS } from '../../shared/domain/townships';
import type { FixturePurchase, FixtureScrap, ProgressFixture } from '../fixtures/progress-fixture';

/**
 * The numbers the progress screen should show, worked out from the fixture's plain data with plain
 * filters: no code shared with the service or the SQL.
 */
const COUNTY = new Set<string>(TOWNSHIPS.map((t) => t.code));
const VERIFIED_OR_LATER = ['verified', 'published', 'paid'];

export interface Expected {
  scraps: number;
  purchases: number;
  beidou: number;
  monitor: number;
  committed: { scrapFen: number; purchaseFen: number };
  paid: { scrapFen: number; purchaseFen: number };
  lastScrap: string | null;
  lastPurchase: string | null;
  scrapsByMonth: number[];
  purchasesByMonth: number[];
  purchasesByItem: Record<string, number>;
}

export function expectedFor(f: ProgressFixture, opts: { township?: string; year?: number; counted?: string[] } = {}): Expected {
  const year = opts.year ?? f.year;
  const counted = opts.counted ?? VERIFIED_OR_LATER;
  const inScope = (township: string) => (opts.township ? township === opts.township : COUNTY.has(township));
  const inYear = (d: string | null) => d !== null && d >= `${year}-01-01` && d <= `${year}-12-31`;
  const scrapsRead = f.scraps.filter((s) => inScope(s.township) && inYear(s.handoverDate) && VERIFIED_OR_LATER.includes(s.status));
  const purchasesRead = f.purchases.filter((p) => inScope(p.township) && inYear(p.purchaseDate) && VERIFIED_OR_LATER.includes(p.status));
  const scraps = scrapsRead.filter((s) => counted.includes(s.status));
  const purchases = purchasesRead.filter((p) => counted.includes(p.status));
  const renewed = new Set(f.purchases.filter((p) => p.scrapId && p.status !== 'voided').map((p) => p.scrapId));
  const scrapOnly = (s: FixtureScrap) => (renewed.has(s.id) ? 0 : s.scrapFen);
  const sum = <T>(list: T[], f: (x: T) => number) => list.reduce((a, x) => a + f(x), 0);
  const paidScraps = scrapsRead.filter((s) => s.status === 'paid');
  const paidPurchases = purchasesRead.filter((p) => p.status === 'paid');
  const byMonth = (dates: string[]) => Array.from({ length: 12 }, (_, i) => dates.filter((d) => Number(d.slice(5, 7)) === i + 1).length);
  const max = (dates: string[]) => (dates.length ? [...dates].sort().at(-1)! : null);
  const byItem: Record<string, number> = {};
  for (const p of purchases) byItem[p.item] = (byItem[p.item] ?? 0) + 1;
  return {
    scraps: scraps.length,
    purchases: purchases.length,
    beidou: purchases.filter((p: FixturePurchase) => p.terminal === 'beidou').length,
    monitor: purchases.filter((p) => p.terminal === 'monitor').length,
    committed: {
      scrapFen: sum(scrapsRead, scrapOnly) + sum(purchasesRead, (p) => p.scrapPartFen),
      purchaseFen: sum(purchasesRead, (p) => p.purchaseFen),
    },
    paid: {
      scrapFen: sum(paidScraps, scrapOnly) + sum(paidPurchases, (p) => p.scrapPartFen),
      purchaseFen: sum(paidPurchases, (p) => p.purchaseFen),
    },
    lastScrap: max(scraps.map((s) => s.handoverDate as string)),
    lastPurchase: max(purchases.map((p) => p.purchaseDate)),
    scrapsByMonth: byMonth(scraps.map((s) => s.handoverDate as string)),
    purchasesByMonth: byMonth(purchases.map((p) => p.purchaseDate)),
    purchasesByItem: byItem,
  };
}

/** Days of the year passed through the end of `asOf`, by calendar arithmetic. */
export function daysPassed(year: number, asOf: string): number {
  return (Date.parse(`${asOf}T00:00:00Z`) - Date.parse(`${year}-01-01T00:00:00Z`)) / 86_400_000 + 1;
}

/** An even split of `total` over the 18 townships in table order (the first `total mod 18` get one more). */
export function evenShare(total: number, township: string): number {
  const index = TOWNSHIPS.findIndex((t) => t.code === township);
  return Math.floor(total / 18) + (index < total % 18 ? 1 : 0);
}
