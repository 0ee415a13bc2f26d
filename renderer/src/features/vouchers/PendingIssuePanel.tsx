import { Alert, Table, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { formatFen } from '../../../../shared/domain/money';
import type { Status } from '../../../../shared/domain/workflow';
import { api } from '../../api/client';
import { StatusTag } from '../../components/StatusTag';
import { useApiQuery } from '../../hooks/useApiQuery';
import { IssueVoucherButton } from './IssueVoucherButton';

interface Row {
  kind: 'purchase' | 'scrap';
  id: string;
  buyer: string;
  idMasked: string;
  machine: string;
  totalFen: number;
  status: Status;
}

const LIMIT = 100;

async function loadVerified(): Promise<{ rows: Row[]; more: boolean }> {
  const [purchases, scraps] = await Promise.all([
    api.purchases.list({ status: 'verified', pageSize: LIMIT }),
    api.scraps.list({ status: 'verified', pageSize: LIMIT }),
  ]);
  // records imported from a ledger were paid on paper: they never get a voucher here
  const rows: Row[] = [
    ...purchases.items
      .filter((p) => !p.fromLedger)
      .map((p) => ({
        kind: 'purchase' as const,
        id: p.id,
        buyer: p.farmer.name,
        idMasked: p.farmer.idNumberMasked,
        machine: `${p.item} ${p.model}${p.scrapId ? '（含报废更新）' : ''}`,
        totalFen: p.totalFen,
        status: p.status,
      })),
    // a scrap renewed by a purchase gets its voucher with the purchase
    ...scraps.items
      .filter((s) => !s.linkedPurchaseId && !s.fromLedger)
      .map((s) => ({
        kind: 'scrap' as const,
        id: s.id,
        buyer: s.farmer.name,
        idMasked: s.farmer.idNumberMasked,
        machine: `${s.item} ${s.model}`,
        totalFen: s.scrapFen,
        status: s.status,
      })),
  ];
  return { rows, more: purchases.total > LIMIT || scraps.total > LIMIT };
}

const COLUMNS: ColumnsType<Row> = [
  {
    title: '类别',
    dataIndex: 'kind',
    width: 90,
    render: (k: Row['kind']) => (k === 'purchase' ? <Tag color="blue">购置</Tag> : <Tag color="orange">报废</Tag>),
  },
  { title: '购机者', dataIndex: 'buyer' },
  { title: '证件号码', dataIndex: 'idMasked', width: 180, render: (v: string) => <span className="masked">{v}</span> },
  { title: '机具', dataIndex: 'machine' },
  { title: '补贴合计（元）', dataIndex: 'totalFen', width: 130, align: 'right', render: (f: number) => formatFen(f) },
  { title: '状态', dataIndex: 'status', width: 90, render: (s: Status) => <StatusTag status={s} /> },
  {
    title: '凭证',
    key: 'issue',
    width: 250,
    render: (_: unknown, r) => <IssueVoucherButton kind={r.kind} applicationId={r.id} status={r.status} size="small" />,
  },
];

/** Applications that passed 核验: issue and print their vouchers from here as from their own pages. */
export function PendingIssuePanel() {
  const verified = useApiQuery('verified-applications', loadVerified);
  return (
    <>
      {verified.error && <Alert type="error" showIcon message={verified.error} style={{ marginBottom: 12 }} />}
      {verified.data?.more && <Alert type="info" showIcon message={`仅列出最近 ${LIMIT} 条已核验的申请`} style={{ marginBottom: 12 }} />}
      <Table<Row>
        rowKey="id"
        size="middle"
        columns={COLUMNS}
        dataSource={verified.data?.rows ?? []}
        loading={verified.loading}
        pagination={false}
        data-testid="pending-table"
        locale={{ emptyText: '没有已核验、待出具凭证的申请' }}
      />
    </>
  );
}
