import { Card, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useLocation, useNavigate } from 'react-router-dom';
import type { NoticeSummary } from '../../../../shared/schemas/notices';
import { api } from '../../api/client';
import { Money } from '../../components/MoneyInput';
import { useApiQuery } from '../../hooks/useApiQuery';
import { NoticeContactCard } from './NoticeContactCard';
import { NoticeCreatePanel } from './NoticeCreatePanel';

/** 公示兑付: publish notice batches, see each batch's period, objections and payments. */
export function NoticesPage() {
  const navigate = useNavigate();
  const location = useLocation();
  const preselected = ((location.state as { select?: string[] } | null)?.select ?? []).slice(0, 500);
  const [page, setPage] = useState(1);
  const list = useApiQuery(`notices:${page}`, () => api.notices.list({ page, pageSize: 20 }));
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={4} className="page-title">
        公示与兑付
      </Typography.Title>
      <NoticeContactCard />
      <NoticeCreatePanel preselected={preselected} />
      <Card size="small" title="公示批次" styles={{ body: { padding: 0 } }}>
        <Table<NoticeSummary>
          rowKey="id"
          size="middle"
          dataSource={list.data?.items ?? []}
          loading={list.loading}
          data-testid="notice-table"
          onRow={(r) => ({ onClick: () => navigate(`/notices/${r.id}`), style: { cursor: 'pointer' } })}
          pagination={{ current: page, pageSize: 20, total: list.data?.total ?? 0, onChange: setPage, showTotal: (t) => `共 ${t} 批` }}
          locale={{ emptyText: '尚未发布公示' }}
          columns={[
            { title: '批次号', dataIndex: 'number', width: 150 },
            { title: '标题', dataIndex: 'title' },
            { title: '公示期', key: 'period', width: 200, render: (_: unknown, r) => `${r.startDate} 至 ${r.endDate}` },
            { title: '可兑付', dataIndex: 'payableFrom', width: 110 },
            { title: '件数', dataIndex: 'count', width: 60, align: 'right' },
            { title: '补贴合计（元）', dataIndex: 'totalFen', width: 130, align: 'right', render: (v: number) => <Money fen={v} /> },
            {
              title: '状态',
              key: 'state',
              width: 180,
              render: (_: unknown, r) => (
                <Space size={4}>
                  <Tag color={r.phase === 'running' ? 'blue' : 'default'}>{r.phase === 'running' ? '公示中' : '公示期满'}</Tag>
                  {r.openObjections > 0 && <Tag color="red">异议 {r.openObjections}</Tag>}
                  {r.paidCount > 0 && <Tag color="green">已兑付 {r.paidCount}</Tag>}
                </Space>
              ),
            },
          ]}
        />
      </Card>
    </Space>
  );
}
