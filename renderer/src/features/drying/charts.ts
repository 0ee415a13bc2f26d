import { SITE_STAGE_LABELS, SITE_STAGES } from '../../../../shared/domain/drying-stages';
import type { DryingSummary } from '../../../../shared/schemas/drying-summary';
import type { EChartOption } from '../../components/echart-option';
import { HEAT_COLORS } from './labels';

const GREEN = '#1f6f43';
const LIGHT = '#9fd3b2';

/** Capacity operating vs planned (t/day) by township, townships with nothing left out; the county total in the title. */
export function capacityOption(s: DryingSummary): EChartOption {
  const rows = s.townships.filter((t) => t.plannedT > 0 || t.operatingT > 0 || t.centres + t.points > 0).reverse();
  return {
    title: { text: `烘干能力（吨/日）  全县运行 ${s.county.operatingT} / 规划 ${s.county.plannedT}`, textStyle: { fontSize: 14 } },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { bottom: 0, data: ['运行能力', '规划能力'] },
    grid: { left: 90, right: 48, top: 40, bottom: 56 },
    xAxis: { type: 'value', name: '吨/日' },
    yAxis: { type: 'category', data: rows.map((t) => t.townshipName) },
    series: [
      {
        name: '运行能力',
        type: 'bar',
        data: rows.map((t) => t.operatingT),
        itemStyle: { color: GREEN },
        label: { show: true, position: 'right' },
      },
      {
        name: '规划能力',
        type: 'bar',
        data: rows.map((t) => t.plannedT),
        itemStyle: { color: LIGHT },
        label: { show: true, position: 'right' },
      },
    ],
  };
}

export function stageOption(s: DryingSummary): EChartOption {
  const colors = ['#9ca3af', '#3b82f6', '#06b6d4', GREEN, '#ef4444'];
  return {
    title: { text: '各阶段设施数（处）', textStyle: { fontSize: 14 } },
    tooltip: { trigger: 'axis' },
    grid: { left: 40, right: 20, top: 60, bottom: 30 },
    xAxis: { type: 'category', data: SITE_STAGES.map((st) => SITE_STAGE_LABELS[st]) },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      {
        type: 'bar',
        barWidth: '45%',
        data: SITE_STAGES.map((st, i) => ({ value: s.county.byStage[st], itemStyle: { color: colors[i] } })),
        label: { show: true, position: 'top' },
      },
    ],
  };
}

/** Coal dryers remaining at each month-end, the plan line, completions per month, and 0 by the end of the target year. */
export function burndownOption(s: DryingSummary): EChartOption {
  const months = s.coal.months.map((m) => m.month);
  const target = `${s.coal.targetYear}-12`;
  return {
    title: { text: `燃煤烘干机剩余（台）  目标：${s.coal.targetYear}年底清零`, textStyle: { fontSize: 14 } },
    tooltip: { trigger: 'axis' },
    legend: { bottom: 0, data: ['剩余（实际）', '剩余（按计划）', '当月淘汰', '当月改造'] },
    grid: { left: 40, right: 30, top: 48, bottom: 64 },
    xAxis: { type: 'category', data: months },
    yAxis: { type: 'value', minInterval: 1, min: 0 },
    series: [
      {
        name: '剩余（实际）',
        type: 'line',
        data: s.coal.months.map((m) => m.remaining),
        itemStyle: { color: '#374151' },
        lineStyle: { width: 3 },
        symbolSize: 6,
        markLine: months.includes(target)
          ? {
              symbol: 'none',
              label: { formatter: `${s.coal.targetYear}年底` },
              lineStyle: { color: '#dc2626', type: 'dashed' },
              data: [{ xAxis: target }],
            }
          : undefined,
        markPoint: months.includes(target)
          ? {
              symbol: 'pin',
              symbolSize: 44,
              itemStyle: { color: '#dc2626' },
              label: { formatter: '目标0' },
              data: [{ name: '目标', coord: [target, 0], value: 0 }],
            }
          : undefined,
      },
      {
        name: '剩余（按计划）',
        type: 'line',
        data: s.coal.months.map((m) => m.plannedRemaining),
        itemStyle: { color: '#9ca3af' },
        lineStyle: { type: 'dashed' },
        symbol: 'none',
      },
      { name: '当月淘汰', type: 'bar', stack: 'done', data: s.coal.months.map((m) => m.retired), itemStyle: { color: '#f59e0b' } },
      { name: '当月改造', type: 'bar', stack: 'done', data: s.coal.months.map((m) => m.converted), itemStyle: { color: '#16a34a' } },
    ],
  };
}

export function heatOption(s: DryingSummary, basis: 'operatingT' | 'plannedT'): EChartOption {
  const data = s.heatShares
    .filter((h) => h[basis] > 0)
    .map((h) => ({ name: h.label, value: h[basis], itemStyle: { color: HEAT_COLORS[h.heatSource] } }));
  return {
    title: { text: `热源构成（${basis === 'operatingT' ? '运行' : '规划'}能力，吨/日）`, textStyle: { fontSize: 14 } },
    tooltip: { trigger: 'item', formatter: '{b}：{c} 吨/日（{d}%）' },
    legend: { bottom: 0 },
    series: [
      {
        type: 'pie',
        radius: ['35%', '62%'],
        center: ['50%', '52%'],
        data,
        label: { formatter: '{b}\n{d}%' },
      },
    ],
  };
}
