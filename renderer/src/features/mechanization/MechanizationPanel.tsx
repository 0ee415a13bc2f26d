import { Alert, Button, Card, Descriptions, Drawer, Skeleton, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import type { MechanizationSummary, MechanizationTownship } from '../../../../shared/schemas/mechanization';
import { api } from '../../api/client';
import { useApiQuery } from '../../hooks/useApiQuery';
import { useSettings } from '../../settings-context';
import { mu, pct } from '../progress/progress-format';
import { MechanizationForm } from './MechanizationForm';

type Gap = MechanizationTownship['gap'];

/** What the gap means in mu, in words: the fewest extra machine-worked mu, by operation. */
export function gapText(gap: Gap, meets: boolean | null): string {
  if (meets === null) return '未录入';
  if (meets) return '已达标';
  if (gap.minimumMu === null) return `差 ${gap.shortfallPct} 个百分点（全部机械化也达不到）`;
  const parts = [
    ['机耕', gap.plan.tillage],
    ['机播', gap.plan.sowing],
    ['机收', gap.plan.harvest],
  ].filter(([, v]) => Number(v) > 0);
  return `差 ${gap.shortfallPct} 个百分点，至少还需机械作业 ${mu(gap.minimumMu)}（${parts.map(([k, v]) => `${k} ${Number(v).toLocaleString('zh-CN')}`).join('、')}）`;
}

function rateTag(rate: number | null, target: number) {
  if (rate === null) return <span style={{ color: '#9ca3af' }}>—</span>;
  return <Tag color={rate >= target ? 'green' : 'red'}>{pct(rate)}</Tag>;
}

function columns(target: number, county: boolean, onEdit: (t: MechanizationTownship) => void): ColumnsType<MechanizationTownship> {
  return [
    { title: '乡镇（街道）', dataIndex: 'townshipName', width: 110 },
    { title: '应耕面积', key: 'base', align: 'right', render: (_: unknown, r) => (r.crops.length ? mu(r.totals.tillageBaseMu) : '—') },
    { title: '播种面积', key: 'sown', align: 'right', render: (_: unknown, r) => (r.crops.length ? mu(r.totals.sownMu) : '—') },
    { title: '机耕率', key: 'tillage', align: 'right', render: (_: unknown, r) => pct(r.rates.tillage) },
    { title: '机播率', key: 'sowing', align: 'right', render: (_: unknown, r) => pct(r.rates.sowing) },
    { title: '机收率', key: 'harvest', align: 'right', render: (_: unknown, r) => pct(r.rates.harvest) },
    {
      title: '综合机械化率',
      key: 'comprehensive',
      sorter: (a, b) => (a.rates.comprehensive ?? -1) - (b.rates.comprehensive ?? -1),
      render: (_: unknown, r) => rateTag(r.rates.comprehensive, target),
    },
    {
      title: `距 ${target}% 的缺口`,
      key: 'gap',
      render: (_: unknown, r) => <span style={{ fontSize: 12 }}>{gapText(r.gap, r.meets)}</span>,
    },
    ...(county
      ? [
          {
            title: '',
            key: 'edit',
            render: (_: unknown, r: MechanizationTownship) => (
              <Button size="small" onClick={() => onEdit(r)} data-testid={`mech-edit-${r.townshipCode}`}>
                {r.crops.length ? '修改' : '录入'}
              </Button>
            ),
          },
        ]
      : []),
  ];
}

function CropRows({ t }: { t: MechanizationTownship }) {
  return (
    <Table
      size="small"
      rowKey="id"
      pagination={false}
      dataSource={t.crops}
      columns={[
        { title: '作物', dataIndex: 'crop' },
        { title: '应耕', dataIndex: 'tillageBaseMu', render: mu },
        { title: '机耕', dataIndex: 'tilledMu', render: mu },
        { title: '播种', dataIndex: 'sownMu', render: mu },
        { title: '机播', dataIndex: 'machineSownMu', render: mu },
        { title: '机收', dataIndex: 'machineHarvestedMu', render: mu },
        { title: '综合', key: 'c', render: (_: unknown, r) => pct(r.rates.comprehensive) },
      ]}
    />
  );
}

function Total({ s }: { s: MechanizationSummary }) {
  const c = s.total;
  return (
    <Descriptions
      size="small"
      bordered
      column={{ xs: 1, md: 2, xl: 4 }}
      data-testid="mech-total"
      items={[
        { key: 'rate', label: '综合机械化率（面积加权）', children: rateTag(c.rates.comprehensive, s.targetPct) },
        { key: 'target', label: '目标', children: `≥${s.targetPct}%` },
        {
          key: 'parts',
          label: '机耕 / 机播 / 机收',
          children: `${pct(c.rates.tillage)} / ${pct(c.rates.sowing)} / ${pct(c.rates.harvest)}`,
        },
        { key: 'entered', label: '已录入乡镇', children: `${c.townshipsEntered} 个` },
        { key: 'gap', label: '缺口', span: 'filled', children: gapText(c.gap, c.meets) },
      ]}
    />
  );
}

/** 机械化率: rates per township and for the county against the target; the county enters the areas. */
export function MechanizationPanel({ year }: { year: number }) {
  const { settings } = useSettings();
  const county = settings.role === 'county';
  const [version, setVersion] = useState(0);
  const [editing, setEditing] = useState<MechanizationTownship | null>(null);
  const summary = useApiQuery(`mech:${year}:${version}`, () => api.mechanization.summary({ year }));
  const s = summary.data;
  if (summary.error) return <Alert type="error" showIcon title={summary.error} />;
  if (!s) return <Skeleton active paragraph={{ rows: 8 }} />;
  const w = s.weights;
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="mechanization-panel">
      <Alert
        type="info"
        showIcon
        title={`耕种收综合机械化率 = ${w.tillage} × 机耕率 + ${w.sowing} × 机播率 + ${w.harvest} × 机收率`}
        description="机耕率 = 机耕面积 ÷ 应耕面积；机播率 = 机播面积 ÷ 农作物播种面积；机收率 = 机收面积 ÷ 农作物播种面积。乡镇和全县按面积加总后计算（不是各作物比率的平均）。缺口按“同样面积提升最多”的作业优先补足测算。"
      />
      <Card size="small" title={`${year} 年${county ? '全县' : (s.townships[0]?.townshipName ?? '')}`}>
        <Total s={s} />
      </Card>
      <Card size="small" title="各乡镇（街道）">
        <Table<MechanizationTownship>
          size="small"
          rowKey="townshipCode"
          pagination={false}
          dataSource={s.townships}
          columns={columns(s.targetPct, county, setEditing)}
          expandable={{ expandedRowRender: (t) => <CropRows t={t} />, rowExpandable: (t) => t.crops.length > 0 }}
          scroll={{ x: 'max-content' }}
          data-testid="mech-table"
        />
        {!county && <Typography.Text type="secondary">面积由县农业农村局统一录入。</Typography.Text>}
      </Card>
      <Drawer
        open={editing !== null}
        onClose={() => setEditing(null)}
        size={1100}
        title={editing ? `${editing.townshipName} ${year} 年耕种收面积（亩）` : ''}
        destroyOnHidden
      >
        {editing && (
          <MechanizationForm
            year={year}
            township={editing}
            weights={s.weights}
            targetPct={s.targetPct}
            onSaved={() => {
              setEditing(null);
              setVersion((v) => v + 1);
            }}
          />
        )}
      </Drawer>
    </Space>
  );
}
