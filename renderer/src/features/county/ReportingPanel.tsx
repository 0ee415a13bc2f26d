import { chinaDateTime } from '../../../../shared/domain/civil-date';
import { Alert, Table, Tag } from 'antd';
import { api } from '../../api/client';
import { useApiQuery } from '../../hooks/useApiQuery';

/** 上报情况: which townships reported when; silent ones highlighted. */
export function ReportingPanel({ refreshKey }: { refreshKey: number }) {
  const report = useApiQuery(`reporting:${refreshKey}`, () => api.county.reporting({}));
  if (report.error) return <Alert type="error" showIcon message={report.error} />;
  const days = report.data?.silentAfterDays ?? 30;
  return (
    <Table
      rowKey="townshipCode"
      size="middle"
      loading={report.loading}
      dataSource={report.data?.townships ?? []}
      pagination={false}
      data-testid="reporting-table"
      rowClassName={(r) => (r.silent ? 'row-silent' : '')}
      title={() => `超过 ${days} 天未上报的乡镇标红`}
      columns={[
        { title: '乡镇（街道）', dataIndex: 'townshipName', width: 120 },
        {
          title: '最近导入',
          dataIndex: 'lastImportAt',
          width: 150,
          render: (v: string | null) => (v ? chinaDateTime(v) : '从未上报'),
        },
        {
          title: '站点导出时间',
          dataIndex: 'lastExportedAt',
          width: 150,
          render: (v: string | null) => (v ? chinaDateTime(v) : '—'),
        },
        { title: '农户', dataIndex: 'farmers', width: 80, align: 'right' },
        { title: '报废', dataIndex: 'scraps', width: 80, align: 'right' },
        { title: '购置', dataIndex: 'purchases', width: 80, align: 'right' },
        {
          title: '状态',
          key: 'state',
          width: 150,
          render: (_: unknown, r) =>
            r.silent ? (
              <Tag color="red">{r.silentDays === null ? '未上报' : `${r.silentDays} 天未上报`}</Tag>
            ) : (
              <Tag color="green">正常</Tag>
            ),
        },
      ]}
    />
  );
}
