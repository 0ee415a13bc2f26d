import { Table } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useNavigate } from 'react-router-dom';
import { CursorPager, type CursorPage } from '../../components/CursorPager';
import type { LedgerState } from './ledger';

interface Props<T extends { id: string; voidedAt: string | null }> {
  ledger: LedgerState;
  columns: ColumnsType<T>;
  page: ({ items: T[] } & CursorPage) | undefined;
  loading: boolean;
  /** Where a row opens, e.g. /scraps/:id. */
  basePath: string;
  emptyText: string;
  testId: string;
}

/** A ledger page of rows as the service returned them (personal numbers masked); a row opens its record. */
export function LedgerTable<T extends { id: string; voidedAt: string | null }>({
  ledger,
  columns,
  page,
  loading,
  basePath,
  emptyText,
  testId,
}: Props<T>) {
  const navigate = useNavigate();
  return (
    <Table<T>
      rowKey="id"
      size="middle"
      columns={columns}
      dataSource={page?.items ?? []}
      loading={loading}
      data-testid={testId}
      scroll={{ x: 'max-content' }}
      onChange={(_p, _f, sorter) => ledger.onSort(sorter)}
      onRow={(record) => ({
        onClick: () => navigate(`${basePath}/${record.id}`),
        onKeyDown: (e) => {
          if (e.key === 'Enter') navigate(`${basePath}/${record.id}`);
        },
        tabIndex: 0,
        style: { cursor: 'pointer', opacity: record.voidedAt ? 0.55 : 1 },
      })}
      pagination={false}
      footer={() => <CursorPager page={page} loading={loading} onStep={ledger.onStep} onPageSize={ledger.onPageSize} />}
      locale={{ emptyText }}
    />
  );
}
