import { Progress, Table, Tag, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { Measure, ProgressByTownship, TownshipProgress } from '../../../../shared/schemas/progress';
import { count, PACE_COLORS, PACE_LABELS, PACE_TAG, wan } from './progress-format';

/** The worse of the two measures is the township's pace. */
const RANK: Record<Measure['status'], number> = { behind: 0, onPace: 1, ahead: 2, achieved: 3 };

const byNumber = (f: (r: TownshipProgress) => number | null) => (a: TownshipProgress, b: TownshipProgress) => (f(a) ?? -1) - (f(b) ?? -1);

function doneOf(m: Measure, kind: 'scraps' | 'purchases') {
  return (
    <div style={{ minWidth: 130 }} data-measure={kind} data-done={m.done} data-target={m.target}>
      <span style={{ fontWeight: 600 }}>{count(m.done)}</span>
      <span style={{ color: '#6b7280' }}> / {count(m.target)}</span>
      <Progress
        percent={Math.min(m.percent ?? 0, 100)}
        size="small"
        strokeColor={PACE_COLORS[m.status]}
        format={() => (m.percent === null ? '—' : `${m.percent}%`)}
      />
    </div>
  );
}

function columns(): ColumnsType<TownshipProgress> {
  return [
    {
      title: '乡镇（街道）',
      dataIndex: 'townshipName',
      fixed: 'left',
      width: 110,
      render: (v: string, r) => (
        <>
          <Typography.Link>{v}</Typography.Link>
          {r.disputed > 0 && (
            <Tooltip title="跨站重复的记录，冲突核查完成前不计入">
              <Tag color="orange" style={{ marginInlineStart: 4 }} data-testid="township-disputed">
                待核查 {r.disputed}
              </Tag>
            </Tooltip>
          )}
        </>
      ),
    },
    {
      title: '报废 完成/目标',
      key: 'scraps',
      sorter: byNumber((r) => r.scraps.percent),
      render: (_: unknown, r) => doneOf(r.scraps, 'scraps'),
    },
    {
      title: '报废 年底预计',
      key: 'scrapProj',
      align: 'right',
      sorter: byNumber((r) => r.scraps.projectedYearEnd),
      render: (_: unknown, r) => count(r.scraps.projectedYearEnd),
    },
    {
      title: '新购 完成/目标',
      key: 'purchases',
      sorter: byNumber((r) => r.purchases.percent),
      render: (_: unknown, r) => doneOf(r.purchases, 'purchases'),
    },
    {
      title: '新购 年底预计',
      key: 'purchaseProj',
      align: 'right',
      sorter: byNumber((r) => r.purchases.projectedYearEnd),
      render: (_: unknown, r) => count(r.purchases.projectedYearEnd),
    },
    { title: '装终端', dataIndex: 'terminals', align: 'right', sorter: byNumber((r) => r.terminals), render: (v: number) => count(v) },
    {
      title: '已承诺资金',
      dataIndex: 'committedFen',
      align: 'right',
      sorter: byNumber((r) => r.committedFen),
      render: (v: number) => wan(v),
    },
    {
      title: '最近计入',
      dataIndex: 'lastActivity',
      sorter: (a, b) => (a.lastActivity ?? '').localeCompare(b.lastActivity ?? ''),
      render: (v: string | null) => v ?? <span style={{ color: '#9ca3af' }}>本年无</span>,
    },
    {
      title: '进度',
      key: 'status',
      sorter: (a, b) => Number(b.laggard) - Number(a.laggard),
      render: (_: unknown, r) => {
        if (r.laggard) {
          const which = [r.scraps.status === 'behind' && '报废', r.purchases.status === 'behind' && '新购'].filter(Boolean).join('、');
          return <Tag color="red">{which}滞后</Tag>;
        }
        const worst = RANK[r.scraps.status] <= RANK[r.purchases.status] ? r.scraps.status : r.purchases.status;
        return <Tag color={PACE_TAG[worst]}>{PACE_LABELS[worst]}</Tag>;
      },
    },
  ];
}

interface Props {
  data: ProgressByTownship;
  onOpen: (townshipCode: string) => void;
}

/** The county's 18 townships, sortable; those behind the even pace on either measure are highlighted. Click or Enter opens one. */
export function TownshipTable({ data, onOpen }: Props) {
  const laggards = data.rows.filter((r) => r.laggard).length;
  return (
    <>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
        {laggards > 0 ? `${laggards} 个乡镇（街道）进度滞后（红色底纹）。` : '各乡镇均未滞后。'}
        点击乡镇查看其明细；目标为县局分解到乡镇的数{data.sharesAreDefault ? '（县局尚未分解，暂按平均分配）' : ''}。
      </Typography.Paragraph>
      <Table<TownshipProgress>
        rowKey="townshipCode"
        size="small"
        columns={columns()}
        dataSource={data.rows}
        pagination={false}
        scroll={{ x: 'max-content' }}
        data-testid="township-table"
        rowClassName={(r) => (r.laggard ? 'pp-laggard' : '')}
        onRow={(r) => ({
          onClick: () => onOpen(r.townshipCode),
          onKeyDown: (e) => {
            if (e.key === 'Enter') onOpen(r.townshipCode);
          },
          tabIndex: 0,
          style: { cursor: 'pointer' },
          'data-township': r.townshipCode,
        })}
        summary={() => (
          <Table.Summary.Row style={{ fontWeight: 600 }}>
            <Table.Summary.Cell index={0}>合计</Table.Summary.Cell>
            <Table.Summary.Cell index={1}>
              {count(data.totals.scraps)} / {count(data.totals.scrapTarget)}
            </Table.Summary.Cell>
            <Table.Summary.Cell index={2} />
            <Table.Summary.Cell index={3}>
              {count(data.totals.purchases)} / {count(data.totals.purchaseTarget)}
            </Table.Summary.Cell>
            <Table.Summary.Cell index={4} colSpan={5} />
          </Table.Summary.Row>
        )}
      />
    </>
  );
}
