import { Alert, Card, Space, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { PurchaseListItem } from '../../../../shared/schemas/purchases';
import { api } from '../../api/client';
import { Money } from '../../components/MoneyInput';
import { StatusTag } from '../../components/StatusTag';
import { useApiQuery } from '../../hooks/useApiQuery';
import { useCatalogItems } from '../applications/catalog';
import { useLedgerState, type LedgerState } from '../applications/ledger';
import { LedgerFilterBar } from '../applications/LedgerFilterBar';
import { LedgerTable } from '../applications/LedgerTable';

function columns(ledger: LedgerState): ColumnsType<PurchaseListItem> {
  return [
    {
      title: '购机者',
      key: 'farmer',
      sorter: true,
      sortOrder: ledger.orderOf('farmer'),
      render: (_: unknown, r) => (
        <div style={{ whiteSpace: 'nowrap' }}>
          <Typography.Text strong>{r.farmer.name}</Typography.Text>
          <div style={{ fontSize: 12, color: '#6b7280' }}>
            {r.farmer.townshipName} {r.farmer.village}
          </div>
        </div>
      ),
    },
    { title: '证件号码', key: 'id', render: (_: unknown, r) => <span className="masked">{r.farmer.idNumberMasked}</span> },
    {
      title: '机具品目 / 档次',
      key: 'item',
      render: (_: unknown, r) => (
        <div style={{ whiteSpace: 'nowrap' }}>
          {r.item}
          <div style={{ fontSize: 12, color: '#6b7280' }}>{r.bandLabel}</div>
        </div>
      ),
    },
    {
      title: '厂家 / 型号',
      key: 'model',
      render: (_: unknown, r) => (
        <div style={{ whiteSpace: 'nowrap' }}>
          {r.model}
          <div style={{ fontSize: 12, color: '#6b7280' }}>{r.maker}</div>
        </div>
      ),
    },
    { title: '出厂编号', dataIndex: 'factoryNo', render: (v: string) => <span className="masked">{v}</span> },
    { title: '购机日期', key: 'date', dataIndex: 'purchaseDate', sorter: true, sortOrder: ledger.orderOf('date'), width: 110 },
    { title: '售价（元）', dataIndex: 'priceFen', align: 'right', render: (v: number) => <Money fen={v} /> },
    {
      title: '补贴合计（元）',
      key: 'amount',
      dataIndex: 'totalFen',
      align: 'right',
      sorter: true,
      sortOrder: ledger.orderOf('amount'),
      render: (v: number, r) => (
        <div style={{ whiteSpace: 'nowrap' }}>
          <Money fen={v} strong />
          {r.scrapId && (
            <div style={{ fontSize: 12, color: '#6b7280' }}>
              含报废 <Money fen={r.scrapPartFen} />
            </div>
          )}
        </div>
      ),
    },
    {
      title: '状态',
      key: 'status',
      render: (_: unknown, r) => (
        <Space size={4}>
          <StatusTag status={r.status} />
          {r.terminalKind !== 'none' && <Tag color="geekblue">{r.terminalKind === 'beidou' ? '北斗' : '监测'}</Tag>}
        </Space>
      ),
    },
  ];
}

/** /purchases — 购置补贴台账: filter, sort, page, open, export. */
export function PurchaseLedgerPage() {
  const ledger = useLedgerState();
  const result = useApiQuery(`purchases:${ledger.key}`, () => api.purchases.list(ledger.listInput));
  const items = useCatalogItems('purchase', undefined).items.map((i) => i.item);
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={4} className="page-title">
        购置补贴台账
      </Typography.Title>
      <LedgerFilterBar
        ledger={ledger}
        items={items}
        yearLabel="购机"
        searchPlaceholder="姓名、首字母、型号、出厂编号、证件尾号"
        onExport={() => api.purchases.exportXlsx(ledger.exportInput)}
      />
      {result.error && <Alert type="error" showIcon title={result.error} />}
      <Card styles={{ body: { padding: 0 } }}>
        <LedgerTable<PurchaseListItem>
          ledger={ledger}
          columns={columns(ledger)}
          page={result.data}
          loading={result.loading}
          basePath="/purchases"
          emptyText="没有符合条件的购置登记。新的购置登记请在“登记台”找到购机者后办理"
          testId="purchase-ledger"
        />
      </Card>
    </Space>
  );
}
