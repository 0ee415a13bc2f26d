import { Table, Typography } from 'antd';
import type { CapacityRow, DryingSummary } from '../../../../shared/schemas/drying-summary';
import { formatT } from './labels';

const num = (n: number) => (n ? n : <Typography.Text type="secondary">0</Typography.Text>);

/** The map-free overview: one row per township, counts by kind and stage, capacities, coal dryers left. */
export function TownshipTable({
  summary,
  loading,
  onPick,
}: {
  summary?: DryingSummary;
  loading: boolean;
  onPick?: (code: string) => void;
}) {
  const rows = summary?.townships ?? [];
  return (
    <Table<CapacityRow>
      rowKey="townshipCode"
      size="small"
      loading={loading}
      pagination={false}
      dataSource={rows}
      data-testid="township-table"
      onRow={(r) => ({ onClick: () => onPick?.(r.townshipCode), style: onPick ? { cursor: 'pointer' } : undefined })}
      columns={[
        { title: '乡镇（街道）', dataIndex: 'townshipName', width: 110 },
        { title: '烘干中心', dataIndex: 'centres', align: 'right', render: num },
        { title: '烘干点', dataIndex: 'points', align: 'right', render: num },
        { title: '规划', key: 'planned', align: 'right', render: (_: unknown, r) => num(r.byStage.planned) },
        { title: '在建', key: 'building', align: 'right', render: (_: unknown, r) => num(r.byStage.building) },
        { title: '建成', key: 'built', align: 'right', render: (_: unknown, r) => num(r.byStage.built) },
        { title: '投产', key: 'operating', align: 'right', render: (_: unknown, r) => num(r.byStage.operating) },
        { title: '停用', key: 'closed', align: 'right', render: (_: unknown, r) => num(r.byStage.closed) },
        { title: '烘干机（台）', dataIndex: 'dryers', align: 'right', render: num },
        { title: '运行能力（吨/日）', dataIndex: 'operatingT', align: 'right', render: (v: number) => (v ? formatT(v) : num(0)) },
        { title: '规划能力（吨/日）', dataIndex: 'plannedT', align: 'right', render: (v: number) => (v ? formatT(v) : num(0)) },
        {
          title: '燃煤烘干机剩余（台）',
          dataIndex: 'coalRemaining',
          align: 'right',
          render: (v: number) => (v ? <Typography.Text type="danger">{v}</Typography.Text> : num(0)),
        },
      ]}
      summary={() =>
        summary && rows.length > 1 ? (
          <Table.Summary fixed>
            <Table.Summary.Row style={{ fontWeight: 600, background: '#f6faf7' }} data-testid="county-row">
              <Table.Summary.Cell index={0}>全县合计</Table.Summary.Cell>
              {[
                summary.county.centres,
                summary.county.points,
                summary.county.byStage.planned,
                summary.county.byStage.building,
                summary.county.byStage.built,
                summary.county.byStage.operating,
                summary.county.byStage.closed,
                summary.county.dryers,
                formatT(summary.county.operatingT),
                formatT(summary.county.plannedT),
                summary.county.coalRemaining,
              ].map((v, i) => (
                <Table.Summary.Cell key={i} index={i + 1} align="right">
                  {v}
                </Table.Summary.Cell>
              ))}
            </Table.Summary.Row>
          </Table.Summary>
        ) : null
      }
    />
  );
}
