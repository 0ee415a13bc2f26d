import { chinaDateTime } from '../../../../shared/domain/civil-date';
import { Card, Table } from 'antd';
import { useState } from 'react';
import { api } from '../../api/client';
import { useApiQuery } from '../../hooks/useApiQuery';

/** 查看记录: who saw a farmer's full ID, phone or bank number, and when. */
export function AccessLogPanel() {
  const [page, setPage] = useState(1);
  const log = useApiQuery(`access-log#${page}`, () => api.audit.accessLog({ page, pageSize: 10 }));
  return (
    <Card title="个人信息查看记录" data-testid="access-log">
      <Table
        rowKey="id"
        size="small"
        loading={log.loading}
        dataSource={log.data?.items ?? []}
        scroll={{ x: 640 }}
        pagination={{ current: page, pageSize: 10, total: log.data?.total ?? 0, onChange: setPage, showSizeChanger: false }}
        columns={[
          { title: '时间', width: 140, render: (_, r) => chinaDateTime(r.at, true) },
          { title: '查看人', dataIndex: 'userName', width: 100 },
          { title: '农户', width: 100, render: (_, r) => r.farmerName ?? '—' },
          { title: '查看内容', dataIndex: 'purpose' },
        ]}
      />
    </Card>
  );
}
