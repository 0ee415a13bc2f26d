import { useCan } from '../../session-context';
import { Button, ConfigProvider, Space, Table, Tag, Tooltip } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { formatFen } from '../../../../shared/domain/money';
import type { VoucherListItem } from '../../../../shared/schemas/vouchers';
import { CursorPager, type CursorPage } from '../../components/CursorPager';

type Page = { items: VoucherListItem[] } & CursorPage;

interface Props {
  page: Page | undefined;
  loading: boolean;
  selected: string[];
  onSelect: (ids: string[]) => void;
  onPrint: (id: string) => void;
  onVoid: (item: VoucherListItem) => void;
  onStep: (direction: 'next' | 'prev', cursor: string) => void;
  onPageSize: (size: number) => void;
  /** Only the issuing station prints and voids (the county bureau reads). */
  readOnly?: boolean;
}

/** 冠县农机报废更新补贴凭证 → 报废更新补贴: the kind of voucher in a few characters. */
const shortTitle = (title: string) => title.replace(/^冠县农机/, '').replace(/凭证$/, '');

/** Issued vouchers, newest first; voided ones struck through with their reason. */
export function VoucherTable({ page, loading, selected, onSelect, onPrint, onVoid, onStep, onPageSize, readOnly = false }: Props) {
  // voiding a voucher is the 站长's (the guard refuses it for others)
  const canVoid = useCan()('vouchers.void');
  const columns: ColumnsType<VoucherListItem> = [
    {
      title: '凭证编号',
      dataIndex: 'number',
      width: 170,
      render: (n: string, r) => <span style={r.voidedAt ? { textDecoration: 'line-through' } : undefined}>{n}</span>,
    },
    { title: '补贴类别', dataIndex: 'title', width: 104, render: shortTitle },
    { title: '购机者', dataIndex: 'buyerName', ellipsis: true },
    { title: '证件号码', dataIndex: 'buyerIdMasked', width: 160, render: (v: string) => <span className="masked">{v}</span> },
    { title: '出具日期', dataIndex: 'issueDate', width: 100 },
    { title: '补贴合计（元）', dataIndex: 'totalFen', width: 116, align: 'right', render: (f: number) => formatFen(f) },
    {
      title: '打印',
      dataIndex: 'printCount',
      width: 88,
      render: (n: number) => (n === 0 ? <Tag>未打印</Tag> : <span>已打印 {n} 次</span>),
    },
    {
      title: '状态',
      dataIndex: 'voidedAt',
      width: 70,
      render: (v: string | null, r) =>
        v ? (
          <Tooltip title={`作废原因：${r.voidReason ?? ''}`}>
            <Tag color="red">已作废</Tag>
          </Tooltip>
        ) : (
          <Tag color="green">有效</Tag>
        ),
    },
    {
      title: '操作',
      key: 'actions',
      width: 122,
      render: (_: unknown, r) =>
        r.voidedAt ? (
          <span className="kbd-hint">{r.voidReason}</span>
        ) : (
          <Space size={4}>
            <Button size="small" onClick={() => onPrint(r.id)} data-testid="print-voucher">
              {r.printCount ? '补打' : '打印'}
            </Button>
            {canVoid && (
              <Button size="small" danger onClick={() => onVoid(r)} data-testid="void-voucher">
                作废
              </Button>
            )}
          </Space>
        ),
    },
  ];

  return (
    // selected rows stay light enough to read
    <ConfigProvider theme={{ components: { Table: { rowSelectedBg: '#eaf4ed', rowSelectedHoverBg: '#dfeee4' } } }}>
      <Table<VoucherListItem>
        rowKey="id"
        size="middle"
        columns={readOnly ? columns.filter((c) => c.key !== 'actions') : columns}
        dataSource={page?.items ?? []}
        loading={loading}
        data-testid="voucher-table"
        rowSelection={
          readOnly
            ? undefined
            : {
                selectedRowKeys: selected,
                onChange: (keys) => onSelect(keys as string[]),
                getCheckboxProps: (r) => ({ disabled: Boolean(r.voidedAt), 'aria-label': `选择 ${r.number}` }),
                preserveSelectedRowKeys: true,
              }
        }
        pagination={false}
        footer={() => <CursorPager page={page} loading={loading} onStep={onStep} onPageSize={onPageSize} />}
        locale={{ emptyText: '没有找到凭证' }}
      />
    </ConfigProvider>
  );
}
