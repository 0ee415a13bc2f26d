import { computePace } from '../../shared/domain/pace';
import { COUNTY, TOWNSHIPS, townshipName } from '../../shared/domain/townships';
import type { Measure, ProgressByTownship, ProgressMonthly, ProgressSummary } from '../../shared/schemas/progress';
import type { ServiceContext } from '../context';
import { getInstallation } from '../repositories/installation';
import type { MonthItemRow, TotalsRow } from '../repositories/progress';
import { mechanizationRateOf } from './mechanization';
import {
  countsByTownship,
  currentYear,
  inCounty,
  loadFacts,
  loadMonthItems,
  scopeFilter,
  tally,
  type Tally,
  today,
  type YearFacts,
} from './progress-facts';
import { getConfig } from './config';
import { progressDrying } from './progress-drying';
import { countingRule, loadTargets, type YearTargets } from './targets';

/** Whose numbers: a station always its own township; the county the whole county or the township asked for. */
export function resolveScope(ctx: ServiceContext, townshipCode?: string): { townshipCode: string | null; name: string } {
  const installation = getInstallation(ctx.db);
  const code = installation?.role === 'station' ? installation.township_code : (townshipCode ?? null);
  return { townshipCode: code, name: code ? townshipName(code) : `${COUNTY.name}（全县）` };
}

function measureOf(facts: YearFacts, target: number, t: Tally): Measure {
  const pace = computePace({ year: facts.year, asOf: facts.asOf, target, done: t.n, recentDone: t.recent });
  return { ...pace, lastActivity: t.last };
}

function targetsFor(targets: YearTargets, code: string | null) {
  if (!code) return { scrap: targets.county.scrapCount, purchase: targets.county.purchaseCount, beidou: targets.county.beidouCount };
  const s = targets.shares.get(code);
  return { scrap: s?.scrapCount ?? 0, purchase: s?.purchaseCount ?? 0, beidou: s?.beidouCount ?? null };
}

const pct1 = (part: number, whole: number) => (whole > 0 ? Math.round((part / whole) * 1000) / 10 : null);

/** The year's progress cards: counts against targets with pace, terminal share, funds, mechanization rate. */
export function progressSummary(ctx: ServiceContext, input: { year?: number; townshipCode?: string }): ProgressSummary {
  const year = input.year ?? currentYear(ctx);
  const scope = resolveScope(ctx, input.townshipCode);
  const facts = loadFacts(ctx, year, scope.townshipCode);
  const targets = loadTargets(ctx, year);
  const goal = targetsFor(targets, scope.townshipCode);
  const keep = scopeFilter(scope.townshipCode);
  const scraps = tally(facts.counted, facts.scraps, keep);
  const purchases = tally(facts.counted, facts.purchases, keep);
  const outside = (rows: TotalsRow[]) => (scope.townshipCode ? 0 : tally(facts.counted, rows, (r) => !inCounty(r)).n);
  const committedScrap = scraps.committedScrapFen + purchases.committedScrapFen;
  const paidScrap = scraps.paidScrapFen + purchases.paidScrapFen;
  return {
    year,
    asOf: facts.asOf,
    scope,
    targetsAreDefault: targets.isDefault,
    sharesAreDefault: scope.townshipCode !== null && targets.sharesAreDefault,
    countingRule: countingRule(facts.stage),
    scraps: measureOf(facts, goal.scrap, scraps),
    purchases: measureOf(facts, goal.purchase, purchases),
    terminals: {
      beidou: purchases.beidou,
      monitor: purchases.monitor,
      sharePct: pct1(purchases.beidou + purchases.monitor, purchases.n),
      target: goal.beidou,
    },
    funds: {
      committed: {
        scrapFen: committedScrap,
        purchaseFen: purchases.committedPurchaseFen,
        totalFen: committedScrap + purchases.committedPurchaseFen,
      },
      paid: { scrapFen: paidScrap, purchaseFen: purchases.paidPurchaseFen, totalFen: paidScrap + purchases.paidPurchaseFen },
    },
    mechanization: { ...mechanizationRateOf(ctx, year, scope.townshipCode), targetPct: targets.county.mechanizationRate },
    drying: progressDrying(ctx, scope.townshipCode, {
      capacityTargetTpd: targets.county.dryingCapacityTpd,
      coalDryersZeroByYear: targets.county.coalDryersZeroByYear,
    }),
    outside: { scraps: outside(facts.scraps), purchases: outside(facts.purchases) },
    disputed: { scraps: tally(facts.counted, facts.held.scraps, keep).n, purchases: tally(facts.counted, facts.held.purchases, keep).n },
  };
}

/** One row per township (a station: its own), with pace per measure; laggards are behind on either. */
export function progressByTownship(ctx: ServiceContext, input: { year?: number; townshipCode?: string }): ProgressByTownship {
  const year = input.year ?? currentYear(ctx);
  const own = resolveScope(ctx, undefined).townshipCode;
  const facts = loadFacts(ctx, year, own);
  const targets = loadTargets(ctx, year);
  const scrapBy = countsByTownship(facts, facts.scraps);
  const purchaseBy = countsByTownship(facts, facts.purchases);
  const rows = TOWNSHIPS.filter((t) => !own || t.code === own).map((t) => {
    const goal = targetsFor(targets, t.code);
    const s = scrapBy.get(t.code) as Tally;
    const p = purchaseBy.get(t.code) as Tally;
    const scraps = measureOf(facts, goal.scrap, s);
    const purchases = measureOf(facts, goal.purchase, p);
    const last =
      [s.last, p.last]
        .filter((d): d is string => d !== null)
        .sort()
        .at(-1) ?? null;
    return {
      townshipCode: t.code,
      townshipName: t.name,
      scraps,
      purchases,
      terminals: p.beidou + p.monitor,
      committedFen: s.committedScrapFen + p.committedScrapFen + p.committedPurchaseFen,
      paidFen: s.paidScrapFen + p.paidScrapFen + p.paidPurchaseFen,
      lastActivity: last,
      laggard: scraps.status === 'behind' || purchases.status === 'behind',
      disputed: [...facts.held.scraps, ...facts.held.purchases].filter((r) => r.township === t.code && facts.counted.has(r.status)).reduce((a, r) => a + r.n, 0),
    };
  });
  const sum = (f: (r: (typeof rows)[number]) => number) => rows.reduce((a, r) => a + f(r), 0);
  return {
    year,
    asOf: facts.asOf,
    sharesAreDefault: targets.sharesAreDefault,
    rows,
    totals: {
      scrapTarget: sum((r) => r.scraps.target),
      scraps: sum((r) => r.scraps.done),
      purchaseTarget: sum((r) => r.purchases.target),
      purchases: sum((r) => r.purchases.done),
    },
  };
}

function byItem(rows: MonthItemRow[]) {
  const counts = new Map<string, number>();
  for (const r of rows) counts.set(r.item, (counts.get(r.item) ?? 0) + r.n);
  return [...counts].map(([item, count]) => ({ item, count })).sort((a, b) => b.count - a.count || a.item.localeCompare(b.item, 'zh'));
}

function byMonth(rows: MonthItemRow[]): { n: number[]; terminals: number[] } {
  const n = Array.from({ length: 12 }, () => 0);
  const terminals = Array.from({ length: 12 }, () => 0);
  for (const r of rows) {
    const i = Number(r.month) - 1;
    n[i] = (n[i] ?? 0) + r.n;
    if (r.terminal !== 'none') terminals[i] = (terminals[i] ?? 0) + r.n;
  }
  return { n, terminals };
}

/** Month by month for the charts: counts, running totals through the as-of month, machine types, terminals. */
export function progressMonthly(ctx: ServiceContext, input: { year?: number; townshipCode?: string }): ProgressMonthly {
  const year = input.year ?? currentYear(ctx);
  const scope = resolveScope(ctx, input.townshipCode);
  const goal = targetsFor(loadTargets(ctx, year), scope.townshipCode);
  const asOf = today(ctx);
  const rows = loadMonthItems(ctx, { year, stage: getConfig(ctx, 'progressCountingStage') }, scope.townshipCode);
  const asOfYear = Number(asOf.slice(0, 4));
  const lastMonth = asOfYear > year ? 12 : asOfYear < year ? 0 : Number(asOf.slice(5, 7));
  const s = byMonth(rows.scraps);
  const p = byMonth(rows.purchases);
  let cumScraps = 0;
  let cumPurchases = 0;
  const months = Array.from({ length: 12 }, (_, i) => {
    cumScraps += s.n[i] ?? 0;
    cumPurchases += p.n[i] ?? 0;
    const shown = i + 1 <= lastMonth;
    return {
      month: i + 1,
      scraps: s.n[i] ?? 0,
      purchases: p.n[i] ?? 0,
      cumulativeScraps: shown ? cumScraps : null,
      cumulativePurchases: shown ? cumPurchases : null,
      terminals: p.terminals[i] ?? 0,
    };
  });
  const count = (kind: 'beidou' | 'monitor' | 'none') => rows.purchases.filter((r) => r.terminal === kind).reduce((a, r) => a + r.n, 0);
  return {
    year,
    asOf,
    scope,
    targets: { scrapCount: goal.scrap, purchaseCount: goal.purchase },
    months,
    byItem: { scraps: byItem(rows.scraps), purchases: byItem(rows.purchases) },
    terminals: { beidou: count('beidou'), monitor: count('monitor'), none: count('none') },
  };
}
