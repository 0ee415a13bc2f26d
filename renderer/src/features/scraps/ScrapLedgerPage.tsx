import { Alert, Card, Space, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { ScrapListItem } from '../../../../shared/schemas/scraps';
import { api } from '../../api/client';
import { Money } from '../../components/MoneyInput';
import { StatusTag } from '../../components/StatusTag';
import { useApiQuery } from '../../hooks/useApiQuery';
import { useCatalogItems } from '../applications/catalog';
import { useLedgerState, type LedgerState } from '../applications/ledger';
import { LedgerFilterBar } from '../applications/LedgerFilterBar';
import { LedgerTable } from '../applications/LedgerTable';
import { FRAME_NO_LABEL } from '../../../../shared/domain/machine-terms';

const sub = { fontSize: 12, color: '#6b7280' };

function columns(ledger: LedgerState): ColumnsType<ScrapListItem> {
  return [
    {
      title: '机主',
      key: 'farmer',
      sorter: true,
      sortOrder: ledger.orderOf('farmer'),
      render: (_: unknown, r) => (
        <div style={{ whiteSpace: 'nowrap' }}>
          <Typography.Text strong>{r.farmer.name}</Typography.Text>
          <div style={sub}>
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
          <div style={sub}>{r.bandLabel}</div>
        </div>
      ),
    },
    {
      title: '厂家 / 型号',
      key: 'model',
      render: (_: unknown, r) => (
        <div style={{ whiteSpace: 'nowrap' }}>
          {r.model}
          <div style={sub}>{r.maker}</div>
        </div>
      ),
    },
    {
      title: '号牌 / 发动机号',
      key: 'numbers',
      render: (_: unknown, r) => (
        <div className="masked" style={{ whiteSpace: 'nowrap' }}>
          {r.plateNo ?? '—'}
          <div style={sub}>{r.engineNo ?? (r.frameNo ? `${FRAME_NO_LABEL} ${r.frameNo}` : '—')}</div>
        </div>
      ),
    },
    {
      title: '交售 / 拆解',
      key: 'date',
      sorter: true,
      sortOrder: ledger.orderOf('date'),
      render: (_: unknown, r) => (
        <div style={{ whiteSpace: 'nowrap' }}>
          {r.handoverDate ?? '未交售'}
          <div style={sub}>{r.dismantleDate ?? '未拆解'}</div>
        </div>
      ),
    },
    {
      title: '报废补贴（元）',
      key: 'amount',
      align: 'right',
      sorter: true,
      sortOrder: ledger.orderOf('amount'),
      render: (_: unknown, r) => (
        <div style={{ whiteSpace: 'nowrap' }}>
          <Money fen={r.linkedPurchaseId ? r.scrapReplaceFen : r.scrapFen} strong />
          <div style={sub}>{r.linkedPurchaseId ? '报废并更新' : '仅报废'}</div>
        </div>
      ),
    },
    {
      title: '状态',
      key: 'status',
      render: (_: unknown, r) => (
        <Space size={4}>
          <StatusTag status={r.status} />
          {r.linkedPurchaseId && <Tag color="blue">随购置</Tag>}
        </Space>
      ),
    },
  ];
}

/** /scraps — 报废农机台账: filter, sort, page, open, export. */
export function ScrapLedgerPage() {
  const ledger = useLedgerState();
  const result = useApiQuery(`scraps:${ledger.key}`, () => api.scraps.list(ledger.listInput));
  const items = useCatalogItems('scrap', undefined).items.map((i) => i.item);
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={4} className="page-title">
        报废农机台账
      </Typography.Title>
      <LedgerFilterBar
        ledger={ledger}
        items={items}
        yearLabel="交售"
        searchPlaceholder="姓名、首字母、型号、号牌、发动机号"
        onExport={() => api.scraps.exportXlsx(ledger.exportInput)}
      />
      {result.error && <Alert type="error" showIcon title={result.error} />}
      <Card styles={{ body: { padding: 0 } }}>
        <LedgerTable<ScrapListItem>
          ledger={ledger}
          columns={columns(ledger)}
          page={result.data}
          loading={result.loading}
          basePath="/scraps"
          emptyText="没有符合条件的报废登记。新的报废登记请在“登记台”找到机主后办理"
          testId="scrap-ledger"
        />
      </Card>
    </Space>
  );
}
