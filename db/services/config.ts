import { DEFAULT_COUNTING_STAGE, type CountingStage } from '../../shared/domain/counting';
import { DEFAULT_MECHANIZATION_WEIGHTS, type MechanizationWeights } from '../../shared/domain/mechanization';
import { officialCalendar, type WorkCalendar } from '../../shared/domain/official-calendar';
import type { ServiceContext } from '../context';

/** Settings that rules read, with their defaults; stored as JSON in the config table when changed. */
export const CONFIG_DEFAULTS = {
  /** More purchases than this by one buyer in one year need a reason (borrowed ID cards). */
  buyerYearlyLimit: 3,
  /**
   * Holidays and make-up workdays (调休) beyond the official calendars shipped in
   * shared/domain/official-calendar.ts (a later year, a correction), YYYY-MM-DD; merged into them.
   */
  holidays: [] as string[],
  makeupWorkdays: [] as string[],
  /** Where each added year's list comes from (year → notice number or date), shown in 设置. */
  calendarSources: {} as Record<string, string>,
  /** 计入口径: the review stage from which a machine counts toward the year's targets (目标进度). */
  progressCountingStage: DEFAULT_COUNTING_STAGE as CountingStage,
  /** Weights of the comprehensive mechanization rate (DOMAIN.md §5): 机耕 / 机播 / 机收. */
  mechanizationWeights: DEFAULT_MECHANIZATION_WEIGHTS as MechanizationWeights,
  /** A township whose station has not reported for longer than this is highlighted (上报情况). */
  reportingSilentDays: 30,
  /** Batches a batch (循环式) dryer runs per day, for t/day when only t/batch is known (DOMAIN §6, unconfirmed). */
  dryerBatchesPerDay: 2,
  /** Where to object to a public notice (异议受理): the station's address and phone, printed on every notice. */
  stationAddress: '' as string,
  stationPhone: '' as string,
  /** A purchase price below this share of the band's usual low price (or ¥100 without one) needs a reason. */
  priceFloorPercent: 10,
  /** A station whose county package (县局下发包) is older than this many days is reminded to fetch a new one. */
  packageStaleDays: 30,
};

/**
 * The coal-dryer target year a drying setting held before it moved to the per-year targets (coal_dryers_zero_by):
 * still read, never written, so a value set there is carried into the targets until the county saves them.
 */
export function legacyCoalDryerYear(ctx: ServiceContext): number | null {
  const row = ctx.db.prepare("SELECT value_json FROM config WHERE key = 'coalDryerTargetYear'").get() as { value_json: string } | undefined;
  const year = row ? Number(JSON.parse(row.value_json)) : NaN;
  return Number.isInteger(year) && year >= 2000 && year <= 2100 ? year : null;
}
export type ConfigKey = keyof typeof CONFIG_DEFAULTS;

export function getConfig<K extends ConfigKey>(ctx: ServiceContext, key: K): (typeof CONFIG_DEFAULTS)[K] {
  const row = ctx.db.prepare('SELECT value_json FROM config WHERE key = ?').get(key) as { value_json: string } | undefined;
  return row ? (JSON.parse(row.value_json) as (typeof CONFIG_DEFAULTS)[K]) : CONFIG_DEFAULTS[key];
}

export function setConfig<K extends ConfigKey>(ctx: ServiceContext, key: K, value: (typeof CONFIG_DEFAULTS)[K]): void {
  ctx.db
    .prepare(
      'INSERT INTO config (key, value_json, updated_at) VALUES (?, ?, ?) ON CONFLICT (key) DO UPDATE SET value_json = excluded.value_json, updated_at = excluded.updated_at',
    )
    .run(key, JSON.stringify(value), ctx.now().toISOString());
}

/** The working-day calendar for every deadline: the official calendars plus what settings add. */
export function workCalendar(ctx: ServiceContext): WorkCalendar {
  return officialCalendar({ holidays: getConfig(ctx, 'holidays'), makeupWorkdays: getConfig(ctx, 'makeupWorkdays') });
}
