import { COUNTED_STATUSES, STATUS_LABELS, type Status } from './workflow';

/**
 * The counting rule (计入口径) of the progress screen: which review stage makes a machine count toward
 * the year's target. A scrapped machine counts in the year of its hand-over to the recycler (交售日期),
 * a purchased one in the year of its purchase (购机日期). Voided and returned applications never count.
 * A scrap renewed by a purchase (报废并更新) counts as one scrapped machine and its purchase as one purchased machine.
 */
export const COUNTING_STAGES = ['verified', 'published', 'paid'] as const satisfies readonly Status[];
export type CountingStage = (typeof COUNTING_STAGES)[number];
export const DEFAULT_COUNTING_STAGE: CountingStage = 'verified';

export const COUNTING_STAGE_LABELS: Record<CountingStage, string> = {
  verified: '已核验及以后（已核验、已公示、已兑付）',
  published: '已公示及以后（已公示、已兑付）',
  paid: '仅已兑付',
};

/** The statuses that count under a stage: that stage and every later one, never voided or returned. */
export function countedStatuses(stage: CountingStage): Status[] {
  return COUNTED_STATUSES.slice(COUNTED_STATUSES.indexOf(stage));
}

/** The rule in words, as the screen, the printout and the Excel report show it. */
export function countingRuleText(stage: CountingStage): string {
  const first = STATUS_LABELS[stage];
  const stages = stage === 'paid' ? '状态为“已兑付”' : `状态为“${first}”或之后的阶段`;
  return (
    `计入口径：${stages}、未作废的申请计入；报废农机按交售（回收）日期、新购农机按购机日期计入所属年度；` +
    '乡镇按购机者（机主）户籍所在乡镇统计；报废并更新的，报废农机和新购农机各计 1 台。' +
    '资金“已承诺”为已核验及以后的补贴额，“已兑付”为已兑付的补贴额。'
  );
}
