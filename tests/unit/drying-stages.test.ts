import { describe, expect, it } from 'vitest';
import {
  datesOutOfOrder,
  isOverdue,
  nextStages,
  SITE_STAGES,
  transitionIssues,
  type SiteStage,
  type StageDates,
  type StageState,
} from '../../shared/domain/drying-stages';

const TODAY = '2025-06-30';
const NO_DATES: StageDates = { planned: null, building: null, built: null, operating: null, closed: null };

function site(
  stage: SiteStage,
  dates: Partial<StageDates>,
  conformity: StageState['conformity'] = 'yes',
  doc: string | null = '冠自然资规〔2025〕12号',
): StageState {
  return { stage, dates: { ...NO_DATES, ...dates }, conformity, conformityDocNo: doc };
}

const planned = site('planned', { planned: '2025-01-10' });
const messages = (s: StageState, to: SiteStage, date: string) =>
  transitionIssues(s, to, date, TODAY).map((i) => `${i.path.join('.')}: ${i.message}`);

describe('the stage path 规划 → 在建 → 建成 → 投产, 停用 from any started stage', () => {
  it('moves one stage at a time', () => {
    expect(nextStages('planned')).toEqual(['building']);
    expect(nextStages('building')).toEqual(['built', 'closed']);
    expect(nextStages('built')).toEqual(['operating', 'closed']);
    expect(nextStages('operating')).toEqual(['closed']);
    expect(nextStages('closed')).toEqual([]);
  });

  it('refuses skipping, going back and closing a site never started, in Chinese', () => {
    expect(messages(planned, 'built', '2025-02-01')).toEqual(['to: 不能从“规划”直接转为“建成”，须依次经过 规划 → 在建 → 建成 → 投产']);
    expect(
      messages(site('built', { planned: '2025-01-10', building: '2025-02-01', built: '2025-05-01' }), 'building', '2025-06-01')[0],
    ).toMatch(/^to: 不能从“建成”直接转为“在建”/);
    expect(messages(planned, 'closed', '2025-02-01')).toEqual(['to: 尚未开工（规划）的设施不能停用；如不再建设，请作废该规划']);
    expect(
      messages(site('closed', { planned: '2025-01-10', building: '2025-02-01', closed: '2025-03-01' }), 'operating', '2025-04-01'),
    ).toEqual(['to: 已停用的烘干设施不能再变更阶段']);
  });

  it('every stage but 规划 and 停用 may be closed', () => {
    for (const s of SITE_STAGES) expect(nextStages(s).includes('closed')).toBe(s === 'building' || s === 'built' || s === 'operating');
  });
});

describe('no 在建 without land-use conformity', () => {
  it('needs conformity 符合', () => {
    expect(messages(site('planned', { planned: '2025-01-10' }, 'pending', null), 'building', '2025-02-01')).toEqual([
      'conformity: 该设施是否符合国土空间规划尚未认定：须认定为“符合”并填写规划文件文号后，才能转为“在建”',
    ]);
    expect(messages(site('planned', { planned: '2025-01-10' }, 'no', null), 'building', '2025-02-01')[0]).toMatch(/登记为“不符合”/);
  });

  it('needs the document number with it', () => {
    expect(messages(site('planned', { planned: '2025-01-10' }, 'yes', null), 'building', '2025-02-01')).toEqual([
      'conformityDocNo: 请先填写符合国土空间规划的文件文号，才能转为“在建”',
    ]);
  });

  it('passes with both', () => {
    expect(messages(planned, 'building', '2025-02-01')).toEqual([]);
  });

  it('is checked only when leaving 规划', () => {
    expect(messages(site('building', { planned: '2025-01-10', building: '2025-02-01' }, 'pending', null), 'built', '2025-03-01')).toEqual(
      [],
    );
  });
});

describe('dates in order', () => {
  const building = site('building', { planned: '2025-01-10', building: '2025-02-01' });

  it('a stage date is not before the current stage date', () => {
    expect(messages(building, 'built', '2025-01-31')).toEqual(['date: 建成日期不能早于在建日期（2025-02-01）']);
    expect(messages(building, 'built', '2025-02-01')).toEqual([]); // the same day is fine
  });

  it('nor in the future', () => {
    expect(messages(building, 'built', '2025-07-01')).toEqual(['date: 建成日期不能晚于今天（2025-06-30）']);
    expect(messages(building, 'built', TODAY)).toEqual([]);
  });

  it('reports both conformity and date problems at once', () => {
    expect(messages(site('planned', { planned: '2025-01-10' }, 'pending', null), 'building', '2025-01-01')).toHaveLength(2);
  });

  it('finds a 规划 date edited to after a later stage', () => {
    expect(datesOutOfOrder({ ...NO_DATES, planned: '2025-03-01', building: '2025-02-01' })).toEqual({
      stage: 'building',
      before: 'planned',
    });
    expect(
      datesOutOfOrder({ ...NO_DATES, planned: '2025-01-01', building: '2025-02-01', built: '2025-02-01', operating: '2025-05-01' }),
    ).toBeNull();
    expect(datesOutOfOrder({ ...NO_DATES, planned: '2025-01-01', building: '2025-02-01', closed: '2025-01-15' })).toEqual({
      stage: 'closed',
      before: 'building',
    });
  });
});

describe('overdue', () => {
  it('is a planned completion passed without 投产', () => {
    expect(isOverdue({ stage: 'building', plannedCompletion: '2025-06-29' }, TODAY)).toBe(true);
    expect(isOverdue({ stage: 'built', plannedCompletion: '2025-06-29' }, TODAY)).toBe(true);
    expect(isOverdue({ stage: 'planned', plannedCompletion: TODAY }, TODAY)).toBe(false); // due today is not late yet
    expect(isOverdue({ stage: 'operating', plannedCompletion: '2025-01-01' }, TODAY)).toBe(false);
    expect(isOverdue({ stage: 'closed', plannedCompletion: '2025-01-01' }, TODAY)).toBe(false);
    expect(isOverdue({ stage: 'planned', plannedCompletion: null }, TODAY)).toBe(false);
  });
});
