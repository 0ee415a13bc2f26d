import type ExcelJS from 'exceljs';
import { PACE_LABELS } from '../../shared/domain/pace';
import type { MechanizationSummary } from '../../shared/schemas/mechanization';
import type { Measure, ProgressByTownship, ProgressMonthly, ProgressSummary } from '../../shared/schemas/progress';
import { addSheet, type Column } from './xlsx';

/** The summary sheet's measure table: the same numbers, in the same order, as the progress cards. */
export const SUMMARY_HEADERS = [
  '项目',
  '年度目标',
  '已完成',
  '完成率（%）',
  '今日应完成（均衡进度）',
  '年底预计（按全年进度）',
  '年底预计（按近90天）',
  '剩余每月需完成',
  '进度',
  '最近计入日期',
] as const;

const measureRow = (label: string, m: Measure) => [
  label,
  m.target,
  m.done,
  m.percent,
  m.expectedByToday,
  m.projectedYearEnd,
  m.projectedFromRecent,
  m.neededPerMonth,
  PACE_LABELS[m.status],
  m.lastActivity,
];

const yuan = (fen: number) => fen / 100;

function boldRow(ws: ExcelJS.Worksheet, values: (string | number | null)[]) {
  const r = ws.addRow(values);
  r.font = { bold: true };
  r.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8F1EC' } };
  return r;
}

export function addSummarySheet(wb: ExcelJS.Workbook, title: string, s: ProgressSummary): void {
  const ws = wb.addWorksheet('汇总');
  ws.columns = [18, 12, 12, 12, 20, 20, 20, 16, 10, 14].map((width) => ({ width }));
  const t = ws.addRow([title]);
  t.font = { bold: true, size: 14 };
  ws.mergeCells(1, 1, 1, SUMMARY_HEADERS.length);
  ws.addRow([
    `统计范围：${s.scope.name}\u3000截至：${s.asOf}${s.targetsAreDefault ? '\u3000（目标为县政府方案默认值，县局尚未保存本年度目标）' : ''}`,
  ]);
  boldRow(ws, [...SUMMARY_HEADERS]);
  ws.addRow(measureRow('报废农机（台）', s.scraps));
  ws.addRow(measureRow('新购农机（台）', s.purchases));
  ws.addRow([
    '北斗/监测终端（台）',
    s.terminals.target,
    s.terminals.beidou + s.terminals.monitor,
    s.terminals.sharePct,
    null,
    null,
    null,
    null,
    `占新购农机 ${s.terminals.sharePct ?? 0}%`,
  ]);
  ws.addRow([]);
  boldRow(ws, ['补贴资金', '报废部分（元）', '购置部分（元）', '合计（元）']);
  for (const [label, f] of [
    ['已承诺（已核验及以后）', s.funds.committed],
    ['已兑付', s.funds.paid],
  ] as const) {
    const r = ws.addRow([label, yuan(f.scrapFen), yuan(f.purchaseFen), yuan(f.totalFen)]);
    [2, 3, 4].forEach((c) => (r.getCell(c).numFmt = '#,##0.00'));
  }
  ws.addRow([]);
  boldRow(ws, ['其他目标', '目标', '现状']);
  ws.addRow(['综合机械化率（%）', s.mechanization.targetPct, s.mechanization.ratePct ?? '未录入']);
  ws.addRow(['烘干能力（吨/日）', s.drying.capacityTargetTpd ?? '未设定', `运行 ${s.drying.operatingTpd}，规划 ${s.drying.plannedTpd}（截至 ${s.drying.asOf}）`]);
  ws.addRow(['燃煤烘干机清零年份', s.drying.coalDryersZeroByYear ?? '未设定', s.drying.coal.text]);
  ws.addRow([]);
  const rule = ws.addRow([s.countingRule.text]);
  ws.mergeCells(rule.number, 1, rule.number, SUMMARY_HEADERS.length);
  rule.alignment = { wrapText: true, vertical: 'top' };
  rule.height = 48;
  if (s.outside.scraps + s.outside.purchases > 0) {
    ws.addRow([`另有报废 ${s.outside.scraps} 台、新购 ${s.outside.purchases} 台的机主不属本县乡镇，未计入。`]);
  }
  if (s.disputed.scraps + s.disputed.purchases > 0) {
    ws.addRow([`待核查：报废 ${s.disputed.scraps} 台、新购 ${s.disputed.purchases} 台为跨站重复记录，冲突核查前按最早一条计入，其余未计入。`]);
  }
}

type TownshipRow = ProgressByTownship['rows'][number];

const TOWNSHIP_COLUMNS: Column<TownshipRow>[] = [
  { header: '乡镇（街道）', width: 12, value: (r) => r.townshipName },
  { header: '报废目标', width: 9, value: (r) => r.scraps.target },
  { header: '报废完成', width: 9, value: (r) => r.scraps.done },
  { header: '报废完成率（%）', width: 13, value: (r) => r.scraps.percent },
  { header: '报废年底预计', width: 12, value: (r) => r.scraps.projectedYearEnd },
  { header: '购置目标', width: 9, value: (r) => r.purchases.target },
  { header: '购置完成', width: 9, value: (r) => r.purchases.done },
  { header: '购置完成率（%）', width: 13, value: (r) => r.purchases.percent },
  { header: '购置年底预计', width: 12, value: (r) => r.purchases.projectedYearEnd },
  { header: '北斗/监测终端', width: 12, value: (r) => r.terminals },
  { header: '已承诺资金（元）', width: 15, money: true, value: (r) => r.committedFen },
  { header: '已兑付资金（元）', width: 15, money: true, value: (r) => r.paidFen },
  { header: '最近计入日期', width: 12, value: (r) => r.lastActivity },
  { header: '进度', width: 8, value: (r) => (r.laggard ? '滞后' : '正常') },
];

export function addTownshipSheet(wb: ExcelJS.Workbook, data: ProgressByTownship): void {
  addSheet(wb, '分乡镇', TOWNSHIP_COLUMNS, data.rows, `${data.year}年分乡镇目标进度（截至 ${data.asOf}）`);
  const ws = wb.getWorksheet('分乡镇');
  if (!ws) return;
  const t = data.totals;
  const total = ws.addRow(['合计', t.scrapTarget, t.scraps, null, null, t.purchaseTarget, t.purchases]);
  total.font = { bold: true };
  data.rows.forEach((r, i) => {
    if (r.laggard) ws.getRow(i + 3).font = { color: { argb: 'FFCF1322' } };
  });
}

type MonthRow = ProgressMonthly['months'][number];

export function addMonthlySheet(wb: ExcelJS.Workbook, data: ProgressMonthly): void {
  const columns: Column<MonthRow>[] = [
    { header: '月份', width: 8, value: (r) => `${r.month}月` },
    { header: '报废（台）', width: 10, value: (r) => r.scraps },
    { header: '累计报废', width: 10, value: (r) => r.cumulativeScraps },
    { header: '新购（台）', width: 10, value: (r) => r.purchases },
    { header: '累计新购', width: 10, value: (r) => r.cumulativePurchases },
    { header: '其中装北斗/监测终端', width: 18, value: (r) => r.terminals },
  ];
  addSheet(wb, '月度', columns, data.months, `${data.year}年逐月完成情况（${data.scope.name}）`);
}

type MechRow = MechanizationSummary['townships'][number];

export function addMechanizationSheet(wb: ExcelJS.Workbook, m: MechanizationSummary): void {
  const columns: Column<MechRow>[] = [
    { header: '乡镇（街道）', width: 12, value: (r) => r.townshipName },
    { header: '应耕面积（亩）', width: 14, value: (r) => (r.crops.length ? r.totals.tillageBaseMu : null) },
    { header: '机耕面积（亩）', width: 14, value: (r) => (r.crops.length ? r.totals.tilledMu : null) },
    { header: '播种面积（亩）', width: 14, value: (r) => (r.crops.length ? r.totals.sownMu : null) },
    { header: '机播面积（亩）', width: 14, value: (r) => (r.crops.length ? r.totals.machineSownMu : null) },
    { header: '机收面积（亩）', width: 14, value: (r) => (r.crops.length ? r.totals.machineHarvestedMu : null) },
    { header: '机耕率（%）', width: 10, value: (r) => r.rates.tillage },
    { header: '机播率（%）', width: 10, value: (r) => r.rates.sowing },
    { header: '机收率（%）', width: 10, value: (r) => r.rates.harvest },
    { header: '综合机械化率（%）', width: 15, value: (r) => r.rates.comprehensive },
    { header: '距目标缺口（亩，至少）', width: 20, value: (r) => (r.crops.length ? r.gap.minimumMu : null) },
  ];
  const w = m.weights;
  addSheet(
    wb,
    '机械化率',
    columns,
    m.townships,
    `${m.year}年耕种收综合机械化率（目标 ${m.targetPct}%，权重 机耕${w.tillage}/机播${w.sowing}/机收${w.harvest}）`,
  );
  const ws = wb.getWorksheet('机械化率');
  const c = m.total;
  if (!ws) return;
  ws.addRow([
    '合计（面积加权）',
    c.totals.tillageBaseMu,
    c.totals.tilledMu,
    c.totals.sownMu,
    c.totals.machineSownMu,
    c.totals.machineHarvestedMu,
    c.rates.tillage,
    c.rates.sowing,
    c.rates.harvest,
    c.rates.comprehensive,
    c.gap.minimumMu,
  ]).font = { bold: true };
}
