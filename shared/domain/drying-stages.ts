/**
 * Build-out stages of a grain-drying site (烘干中心 / 烘干点), DOMAIN.md §1 and §6:
 * 规划 → 在建 → 建成 → 投产 in order, or 停用 from any started stage. A site may leave 规划 only when it
 * conforms to the land-use plan (符合国土空间规划) with the document's number recorded.
 */

export const SITE_STAGES = ['planned', 'building', 'built', 'operating', 'closed'] as const;
export type SiteStage = (typeof SITE_STAGES)[number];
export const SITE_STAGE_LABELS: Record<SiteStage, string> = {
  planned: '规划',
  building: '在建',
  built: '建成',
  operating: '投产',
  closed: '停用',
};

/** The forward path; 停用 is off it. */
export const STAGE_PATH = ['planned', 'building', 'built', 'operating'] as const satisfies readonly SiteStage[];

export const CONFORMITY = ['yes', 'no', 'pending'] as const;
export type Conformity = (typeof CONFORMITY)[number];
export const CONFORMITY_LABELS: Record<Conformity, string> = { yes: '符合', no: '不符合', pending: '待认定' };

export type StageDates = Record<SiteStage, string | null>;

export interface StageState {
  stage: SiteStage;
  dates: StageDates;
  conformity: Conformity;
  conformityDocNo: string | null;
}

export interface StageIssue {
  path: string[];
  message: string;
}

/** Where a site at `stage` may go next. */
export function nextStages(stage: SiteStage): SiteStage[] {
  switch (stage) {
    case 'planned':
      return ['building'];
    case 'building':
      return ['built', 'closed'];
    case 'built':
      return ['operating', 'closed'];
    case 'operating':
      return ['closed'];
    case 'closed':
      return [];
  }
}

/** The date the site reached the stage it is in now. */
export function currentStageDate(s: { stage: SiteStage; dates: StageDates }): string | null {
  return s.dates[s.stage];
}

function orderMessage(from: SiteStage, to: SiteStage): string {
  if (from === 'closed') return '已停用的烘干设施不能再变更阶段';
  if (to === 'closed') return '尚未开工（规划）的设施不能停用；如不再建设，请作废该规划';
  return `不能从“${SITE_STAGE_LABELS[from]}”直接转为“${SITE_STAGE_LABELS[to]}”，须依次经过 规划 → 在建 → 建成 → 投产`;
}

/** What leaving 规划 needs: conformity recorded as 符合, with the document number. */
export function conformityIssues(s: { conformity: Conformity; conformityDocNo: string | null }, to: SiteStage): StageIssue[] {
  const toLabel = SITE_STAGE_LABELS[to];
  if (s.conformity !== 'yes') {
    const now = s.conformity === 'no' ? '登记为“不符合”' : '尚未认定';
    return [
      {
        path: ['conformity'],
        message: `该设施是否符合国土空间规划${now}：须认定为“符合”并填写规划文件文号后，才能转为“${toLabel}”`,
      },
    ];
  }
  if (!s.conformityDocNo) {
    return [{ path: ['conformityDocNo'], message: `请先填写符合国土空间规划的文件文号，才能转为“${toLabel}”` }];
  }
  return [];
}

/**
 * Why a site cannot move to `to` on `date` (empty when it can). `today` is YYYY-MM-DD: a stage's date is
 * never in the future and never before the date of the stage the site is in now.
 */
export function transitionIssues(s: StageState, to: SiteStage, date: string, today: string): StageIssue[] {
  if (!nextStages(s.stage).includes(to)) return [{ path: ['to'], message: orderMessage(s.stage, to) }];
  const issues: StageIssue[] = s.stage === 'planned' ? conformityIssues(s, to) : [];
  const previous = currentStageDate(s);
  if (date > today) issues.push({ path: ['date'], message: `${SITE_STAGE_LABELS[to]}日期不能晚于今天（${today}）` });
  else if (previous && date < previous) {
    issues.push({
      path: ['date'],
      message: `${SITE_STAGE_LABELS[to]}日期不能早于${SITE_STAGE_LABELS[s.stage]}日期（${previous}）`,
    });
  }
  return issues;
}

/**
 * The dates a site has reached, in path order, must not go backwards (for an edit of the 规划 date).
 * Returns the first stage whose date is earlier than the one before it.
 */
export function datesOutOfOrder(dates: StageDates): { stage: SiteStage; before: SiteStage } | null {
  let last: { stage: SiteStage; date: string } | null = null;
  for (const stage of [...STAGE_PATH, 'closed'] as SiteStage[]) {
    const date = dates[stage];
    if (!date) continue;
    if (last && date < last.date) return { stage, before: last.stage };
    last = { stage, date };
  }
  return null;
}

/** Not 投产 (nor 停用) although the planned completion date has passed. */
export function isOverdue(s: { stage: SiteStage; plannedCompletion: string | null }, today: string): boolean {
  return s.stage !== 'operating' && s.stage !== 'closed' && s.plannedCompletion !== null && s.plannedCompletion < today;
}
