import { Radio, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import {
  LEDGER_KIND_LABELS,
  LEDGER_OUTCOME_LABELS,
  type LedgerOutcome,
  type LedgerPreview,
  type LedgerRowResult,
} from '../../../../shared/schemas/ledger-import';
import { Money } from '../../components/MoneyInput';

export const OUTCOME_COLORS: Record<LedgerOutcome, string> = {
  create: 'green',
  present: 'default',
  attention: 'orange',
  refused: 'red',
  skipped: 'default',
};

const COLUMNS: ColumnsType<LedgerRowResult> = [
  { title: '工作表', dataIndex: 'sheet', width: 64 },
  { title: '行', dataIndex: 'row', width: 48, align: 'right' },
  {
    title: '结果',
    dataIndex: 'outcome',
    width: 80,
    render: (o: LedgerOutcome) => <Tag color={OUTCOME_COLORS[o]}>{LEDGER_OUTCOME_LABELS[o]}</Tag>,
  },
  {
    title: '台账',
    dataIndex: 'kind',
    width: 56,
    render: (k: LedgerRowResult['kind']) => <Tag color={k === 'scrap' ? 'purple' : 'blue'}>{LEDGER_KIND_LABELS[k]}</Tag>,
  },
  { title: '购机者 / 机主', dataIndex: 'name', width: 72 },
  { title: '身份证号', dataIndex: 'idMasked', width: 156, render: (v: string) => <span className="masked">{v}</span> },
  {
    title: '机具 / 编号',
    key: 'machine',
    width: 140,
    render: (_, r) => (
      <div>
        {r.item} {r.model}
        <div style={{ fontSize: 12, color: '#6b7280' }}>{r.factoryNo}</div>
      </div>
    ),
  },
  { title: '购机 / 回收日期', dataIndex: 'purchaseDate', width: 96 },
  { title: '补贴（元）', dataIndex: 'subsidyFen', width: 90, align: 'right', render: (v: number | null) => (v === null ? '' : <Money fen={v} />) },
  { title: '状态', dataIndex: 'status', width: 64 },
  {
    title: '原因 / 说明',
    key: 'reasons',
    render: (_, r) => (
      <div>
        {r.reasons.map((x) => (
          <div key={x}>
            <Typography.Text type={r.outcome === 'refused' ? 'danger' : r.outcome === 'attention' ? 'warning' : 'secondary'}>{x}</Typography.Text>
          </div>
        ))}
        {r.notes.map((x) => (
          <div key={x} style={{ fontSize: 12, color: '#6b7280' }}>
            {x}
          </div>
        ))}
      </div>
    ),
  },
];

type Filter = 'all' | 'problems' | LedgerOutcome;

/** The dry run: totals by outcome, then every row with what importing it would do and why. */
export function DryRunTable({ preview }: { preview: LedgerPreview }) {
  const t = preview.totals;
  const [filter, setFilter] = useState<Filter>(t.attention + t.refused > 0 ? 'problems' : 'all');
  const rows = preview.rows.filter((r) =>
    filter === 'all' ? true : filter === 'problems' ? r.outcome === 'attention' || r.outcome === 'refused' : r.outcome === filter,
  );
  return (
    <Space orientation="vertical" style={{ width: '100%' }} data-testid="dry-run">
      <Space wrap size="middle" data-testid="dry-run-totals">
        <Typography.Text>共 {t.rows} 行：</Typography.Text>
        <Tag color="green">将新建 {t.create}</Tag>
        <Tag color="orange">需注意 {t.attention}</Tag>
        <Tag>已存在 {t.present}</Tag>
        <Tag color="red">不能导入 {t.refused}</Tag>
        <Tag>已跳过（合计/小计等）{t.skipped}</Tag>
        <Typography.Text>
          新农户 {t.newFarmers} 户，导入补贴合计 <Money fen={t.subsidyFen} strong /> 元
        </Typography.Text>
      </Space>
      <Radio.Group
        value={filter}
        onChange={(e) => setFilter(e.target.value as Filter)}
        optionType="button"
        size="small"
        options={[
          { value: 'problems', label: '需注意和不能导入' },
          { value: 'all', label: '全部' },
          { value: 'create', label: '将新建' },
          { value: 'present', label: '已存在' },
          { value: 'skipped', label: '已跳过' },
        ]}
      />
      {preview.rowsOmitted > 0 && (
        <Typography.Text type="secondary" data-testid="dry-run-omitted">
          预演只列出 {preview.rows.length.toLocaleString('zh-CN')} 行（需注意和不能导入的行优先），另有 {preview.rowsOmitted.toLocaleString('zh-CN')}{' '}
          行未列出，但都已检查并计入上面的合计；导入后可下载报告，其中列出全部未导入和需注意的行。
        </Typography.Text>
      )}
      <Table<LedgerRowResult>
        rowKey={(r) => `${r.sheet}:${r.row}`}
        size="small"
        columns={COLUMNS}
        dataSource={rows}
        pagination={{ pageSize: 50, hideOnSinglePage: true, showSizeChanger: false }}
        scroll={{ y: 360 }}
        data-testid="dry-run-rows"
      />
    </Space>
  );
}
