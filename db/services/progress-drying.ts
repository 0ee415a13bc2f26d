import type { ProgressSummary } from '../../shared/schemas/progress';
import type { ServiceContext } from '../context';
import { dryingConfig, todayOf } from './drying-common';
import { capacityRowOf, loadDryingScope } from './drying-totals';

type DryingPart = ProgressSummary['drying'];

/** 燃煤烘干机 against the one target year: 已完成 / 剩余 N 台（Y 年底前） / 逾期 N 台. */
export function coalState(remaining: number, total: number, targetYear: number | null, today: string): DryingPart['coal'] {
  if (total === 0) return { total, remaining, state: 'none', text: '无燃煤烘干机' };
  if (remaining === 0) return { total, remaining, state: 'done', text: '已完成（燃煤烘干机已全部淘汰或改造）' };
  if (targetYear === null) return { total, remaining, state: 'remaining', text: `剩余 ${remaining} 台（清零年份未设定）` };
  if (today > `${targetYear}-12-31`)
    return { total, remaining, state: 'overdue', text: `逾期 ${remaining} 台（应于 ${targetYear} 年底前清零）` };
  return { total, remaining, state: 'remaining', text: `剩余 ${remaining} 台（${targetYear} 年底前清零）` };
}

/** The 粮食烘干 card: the drying module's figures for the scope, as of today, against the year's targets. */
export function progressDrying(
  ctx: ServiceContext,
  townshipCode: string | null,
  targets: { capacityTargetTpd: number | null; coalDryersZeroByYear: number | null },
): DryingPart {
  const today = todayOf(ctx);
  const totals = loadDryingScope(ctx, townshipCode, dryingConfig(ctx).batchesPerDay);
  const row = capacityRowOf(townshipCode ?? '371525', '', totals);
  const coalTotal = totals.dryers.reduce((n, d) => n + d.coal_total, 0);
  return {
    ...targets,
    asOf: today,
    operatingTpd: row.operatingT,
    plannedTpd: row.plannedT,
    centres: row.centres,
    points: row.points,
    dryers: row.dryers,
    coal: coalState(row.coalRemaining, coalTotal, targets.coalDryersZeroByYear, today),
  };
}
