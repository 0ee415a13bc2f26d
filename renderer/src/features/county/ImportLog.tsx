import { chinaDateTime } from '../../../../shared/domain/civil-date';
import { Alert, Table, Tag, Tooltip } from 'antd';
import { api } from '../../api/client';
import { useApiQuery } from '../../hooks/useApiQuery';

/** 导入记录: every file received, accepted or refused, with its hash and counts. */
export function ImportLog({ refreshKey }: { refreshKey: number }) {
  const log = useApiQuery(`imports:${refreshKey}`, () => api.county.imports({ pageSize: 100 }));
  if (log.error) return <Alert type="error" showIcon message={log.error} />;
  return (
    <Table
      rowKey="id"
      size="small"
      loading={log.loading}
      dataSource={log.data?.items ?? []}
      pagination={{ pageSize: 20 }}
      columns={[
        { title: '导入时间', dataIndex: 'importedAt', width: 150, render: (v: string) => chinaDateTime(v) },
        { title: '文件', dataIndex: 'fileName', ellipsis: true },
        { title: '乡镇', dataIndex: 'townshipName', width: 90, render: (v: string | null) => v ?? '—' },
        {
          title: '结果',
          dataIndex: 'status',
          width: 80,
          render: (s: string) => (s === 'accepted' ? <Tag color="green">已导入</Tag> : <Tag color="red">已拒绝</Tag>),
        },
        { title: '新增', dataIndex: 'added', width: 70, align: 'right' },
        { title: '更新', dataIndex: 'updated', width: 70, align: 'right' },
        { title: '未变', dataIndex: 'unchanged', width: 70, align: 'right' },
        { title: '拒收', dataIndex: 'rejected', width: 70, align: 'right' },
        { title: '耗时', dataIndex: 'durationMs', width: 80, align: 'right', render: (v: number) => `${v} ms` },
        { title: '操作员', dataIndex: 'operator', width: 90 },
        {
          title: 'SHA-256',
          dataIndex: 'sha256',
          width: 110,
          render: (v: string, r) => (
            <Tooltip
              title={
                <div>
                  {v}
                  {r.reasons.length > 0 && <div style={{ marginTop: 6 }}>{r.reasons.slice(0, 5).join('；')}</div>}
                </div>
              }
            >
              <code>{v.slice(0, 10)}…</code>
            </Tooltip>
          ),
        },
      ]}
    />
  );
}
