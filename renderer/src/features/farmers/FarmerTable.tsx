import { Table, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { FARMER_KIND_LABELS, type FarmerListItem, type FarmerPage } from '../../../../shared/schemas/farmers';

const COLUMNS: ColumnsType<FarmerListItem> = [
  {
    title: '姓名 / 名称',
    dataIndex: 'name',
    render: (name: string, r) => (r.voidedAt ? <span style={{ textDecoration: 'line-through' }}>{name}</span> : name),
  },
  { title: '类型', dataIndex: 'kind', width: 130, render: (k: FarmerListItem['kind']) => FARMER_KIND_LABELS[k] },
  { title: '证件号码', dataIndex: 'idNumberMasked', width: 190, render: (v: string) => <span className="masked">{v}</span> },
  { title: '手机号', dataIndex: 'phoneMasked', width: 130, render: (v: string) => <span className="masked">{v}</span> },
  { title: '银行卡', dataIndex: 'bankCardMasked', width: 110, render: (v: string) => <span className="masked">{v || '—'}</span> },
  { title: '乡镇 / 村', key: 'place', render: (_: unknown, r) => `${r.townshipName} ${r.village}` },
  {
    title: '状态',
    dataIndex: 'voidedAt',
    width: 80,
    render: (v: string | null) => (v ? <Tag color="red">已作废</Tag> : <Tag color="green">正常</Tag>),
  },
];

interface Props {
  page: FarmerPage | undefined;
  loading: boolean;
  onOpen: (id: string) => void;
  onPage: (page: number, pageSize: number) => void;
}

/** A page of buyers as the service returned it: personal numbers already masked. */
export function FarmerTable({ page, loading, onOpen, onPage }: Props) {
  return (
    <Table<FarmerListItem>
      rowKey="id"
      size="middle"
      columns={COLUMNS}
      dataSource={page?.items ?? []}
      loading={loading}
      data-testid="farmer-table"
      onRow={(record) => ({
        onClick: () => onOpen(record.id),
        onKeyDown: (e) => {
          if (e.key === 'Enter') onOpen(record.id);
        },
        tabIndex: 0,
        style: { cursor: 'pointer' },
      })}
      pagination={{
        current: page?.page ?? 1,
        pageSize: page?.pageSize ?? 20,
        total: page?.total ?? 0,
        showSizeChanger: true,
        showTotal: (total) => `共 ${total} 条`,
        onChange: onPage,
      }}
      locale={{ emptyText: '没有找到匹配的农户' }}
    />
  );
}
