import type { EChartOption } from '../../components/echart-option';
import type { ProgressMonthly } from '../../../../shared/schemas/progress';

/** Colours the charts share with the cards: new machines in the app's green, scrapped ones in amber. */
export const SERIES_COLORS = {
  purchases: '#1f6f43',
  scraps: '#d48806',
  pace: '#8c8c8c',
  target: '#cf1322',
  monitor: '#69b1ff',
  none: '#d9d9d9',
};

const MONTHS = Array.from({ length: 12 }, (_, i) => `${i + 1}月`);
const round1 = (x: number) => Math.round(x * 10) / 10;
const share = (n: number | null, target: number) => (n === null || target <= 0 ? null : round1((n / target) * 100));

type Point = number | null | { value: number; label: object };

/** The latest point of a running total carries its label: machines and share of the target. */
function withEndLabel(points: [number | null, number | null][]): Point[] {
  const last = points.reduce((at, [v], i) => (v === null ? at : i), -1);
  return points.map(([v, n], i) =>
    i === last && v !== null
      ? { value: v, label: { show: true, position: 'top', fontWeight: 'bold', formatter: `${n ?? 0} 台 ${v}%` } }
      : v,
  );
}

/**
 * Cumulative machines as a share of the year's target, month by month, against the even pace (the dashed line,
 * where a steady month-by-month pace would stand at each month's end) and the target (100%). Both measures
 * share one scale, whatever their targets; the tooltip gives the machines.
 */
export function cumulativeOption(m: ProgressMonthly): EChartOption {
  const t = m.targets;
  const purchases = withEndLabel(m.months.map((x) => [share(x.cumulativePurchases, t.purchaseCount), x.cumulativePurchases]));
  const scraps = withEndLabel(m.months.map((x) => [share(x.cumulativeScraps, t.scrapCount), x.cumulativeScraps]));
  const pace = m.months.map((_, i) => round1(((i + 1) / 12) * 100));
  const names = { p: `新购农机（目标 ${t.purchaseCount} 台）`, s: `报废农机（目标 ${t.scrapCount} 台）`, pace: '均衡进度' };
  return {
    color: [SERIES_COLORS.purchases, SERIES_COLORS.scraps, SERIES_COLORS.pace],
    tooltip: {
      trigger: 'axis',
      valueFormatter: (v) => (v === null || v === undefined ? '—' : `${String(v)}%`),
      formatter: (items) => {
        const list = Array.isArray(items) ? items : [items];
        const i = (list[0]?.dataIndex as number) ?? 0;
        const row = m.months[i];
        const line = (label: string, n: number | null | undefined, target: number) =>
          n === null || n === undefined ? `${label}：—` : `${label}：累计 ${n} 台，占目标 ${share(n, target) ?? '—'}%`;
        return [
          `<b>${MONTHS[i]}底</b>`,
          line('新购', row?.cumulativePurchases, t.purchaseCount),
          line('报废', row?.cumulativeScraps, t.scrapCount),
          `均衡进度：${pace[i]}%`,
        ].join('<br/>');
      },
    },
    legend: { top: 0, data: [names.p, names.s, names.pace] },
    grid: { left: 48, right: 36, top: 40, bottom: 28 },
    xAxis: { type: 'category', data: MONTHS, boundaryGap: false, axisLabel: { interval: 0, fontSize: 11 } },
    yAxis: { type: 'value', min: 0, max: (v) => Math.max(100, Math.ceil(v.max / 10) * 10), axisLabel: { formatter: '{value}%' } },
    series: [
      {
        name: names.p,
        type: 'line',
        data: purchases,
        symbolSize: 6,
        lineStyle: { width: 3 },
        markLine: {
          silent: true,
          symbol: 'none',
          lineStyle: { color: SERIES_COLORS.target, type: 'solid', width: 1.5 },
          label: { formatter: '年度目标 100%', position: 'insideEndTop', color: SERIES_COLORS.target },
          data: [{ yAxis: 100 }],
        },
      },
      { name: names.s, type: 'line', data: scraps, symbolSize: 6, lineStyle: { width: 3 } },
      { name: names.pace, type: 'line', data: pace, symbol: 'none', lineStyle: { type: 'dashed', width: 1.5 } },
    ],
  };
}

/** Machines counted each month; the label sits on every bar that has any. */
export function monthlyOption(m: ProgressMonthly): EChartOption {
  const label = {
    show: true,
    position: 'top' as const,
    fontSize: 11,
    formatter: (p: { value?: unknown }) => (Number(p.value) > 0 ? String(p.value) : ''),
  };
  return {
    color: [SERIES_COLORS.purchases, SERIES_COLORS.scraps],
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: (v) => `${String(v)} 台` },
    legend: { top: 0, data: ['新购农机', '报废农机'] },
    grid: { left: 40, right: 12, top: 40, bottom: 28 },
    xAxis: { type: 'category', data: MONTHS, axisLabel: { interval: 0, fontSize: 11 } },
    yAxis: { type: 'value', name: '台', minInterval: 1 },
    series: [
      { name: '新购农机', type: 'bar', data: m.months.map((x) => x.purchases), label, barMaxWidth: 22 },
      { name: '报废农机', type: 'bar', data: m.months.map((x) => x.scraps), label, barMaxWidth: 22 },
    ],
  };
}

/** Machines by item (机具品目), largest first; beyond ten, the rest are 其他. */
export function itemsOption(items: { item: string; count: number }[], kind: 'purchases' | 'scraps'): EChartOption {
  const top = items.slice(0, 10);
  const rest = items.slice(10).reduce((a, i) => a + i.count, 0);
  const rows = [...top, ...(rest > 0 ? [{ item: '其他', count: rest }] : [])].reverse();
  return {
    color: [SERIES_COLORS[kind]],
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: (v) => `${String(v)} 台` },
    grid: { left: 8, right: 48, top: 8, bottom: 8, containLabel: true },
    xAxis: { type: 'value', minInterval: 1, name: '台' },
    yAxis: { type: 'category', data: rows.map((r) => r.item), axisLabel: { width: 130, overflow: 'truncate' } },
    series: [{ type: 'bar', data: rows.map((r) => r.count), label: { show: true, position: 'right' }, barMaxWidth: 18 }],
  };
}

/** New machines with a BeiDou or field-monitoring terminal, as a ring with the share in the middle. */
export function terminalsOption(t: ProgressMonthly['terminals']): EChartOption {
  const total = t.beidou + t.monitor + t.none;
  const withTerminal = total > 0 ? round1(((t.beidou + t.monitor) / total) * 100) : null;
  return {
    color: [SERIES_COLORS.purchases, SERIES_COLORS.monitor, SERIES_COLORS.none],
    tooltip: { trigger: 'item', formatter: '{b}：{c} 台（{d}%）' },
    legend: { bottom: 0 },
    title: {
      text: withTerminal === null ? '暂无新购' : `${withTerminal}%`,
      subtext: withTerminal === null ? '' : '装北斗/监测终端',
      left: 'center',
      top: '36%',
      textStyle: { fontSize: 26, fontWeight: 'bold', color: '#1f2937' },
      subtextStyle: { fontSize: 12, color: '#6b7280' },
    },
    series: [
      {
        type: 'pie',
        radius: ['48%', '70%'],
        // with no new machines, no ring (ECharts would otherwise split it into equal made-up thirds)
        stillShowZeroSum: false,
        center: ['50%', '45%'],
        label: {
          position: 'inside',
          formatter: (p: { value?: unknown }) => (Number(p.value) > 0 ? String(p.value) : ''),
          color: '#fff',
          fontWeight: 'bold',
        },
        labelLine: { show: false },
        data: [
          { name: '北斗定位/辅助驾驶终端', value: t.beidou },
          { name: '田间作业监测终端', value: t.monitor },
          { name: '未装终端', value: t.none },
        ],
      },
    ],
  };
}
