import { chinaToday } from '../context';
import { compactDate } from '../../shared/domain/civil-date';
import { DRYER_KIND_LABELS, DRYER_STATUS_LABELS, HEAT_SOURCE_LABELS, RETIREMENT_PLAN_LABELS } from '../../shared/domain/drying-dryers';
import { CONFORMITY_LABELS, isOverdue, SITE_STAGE_LABELS } from '../../shared/domain/drying-stages';
import { townshipName } from '../../shared/domain/townships';
import { SITE_KIND_LABELS } from '../../shared/schemas/drying';
import type { JobStatus } from '../../shared/schemas/jobs';
import type { ServiceContext } from '../context';
import { getFarmer } from '../repositories/farmers';
import { scrapForLink } from '../repositories/drying-dryers';
import type { SiteListRow } from '../repositories/drying-sites';
import { capacityOf, dryingConfig, todayOf, type DryerFacts } from './drying-common';
import { stageDatesOf } from './drying-sites';
import { loadSitesWithDryers } from './drying-summary';
import { getSettings } from './settings';
import { addSheet, newWorkbook, type Column } from './xlsx';
import { startWorkbookExport, type BuiltWorkbook } from './export-job';

type SiteLine = { site: SiteListRow; dryers: DryerFacts[]; uscc: string | null; overdue: boolean };
type DryerLine = DryerFacts & { site: SiteListRow; n: number };

const SITE_COLUMNS: Column<SiteLine & { n: number }>[] = [
  { header: '序号', width: 6, value: (r) => r.n },
  { header: '设施名称', width: 24, value: (r) => r.site.name },
  { header: '类型', width: 9, value: (r) => SITE_KIND_LABELS[r.site.kind] },
  { header: '乡镇', width: 10, value: (r) => townshipName(r.site.township_code) },
  { header: '村', width: 10, value: (r) => r.site.village },
  { header: '位置说明', width: 18, value: (r) => r.site.location },
  { header: '经营主体', width: 22, value: (r) => r.site.operator_name },
  { header: '统一社会信用代码', width: 21, value: (r) => r.uscc },
  { header: '阶段', width: 6, value: (r) => SITE_STAGE_LABELS[r.site.stage] },
  { header: '规划日期', width: 11, value: (r) => stageDatesOf(r.site).planned },
  { header: '开工日期', width: 11, value: (r) => stageDatesOf(r.site).building },
  { header: '建成日期', width: 11, value: (r) => stageDatesOf(r.site).built },
  { header: '投产日期', width: 11, value: (r) => stageDatesOf(r.site).operating },
  { header: '停用日期', width: 11, value: (r) => stageDatesOf(r.site).closed },
  { header: '计划建成日期', width: 12, value: (r) => r.site.planned_completion },
  { header: '逾期', width: 6, value: (r) => (r.overdue ? '是' : '') },
  { header: '符合国土空间规划', width: 10, value: (r) => CONFORMITY_LABELS[r.site.conformity] },
  { header: '规划文件文号', width: 20, value: (r) => r.site.conformity_doc_no },
  { header: '总投资（元）', width: 14, money: true, value: (r) => r.site.investment_fen },
  { header: '补贴资金（元）', width: 14, money: true, value: (r) => r.site.subsidy_fen },
  { header: '服务面积（亩）', width: 12, value: (r) => r.site.area_served_mu },
  { header: '烘干机（台）', width: 10, value: (r) => r.dryers.filter((d) => d.dryer.status !== 'retired').length },
  { header: '运行能力（吨/日）', width: 14, value: (r) => capacityOf(r.dryers, r.site.stage).operatingT },
  { header: '规划能力（吨/日）', width: 14, value: (r) => capacityOf(r.dryers, r.site.stage).plannedT },
  { header: '备注', width: 20, value: (r) => r.site.notes },
];

const DRYER_COLUMNS: Column<DryerLine>[] = [
  { header: '序号', width: 6, value: (r) => r.n },
  { header: '乡镇', width: 10, value: (r) => townshipName(r.site.township_code) },
  { header: '烘干设施', width: 24, value: (r) => r.site.name },
  { header: '生产厂家', width: 20, value: (r) => r.dryer.maker },
  { header: '型号', width: 14, value: (r) => r.dryer.model },
  { header: '类型', width: 12, value: (r) => DRYER_KIND_LABELS[r.dryer.kind] },
  { header: '批处理量（吨/批）', width: 14, value: (r) => r.dryer.batch_t },
  { header: '日处理量（吨/日）', width: 14, value: (r) => r.dailyT },
  { header: '日处理量来源', width: 12, value: (r) => (r.dryer.daily_t !== null ? '填报' : '按批次折算') },
  { header: '原热源', width: 12, value: (r) => HEAT_SOURCE_LABELS[r.dryer.heat_source] },
  { header: '现热源', width: 12, value: (r) => HEAT_SOURCE_LABELS[r.heatNow] },
  { header: '安装年份', width: 9, value: (r) => r.dryer.year_installed },
  { header: '状态', width: 8, value: (r) => DRYER_STATUS_LABELS[r.dryer.status] },
  { header: '备注', width: 20, value: (r) => r.dryer.notes },
];

function retirementColumns(ctx: ServiceContext, targetYear: number): Column<DryerLine>[] {
  const scrap = (id: string | null | undefined) => {
    const s = id ? scrapForLink(ctx.db, id) : undefined;
    return s ? `${s.item} ${s.model}（${s.farmer_name}）` : null;
  };
  const end = `${targetYear}-12-31`;
  return [
    { header: '序号', width: 6, value: (r) => r.n },
    { header: '乡镇', width: 10, value: (r) => townshipName(r.site.township_code) },
    { header: '烘干设施', width: 24, value: (r) => r.site.name },
    { header: '生产厂家', width: 20, value: (r) => r.dryer.maker },
    { header: '型号', width: 14, value: (r) => r.dryer.model },
    { header: '日处理量（吨/日）', width: 14, value: (r) => r.dailyT },
    { header: '安装年份', width: 9, value: (r) => r.dryer.year_installed },
    { header: '方式', width: 16, value: (r) => (r.retirement ? RETIREMENT_PLAN_LABELS[r.retirement.plan] : '未安排') },
    { header: '计划日期', width: 11, value: (r) => r.retirement?.planned_date ?? null },
    { header: '完成日期', width: 11, value: (r) => r.retirement?.actual_date ?? null },
    {
      header: '新热源',
      width: 14,
      value: (r) => (r.retirement?.new_heat_source ? HEAT_SOURCE_LABELS[r.retirement.new_heat_source] : null),
    },
    { header: '补贴（元）', width: 12, money: true, value: (r) => r.retirement?.subsidy_fen ?? null },
    { header: '关联报废登记', width: 26, value: (r) => scrap(r.retirement?.scrap_id) },
    {
      header: `${targetYear}年底前完成`,
      width: 12,
      value: (r) => (r.retirement?.actual_date ? '已完成' : r.retirement && r.retirement.planned_date <= end ? '按计划' : '否'),
    },
    { header: '说明', width: 20, value: (r) => r.retirement?.note ?? null },
  ];
}

function numbered<T>(rows: readonly T[]): (T & { n: number })[] {
  return rows.map((r, i) => ({ ...r, n: i + 1 }));
}

/** 烘干设施、烘干机、燃煤烘干机淘汰台账 in one workbook. */
export function exportDrying(ctx: ServiceContext, input: { townshipCode?: string }): JobStatus {
  return startWorkbookExport(ctx, 'drying.exportXlsx', dryingWorkbook(ctx, input));
}

function dryingWorkbook(ctx: ServiceContext, input: { townshipCode?: string }): BuiltWorkbook {
  const today = todayOf(ctx);
  const config = dryingConfig(ctx);
  const sites = loadSitesWithDryers(ctx, input.townshipCode, today);
  const settings = getSettings(ctx);
  const unit = settings.configured ? settings.unitName : '未设置';
  const scope = input.townshipCode ? townshipName(input.townshipCode) : '全部乡镇';
  const fileName = `${unit}-烘干设施台账-${compactDate(chinaToday(ctx))}.xlsx`;
  const siteLines = sites.map(({ site, dryers }) => ({
    site,
    dryers,
    uscc: site.operator_id ? (getFarmer(ctx.db, site.operator_id)?.id_number ?? null) : null,
    overdue: isOverdue({ stage: site.stage, plannedCompletion: site.planned_completion }, today),
  }));
  const dryerLines = sites.flatMap(({ site, dryers }) => dryers.map((d) => ({ ...d, site })));
  const coalLines = dryerLines.filter((d) => d.dryer.heat_source === 'coal');
  const wb = newWorkbook();
  const title = (what: string) => `${unit} ${what}（${scope}，截至 ${today}）`;
  let rowCount = addSheet(wb, '烘干设施', SITE_COLUMNS, numbered(siteLines), title('烘干设施'));
  rowCount += addSheet(wb, '烘干机', DRYER_COLUMNS, numbered(dryerLines), title(`烘干机（循环式按每日 ${config.batchesPerDay} 批折算）`));
  rowCount += addSheet(
    wb,
    '燃煤烘干机淘汰台账',
    retirementColumns(ctx, config.coalTargetYear),
    numbered(coalLines),
    title(`燃煤烘干机淘汰/改造台账（目标：${config.coalTargetYear}年底前清零）`),
  );
  return { wb, fileName, rowCount };
}
