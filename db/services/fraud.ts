import { priceFloorFen } from '../../shared/domain/plausibility';
import { AppError } from '../../shared/api/errors';
import { formatFen } from '../../shared/domain/money';
import { editDistance } from '../../shared/domain/machine-ids';
import { townshipName } from '../../shared/domain/townships';
import { STATUS_LABELS, type Status } from '../../shared/domain/workflow';
import type { Warning } from '../../shared/schemas/purchases';
import type { ServiceContext } from '../context';
import * as purchases from '../repositories/purchases';
import * as scraps from '../repositories/scraps';
import { getConfig } from './config';
import { FRAME_NO_LABEL } from '../../shared/domain/machine-terms';

/** DOMAIN.md §8: hard refusals (CONFLICT naming the earlier record) and warnings that need a reason. */

const where = (name: string, township: string) => `${name}（${townshipName(township)}）`;

/** A scrapped machine (engine, frame or plate number) can be scrapped once. */
export function assertScrapNumbersFree(
  ctx: ServiceContext,
  n: { engine: string | null; frame: string | null; plate: string | null },
  exceptId?: string,
): void {
  const earlier = scraps.findScrapsByNumbers(ctx.db, n, exceptId)[0];
  if (!earlier) return;
  const [field, label] =
    n.engine && earlier.engine_no_norm === n.engine
      ? ['engineNo', `发动机号 ${earlier.engine_no}`]
      : n.frame && earlier.frame_no_norm === n.frame
        ? ['frameNo', `${FRAME_NO_LABEL} ${earlier.frame_no}`]
        : ['plateNo', `号牌 ${earlier.plate_no}`];
  throw AppError.field(
    'CONFLICT',
    [field],
    `${label} 已于 ${earlier.created_at.slice(0, 10)} 登记报废：机主 ${where(earlier.f_name, earlier.f_township_code)}，${earlier.item} ${earlier.model}（${STATUS_LABELS[earlier.status as Status]}）。同一台农机只能报废一次`,
    { existingId: earlier.id, existingKind: 'scrap' },
  );
}

/** A factory serial is subsidised once, ever; a scrapped machine never comes back as a new one. */
export function assertMachineIsNew(ctx: ServiceContext, n: { factory: string; engine: string | null }, exceptId?: string): void {
  const earlier = n.factory ? purchases.findPurchasesBySerial(ctx.db, n.factory, exceptId)[0] : undefined;
  if (earlier) {
    throw AppError.field(
      'CONFLICT',
      ['factoryNo'],
      `出厂编号 ${earlier.factory_no} 已于 ${earlier.purchase_date} 申请过购置补贴：购机者 ${where(earlier.f_name, earlier.f_township_code)}，${earlier.item} ${earlier.model}，补贴 ${formatFen(earlier.total_fen)} 元（${STATUS_LABELS[earlier.status as Status]}）。同一台农机只能补贴一次`,
      { existingId: earlier.id, existingKind: 'purchase' },
    );
  }
  const numbers = [n.factory, n.engine].filter((x): x is string => Boolean(x));
  const scrapped = scraps.findScrapsMatchingMachine(ctx.db, numbers)[0];
  if (scrapped) {
    const field = n.engine && (scrapped.engine_no_norm === n.engine || scrapped.frame_no_norm === n.engine) ? 'engineNo' : 'factoryNo';
    throw AppError.field(
      'CONFLICT',
      [field],
      `该${field === 'engineNo' ? '发动机号' : '出厂编号'}属于 ${scrapped.created_at.slice(0, 10)} 登记报废的农机（机主 ${scrapped.f_name}，${scrapped.item} ${scrapped.model}）。报废农机不能作为新机申请补贴`,
      { existingId: scrapped.id, existingKind: 'scrap' },
    );
  }
}

export interface WarningFacts {
  id?: string;
  farmerId: string;
  purchaseDate: string;
  item: string;
  model: string;
  modelNorm: string;
  bandId: string;
  priceFen: number;
  priceLowFen: number | null;
  priceHighFen: number | null;
  scrapHandoverDate: string | null;
}

function median(sorted: number[]): number {
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] as number) : Math.round(((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2);
}

/** Things a person must explain before saving: many machines, a near-miss model code, an odd price, dates out of order. */
export function purchaseWarnings(ctx: ServiceContext, f: WarningFacts): Warning[] {
  const out: Warning[] = [];
  const year = Number(f.purchaseDate.slice(0, 4));
  const limit = getConfig(ctx, 'buyerYearlyLimit');
  const count = purchases.countBuyerPurchasesInYear(ctx.db, f.farmerId, year, f.id) + 1;
  if (count > limit) {
    out.push({
      code: 'buyer_many',
      message: `该购机者 ${year} 年已是第 ${count} 台农机申请补贴（超过 ${limit} 台），请核实是否借用他人身份`,
    });
  }
  const near = purchases
    .modelsForItem(ctx.db, f.item, f.id)
    .find((m) => m.model_norm !== f.modelNorm && editDistance(m.model_norm, f.modelNorm, 1) === 1);
  if (near) {
    out.push({ code: 'model_near', message: `型号“${f.model}”与已登记的“${near.model}”仅差一个字符，请核对发票、铭牌和目录上的型号` });
  }
  let low = f.priceLowFen;
  let high = f.priceHighFen;
  if (low === null && high === null) {
    const prices = purchases.pricesForBand(ctx.db, f.bandId, f.id);
    if (prices.length >= 5) {
      const m = median(prices);
      low = Math.floor(m / 2);
      high = m * 2;
    }
  }
  if ((low !== null && f.priceFen < low) || (high !== null && f.priceFen > high)) {
    out.push({
      code: 'price_outlier',
      message: `售价 ${formatFen(f.priceFen)} 元明显偏离该档次的常见价格（${low !== null ? formatFen(low) : '—'} – ${high !== null ? formatFen(high) : '—'} 元），请核对发票`,
    });
  }
  const floor = priceFloorFen(f.priceLowFen, getConfig(ctx, 'priceFloorPercent'));
  if (f.priceFen < floor) {
    out.push({
      code: 'price_floor',
      message: `售价 ${formatFen(f.priceFen)} 元低于该档次的最低合理价格（${formatFen(floor)} 元），请核对发票并说明原因`,
    });
  }
  if (f.scrapHandoverDate && f.purchaseDate < f.scrapHandoverDate) {
    out.push({ code: 'date_before_handover', message: `购机日期 ${f.purchaseDate} 早于所关联报废农机的交售日期 ${f.scrapHandoverDate}` });
  }
  return out;
}

/** Refuses the save until every warning has a reason; returns the warnings with their reasons to store. */
export function requireOverrides(warnings: Warning[], overrides: { code: string; reason: string }[]) {
  const missing = warnings.filter((w) => !overrides.some((o) => o.code === w.code));
  if (missing.length) {
    throw new AppError('VALIDATION', `请说明原因后再保存：${missing.map((w) => w.message).join('；')}`, {
      issues: missing.map((w) => ({ path: ['overrides', w.code], message: w.message })),
      details: { warnings: missing },
    });
  }
  return warnings.map((w) => ({ ...w, reason: overrides.find((o) => o.code === w.code)?.reason ?? '' }));
}
