import { Card, Radio } from 'antd';
import { useMemo, useState } from 'react';
import type { ProgressMonthly } from '../../../../shared/schemas/progress';
import { EChart } from '../../components/EChart';
import { cumulativeOption, itemsOption, monthlyOption, terminalsOption } from './chart-options';

/** The progress screen's charts, all from progress.monthly; each in its own card so pages can lay them out. */
interface ChartProps {
  m: ProgressMonthly;
  height?: number;
}

export function CumulativeChart({ m, height = 320 }: ChartProps) {
  const option = useMemo(() => cumulativeOption(m), [m]);
  return (
    <Card size="small" title="累计完成进度（占年度目标，虚线为均衡进度）">
      <EChart option={option} testId="chart-cumulative" style={{ height }} />
    </Card>
  );
}

export function MonthlyChart({ m, height = 300 }: ChartProps) {
  const option = useMemo(() => monthlyOption(m), [m]);
  return (
    <Card size="small" title="逐月完成台数">
      <EChart option={option} testId="chart-monthly" style={{ height }} />
    </Card>
  );
}

export function ItemsChart({ m, height = 300 }: ChartProps) {
  const [kind, setKind] = useState<'purchases' | 'scraps'>('purchases');
  const option = useMemo(() => itemsOption(kind === 'purchases' ? m.byItem.purchases : m.byItem.scraps, kind), [m, kind]);
  return (
    <Card
      size="small"
      title="按机具品目"
      extra={
        <Radio.Group
          size="small"
          value={kind}
          onChange={(e) => setKind(e.target.value as typeof kind)}
          optionType="button"
          data-testid="items-kind"
        >
          <Radio.Button value="purchases">新购</Radio.Button>
          <Radio.Button value="scraps">报废</Radio.Button>
        </Radio.Group>
      }
    >
      <EChart option={option} testId="chart-items" style={{ height }} />
    </Card>
  );
}

export function TerminalsChart({ m, height = 300 }: ChartProps) {
  const option = useMemo(() => terminalsOption(m.terminals), [m]);
  return (
    <Card size="small" title="新购装北斗/监测终端占比">
      <EChart option={option} testId="chart-terminals" style={{ height }} />
    </Card>
  );
}
