import { Button, Space, Table, Tooltip, Typography } from 'antd';
import { DRYER_KIND_LABELS, HEAT_SOURCE_LABELS, RETIREMENT_PLAN_LABELS } from '../../../../shared/domain/drying-dryers';
import type { Dryer } from '../../../../shared/schemas/drying';
import { Money } from '../../components/MoneyInput';
import { DryerStatusTag, formatT, HeatTag } from './labels';

const sub = { fontSize: 12, color: '#6b7280' };
const nowrap = (text: string) => <span style={{ whiteSpace: 'nowrap' }}>{text}</span>;

function Retirement({ d }: { d: Dryer }) {
  const r = d.retirement;
  if (!r) return d.heatSource === 'coal' ? <Typography.Text type="danger">未安排淘汰/改造</Typography.Text> : <span>—</span>;
  return (
    <div style={{ whiteSpace: 'nowrap' }} data-testid="retirement">
      {RETIREMENT_PLAN_LABELS[r.plan]}
      {r.newHeatSource ? ` → ${HEAT_SOURCE_LABELS[r.newHeatSource]}` : ''}
      <div style={sub}>
        {r.actualDate ? `已于 ${r.actualDate} 完成` : `计划 ${r.plannedDate}`}
        {r.subsidyFen ? (
          <>
            ，补贴 <Money fen={r.subsidyFen} /> 元
          </>
        ) : null}
      </div>
      {r.scrapLabel && <div style={sub}>报废登记：{r.scrapLabel}</div>}
    </div>
  );
}

interface Props {
  dryers: Dryer[];
  batchesPerDay: number;
  canEdit: boolean;
  onEdit: (d: Dryer) => void;
  onRetire: (d: Dryer) => void;
  onVoid: (d: Dryer) => void;
}

/** A site's dryers: capacity (entered or derived), heat source then and now, status and the retirement plan. */
export function DryerTable({ dryers, batchesPerDay, canEdit, onEdit, onRetire, onVoid }: Props) {
  return (
    <Table<Dryer>
      rowKey="id"
      size="middle"
      pagination={false}
      dataSource={dryers}
      data-testid="dryer-table"
      locale={{ emptyText: '尚未登记烘干机' }}
      columns={[
        {
          title: '厂家 / 型号',
          key: 'model',
          render: (_: unknown, d) => (
            <div>
              {d.model}
              <div style={sub}>{d.maker}</div>
            </div>
          ),
        },
        { title: '类型', key: 'kind', render: (_: unknown, d) => nowrap(DRYER_KIND_LABELS[d.kind]) },
        { title: nowrap('吨/批'), key: 'batch', align: 'right', render: (_: unknown, d) => formatT(d.batchT) },
        {
          title: nowrap('吨/日'),
          key: 'daily',
          align: 'right',
          render: (_: unknown, d) =>
            d.dailyTEntered === null && d.dailyT !== null ? (
              <Tooltip title={`按每日 ${batchesPerDay} 批折算`}>
                <span data-testid="dryer-daily-t">{formatT(d.dailyT)}</span>
                <div style={sub}>折算</div>
              </Tooltip>
            ) : (
              <span data-testid="dryer-daily-t">{formatT(d.dailyT)}</span>
            ),
        },
        {
          title: '热源',
          key: 'heat',
          render: (_: unknown, d) => (
            <Space size={4} style={{ whiteSpace: 'nowrap' }}>
              {d.currentHeatSource !== d.heatSource && (
                <>
                  <s style={sub} title="原热源">
                    {HEAT_SOURCE_LABELS[d.heatSource]}
                  </s>
                  →
                </>
              )}
              <HeatTag source={d.currentHeatSource} />
            </Space>
          ),
        },
        { title: nowrap('安装年份'), dataIndex: 'yearInstalled', render: (v: number | null) => v ?? '—' },
        { title: nowrap('状态'), key: 'status', render: (_: unknown, d) => <DryerStatusTag status={d.status} /> },
        { title: '淘汰 / 改造', key: 'retire', render: (_: unknown, d) => <Retirement d={d} /> },
        ...(canEdit
          ? [
              {
                title: '操作',
                key: 'actions',
                render: (_: unknown, d: Dryer) => (
                  <Space size={0} wrap>
                    {d.status !== 'retired' && d.status !== 'converted' && (
                      <Button type="link" size="small" onClick={() => onEdit(d)} data-testid="edit-dryer">
                        编辑
                      </Button>
                    )}
                    <Button type="link" size="small" onClick={() => onRetire(d)} data-testid="retire-dryer">
                      {d.retirement ? (d.retirement.actualDate ? '修改淘汰/改造' : '登记完成') : '淘汰/改造'}
                    </Button>
                    <Button type="link" size="small" danger onClick={() => onVoid(d)}>
                      作废
                    </Button>
                  </Space>
                ),
              },
            ]
          : []),
      ]}
    />
  );
}
