import { Alert, App, Badge, Button, Card, ConfigProvider, Radio, Space, Switch, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { ACTION_LABELS, canTransition } from '../../../../shared/domain/workflow';
import type { TodoItem } from '../../../../shared/schemas/applications';
import { api, ApiError } from '../../api/client';
import { Money } from '../../components/MoneyInput';
import { StatusTag } from '../../components/StatusTag';
import { useApiQuery } from '../../hooks/useApiQuery';

type BatchTo = 'published' | 'paid';
const KIND_LABELS = { scrap: '报废', purchase: '购置' } as const;
const rowKey = (r: TodoItem) => `${r.kind}:${r.id}`;

const COLUMNS: ColumnsType<TodoItem> = [
  {
    title: '类别',
    dataIndex: 'kind',
    width: 64,
    render: (k: TodoItem['kind']) => <Tag color={k === 'purchase' ? 'green' : 'orange'}>{KIND_LABELS[k]}</Tag>,
  },
  {
    title: '申请人',
    key: 'farmer',
    render: (_: unknown, r) => (
      <div style={{ whiteSpace: 'nowrap' }}>
        <Typography.Text strong>{r.farmer.name}</Typography.Text>
        <div style={{ fontSize: 12, color: '#6b7280' }} className="masked">
          {r.farmer.idNumberMasked}
        </div>
      </div>
    ),
  },
  {
    title: '机具',
    key: 'item',
    render: (_: unknown, r) => (
      <div style={{ whiteSpace: 'nowrap' }}>
        {r.item}
        <div style={{ fontSize: 12, color: '#6b7280' }}>{r.model}</div>
      </div>
    ),
  },
  { title: '当前状态', dataIndex: 'status', width: 90, render: (s: TodoItem['status']) => <StatusTag status={s} /> },
  { title: '下一步', dataIndex: 'step', width: 80, render: (s: string) => <Typography.Text strong>{s}</Typography.Text> },
  { title: '截止日期', dataIndex: 'dueDate', width: 110 },
  {
    title: '剩余工作日',
    key: 'left',
    width: 110,
    align: 'right',
    render: (_: unknown, r) =>
      r.overdue ? (
        <Tag color="red" data-testid="overdue-tag">
          超期 {Math.abs(r.workdaysLeft)} 天
        </Tag>
      ) : (
        <Typography.Text type={r.workdaysLeft <= 1 ? 'warning' : undefined}>{r.workdaysLeft} 天</Typography.Text>
      ),
  },
  { title: '补贴（元）', dataIndex: 'totalFen', align: 'right', width: 120, render: (v: number) => <Money fen={v} /> },
];

/** 待办: open applications by deadline, with batch 公示 and 兑付 of the ones ready for it. */
export function TodoPage() {
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [overdueOnly, setOverdueOnly] = useState(false);
  const [batchTo, setBatchTo] = useState<BatchTo>('published');
  const [selected, setSelected] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [paging, setPaging] = useState({ overdueOnly, page: 1, pageSize: 50 });
  const page = paging.overdueOnly === overdueOnly ? paging.page : 1;
  const [tick, setTick] = useState(0);
  const todo = useApiQuery(`todo:${overdueOnly}:${page}:${paging.pageSize}:${tick}`, () =>
    api.applications.todo({ overdueOnly, page, pageSize: paging.pageSize }),
  );
  const rows = todo.data?.items ?? [];
  const chosen = rows.filter((r) => selected.includes(rowKey(r)) && canTransition(r.status, batchTo));

  const runBatch = async () => {
    setBusy(true);
    setError(null);
    try {
      for (const kind of ['purchase', 'scrap'] as const) {
        const ids = chosen.filter((r) => r.kind === kind).map((r) => r.id);
        if (ids.length) await api.applications.transition({ kind, ids, to: batchTo });
      }
      void message.success(`已批量${ACTION_LABELS[batchTo]} ${chosen.length} 条`);
      setSelected([]);
      setTick((t) => t + 1);
    } catch (e) {
      setError(e instanceof ApiError ? e.message : '批量办理失败，请重试');
      setTick((t) => t + 1);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Space align="center" size="middle">
        <Typography.Title level={4} className="page-title" style={{ marginBottom: 0 }}>
          待办
        </Typography.Title>
        <Badge count={todo.data?.overdueCount ?? 0} showZero={false} title="超期件数" data-testid="overdue-count">
          <Tag color={todo.data?.overdueCount ? 'red' : 'default'}>超期 {todo.data?.overdueCount ?? 0} 件</Tag>
        </Badge>
      </Space>
      <Card size="small">
        <Space wrap size="large">
          <Space>
            <Switch checked={overdueOnly} onChange={setOverdueOnly} data-testid="overdue-only" />
            仅看超期
          </Space>
          <Space>
            批量办理：
            <Radio.Group
              optionType="button"
              value={batchTo}
              onChange={(e) => {
                setBatchTo(e.target.value as BatchTo);
                setSelected([]);
              }}
              options={[
                { value: 'published', label: '公示（已核验的）' },
                { value: 'paid', label: '兑付（已公示的）' },
              ]}
            />
            <Button type="primary" disabled={!chosen.length} loading={busy} onClick={() => void runBatch()} data-testid="batch-run">
              批量{ACTION_LABELS[batchTo]}（{chosen.length}）
            </Button>
          </Space>
          <span className="kbd-hint">截止日期按工作日计：受理 2 日、核验 13 日、公示 5 日、兑付 15 日</span>
        </Space>
      </Card>
      {(error ?? todo.error) && <Alert type="error" showIcon title={error ?? todo.error} />}
      <Card styles={{ body: { padding: 0 } }}>
        {/* chosen rows stay light so the masked numbers under the names remain readable */}
        <ConfigProvider theme={{ components: { Table: { rowSelectedBg: '#e6f2ea', rowSelectedHoverBg: '#d9ebdf' } } }}>
          <Table<TodoItem>
            rowKey={rowKey}
            size="middle"
            columns={COLUMNS}
            dataSource={rows}
            loading={todo.loading}
            data-testid="todo-table"
            rowSelection={{
              selectedRowKeys: selected,
              onChange: (keys) => setSelected(keys.map(String)),
              getCheckboxProps: (r) => ({
                disabled: !canTransition(r.status, batchTo),
                title: `只有可${ACTION_LABELS[batchTo]}的申请能选`,
              }),
            }}
            onRow={(r) => ({
              onClick: (e) => {
                if ((e.target as HTMLElement).closest('.ant-table-selection-column')) return;
                navigate(`/${r.kind === 'purchase' ? 'purchases' : 'scraps'}/${r.id}`);
              },
              style: { cursor: 'pointer', background: r.overdue ? '#fff1f0' : undefined },
            })}
            pagination={{
              current: page,
              pageSize: paging.pageSize,
              total: todo.data?.total ?? 0,
              showTotal: (total) => `共 ${total} 件`,
              onChange: (p, size) => setPaging({ overdueOnly, page: p, pageSize: size }),
            }}
            locale={{ emptyText: overdueOnly ? '没有超期的申请' : '没有待办的申请' }}
          />
        </ConfigProvider>
      </Card>
    </Space>
  );
}
