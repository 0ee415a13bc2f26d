import { Table, Tag, Tooltip } from 'antd';
import { QuestionCircleOutlined } from '@ant-design/icons';
import type { Measure, ProgressSummary } from '../../../../shared/schemas/progress';
import { count, PACE_LABELS, PACE_TAG, pct } from './progress-format';

interface Row {
  key: string;
  label: string;
  help?: string;
  scraps: React.ReactNode;
  purchases: React.ReactNode;
}

const projection = (n: number | null) => (n === null ? '—' : `${count(n)} 台`);

function needed(m: Measure): React.ReactNode {
  if (m.shortfall === 0) return <Tag color="green">已完成目标</Tag>;
  if (m.neededPerMonth === null) return <Tag color="red">年度已结束，差 {m.shortfall} 台</Tag>;
  return `${count(m.neededPerMonth)} 台/月`;
}

/** The pace arithmetic behind the cards, measure by measure, with what each line means. */
export function PaceTable({ s }: { s: ProgressSummary }) {
  const { scraps: sc, purchases: pu } = s;
  const rows: Row[] = [
    { key: 'target', label: '年度目标', scraps: `${count(sc.target)} 台`, purchases: `${count(pu.target)} 台` },
    {
      key: 'done',
      label: '已完成',
      scraps: `${count(sc.done)} 台（${pct(sc.percent)}）`,
      purchases: `${count(pu.done)} 台（${pct(pu.percent)}）`,
    },
    {
      key: 'expected',
      label: '今日应完成（均衡进度）',
      help: `年度目标 × 已过天数 / 全年天数（已过 ${sc.elapsedDays} / ${sc.daysInYear} 天）；与之相差 5% 以内（至少 ±1 台）为“正常”`,
      scraps: `${sc.expectedByToday} 台`,
      purchases: `${pu.expectedByToday} 台`,
    },
    {
      key: 'status',
      label: '进度',
      scraps: <Tag color={PACE_TAG[sc.status]}>{PACE_LABELS[sc.status]}</Tag>,
      purchases: <Tag color={PACE_TAG[pu.status]}>{PACE_LABELS[pu.status]}</Tag>,
    },
    {
      key: 'projected',
      label: '年底预计（按全年至今进度）',
      help: '已完成 ÷ 已过天数 × 全年天数',
      scraps: projection(sc.projectedYearEnd),
      purchases: projection(pu.projectedYearEnd),
    },
    {
      key: 'recent',
      label: `年底预计（按近${sc.recentDays || 90}天进度）`,
      help: '已完成 + 近90天完成数 ÷ 90 × 剩余天数（年初不足90天时按已过天数）',
      scraps: projection(sc.projectedFromRecent),
      purchases: projection(pu.projectedFromRecent),
    },
    {
      key: 'needed',
      label: `剩余 ${sc.remainingMonths} 个月每月需完成`,
      help: '尚差台数 ÷ 剩余月数（含本月），向上取整',
      scraps: needed(sc),
      purchases: needed(pu),
    },
    { key: 'last', label: '最近计入日期', scraps: sc.lastActivity ?? '—', purchases: pu.lastActivity ?? '—' },
  ];
  return (
    <Table<Row>
      size="small"
      pagination={false}
      dataSource={rows}
      data-testid="pace-table"
      columns={[
        {
          title: '指标',
          dataIndex: 'label',
          width: 240,
          render: (label: string, r) =>
            r.help ? (
              <Tooltip title={r.help}>
                <span>
                  {label} <QuestionCircleOutlined style={{ color: '#9ca3af' }} />
                </span>
              </Tooltip>
            ) : (
              label
            ),
        },
        { title: '报废农机', dataIndex: 'scraps', onCell: () => ({ 'data-col': 'scraps' }) as React.HTMLAttributes<HTMLTableCellElement> },
        {
          title: '新购农机',
          dataIndex: 'purchases',
          onCell: () => ({ 'data-col': 'purchases' }) as React.HTMLAttributes<HTMLTableCellElement>,
        },
      ]}
    />
  );
}
