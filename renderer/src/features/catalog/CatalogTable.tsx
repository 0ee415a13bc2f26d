import { Space, Table, Tag, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useMemo } from 'react';
import type { CatalogBand } from '../../../../shared/schemas/catalog';
import { capsText, itemRowSpans, paramText, rangeText, yuanOrDash } from './catalog-format';

const money = (fen: number | null) => <span className="masked">{yuanOrDash(fen)}</span>;

function columns(spans: number[], inScope: Set<string>): ColumnsType<CatalogBand> {
  return [
    {
      title: '品目',
      dataIndex: 'item',
      width: 160,
      onCell: (_, index) => ({ rowSpan: spans[index ?? 0] ?? 1 }),
      render: (item: string, b) => (
        <Space orientation="vertical" size={2}>
          <Typography.Text strong data-testid="catalog-item">
            {item}
          </Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {b.category} / {b.subcategory}
          </Typography.Text>
          {inScope.has(item) && <Tag color="green">报废更新范围</Tag>}
        </Space>
      ),
    },
    { title: '分档名称', dataIndex: 'bandLabel', width: 160 },
    { title: '参数范围', key: 'range', width: 178, render: (_, b) => <span title={`按${paramText(b)}分档`}>{rangeText(b)}</span> },
    { title: '型式', dataIndex: 'variant', width: 92, render: (v: string | null) => v ?? '—' },
    { title: '购置补贴额（元）', dataIndex: 'purchaseFen', width: 112, align: 'right', render: money },
    { title: '报废补贴额（元）', dataIndex: 'scrapFen', width: 112, align: 'right', render: money },
    {
      title: '报废并更新（元）',
      dataIndex: 'scrapReplaceFen',
      width: 112,
      align: 'right',
      render: (fen: number | null, b) =>
        fen === null && b.scrapFen !== null ? (
          <Tooltip title="未单列报废并更新补贴额，报废并更新时按报废补贴额计">
            <Typography.Text type="secondary">同报废</Typography.Text>
          </Tooltip>
        ) : (
          money(fen)
        ),
    },
    {
      title: '补贴上限',
      key: 'caps',
      width: 150,
      render: (_, b) => {
        const caps = capsText(b);
        return caps.length ? caps.map((c) => <div key={c}>{c}</div>) : '—';
      },
    },
  ];
}

interface Props {
  bands: CatalogBand[];
  loading: boolean;
  empty: string;
}

/** The catalogue grouped by 品目: one merged cell per item, a row per band with its range and amounts. */
export function CatalogTable({ bands, loading, empty }: Props) {
  const cols = useMemo(() => {
    const inScope = new Set(bands.filter((b) => b.scrapScope).map((b) => b.item));
    return columns(itemRowSpans(bands), inScope);
  }, [bands]);
  return (
    <Table<CatalogBand>
      rowKey="id"
      size="small"
      bordered
      columns={cols}
      dataSource={bands}
      loading={loading}
      pagination={false}
      scroll={{ x: 1076 }}
      data-testid="catalog-table"
      locale={{ emptyText: empty }}
    />
  );
}
