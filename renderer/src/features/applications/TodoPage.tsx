import { Alert, Badge, Button, Card, ConfigProvider, Space, Switch, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { chinaTodayNow } from '../../../../shared/domain/civil-date';
import type { TodoItem } from '../../../../shared/schemas/applications';
import { api } from '../../api/client';
import { Money } from '../../components/MoneyInput';
import { StatusTag } from '../../components/StatusTag';
import { useApiQuery } from '../../hooks/useApiQuery';

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
    title: '可兑付',
    key: 'payable',
    width: 120,
    render: (_: unknown, r) =>
      r.objectionOpen ? (
        <Tag color="red">有异议</Tag>
      ) : r.payableFrom ? (
        <Typography.Text type={r.payableFrom <= chinaTodayNow() ? 'success' : undefined} data-testid="payable-from">
          {r.payableFrom} 起
        </Typography.Text>
      ) : null,
  },
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

/** 待办: open applications by deadline; verified ones can be chosen and published as one notice batch. */
export function TodoPage() {
  const navigate = useNavigate();
  const [overdueOnly, setOverdueOnly] = useState(false);
  const [selected, setSelected] = useState<string[]>([]);
  const [paging, setPaging] = useState({ overdueOnly, page: 1, pageSize: 50 });
  const page = paging.overdueOnly === overdueOnly ? paging.page : 1;
  const todo = useApiQuery(`todo:${overdueOnly}:${page}:${paging.pageSize}`, () =>
    api.applications.todo({ overdueOnly, page, pageSize: paging.pageSize }),
  );
  const rows = todo.data?.items ?? [];
  const chosen = rows.filter((r) => selected.includes(rowKey(r)) && r.status === 'verified');
  const publish = () => navigate('/notices', { state: { select: chosen.map(rowKey) } });

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
          <Button type="primary" disabled={!chosen.length} onClick={publish} data-testid="batch-run">
            批量公示（{chosen.length}）
          </Button>
          <span className="kbd-hint">
            截止日期按工作日（国务院节假日安排）计：受理 2 日、核验 13 日、公示 5 日、兑付 15 日；兑付在公示批次页面办理
          </span>
        </Space>
      </Card>
      {todo.error && <Alert type="error" showIcon title={todo.error} />}
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
              getCheckboxProps: (r) => ({ disabled: r.status !== 'verified', title: '只有已核验的申请能选来公示' }),
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
