import { DeleteOutlined, ShoppingCartOutlined } from '@ant-design/icons';
import { Alert, Button, Space, Table, Tooltip, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useNavigate } from 'react-router-dom';
import type { PurchaseListItem } from '../../../../shared/schemas/purchases';
import type { ScrapListItem } from '../../../../shared/schemas/scraps';
import { api } from '../../api/client';
import { Money } from '../../components/MoneyInput';
import { StatusTag } from '../../components/StatusTag';
import { useApiQuery } from '../../hooks/useApiQuery';

interface Farmer {
  id: string;
  name: string;
  voidedAt: string | null;
}

/** 办理业务: start a scrap or purchase registration for this farmer (stations only, live farmers of this station). */
export function FarmerActions({ farmer, canAct }: { farmer: Farmer; canAct: boolean }) {
  const navigate = useNavigate();
  const why = farmer.voidedAt ? '该农户已作废' : !canAct ? '县级汇总机或其他站点的农户：只读' : null;
  const button = (label: string, icon: ReactNode, path: string, testId: string) => (
    <Tooltip title={why}>
      <Button type="primary" ghost icon={icon} disabled={Boolean(why)} onClick={() => navigate(path)} data-testid={testId}>
        {label}
      </Button>
    </Tooltip>
  );
  return (
    <Space>
      {button('报废登记', <DeleteOutlined />, `/farmers/${farmer.id}/scraps/new`, 'start-scrap')}
      {button('购置登记', <ShoppingCartOutlined />, `/farmers/${farmer.id}/purchases/new`, 'start-purchase')}
    </Space>
  );
}

/** The farmer's scraps and purchases, voided ones included. */
export function FarmerApplications({ farmer }: { farmer: Farmer }) {
  const navigate = useNavigate();
  const input = { farmerId: farmer.id, pageSize: 200, includeVoided: true };
  const scraps = useApiQuery(`farmer-scraps:${farmer.id}`, () => api.scraps.list(input));
  const purchases = useApiQuery(`farmer-purchases:${farmer.id}`, () => api.purchases.list(input));
  const row = (path: string) => (r: { id: string }) => ({ onClick: () => navigate(`${path}/${r.id}`), style: { cursor: 'pointer' } });

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      {(scraps.error ?? purchases.error) && <Alert type="error" showIcon title={scraps.error ?? purchases.error} />}
      <div>
        <Typography.Text strong>报废登记</Typography.Text>
        <Table<ScrapListItem>
          rowKey="id"
          size="small"
          pagination={false}
          loading={scraps.loading}
          dataSource={scraps.data?.items ?? []}
          onRow={row('/scraps')}
          data-testid="farmer-scraps"
          locale={{ emptyText: '暂无报废登记' }}
          columns={[
            { title: '机具', key: 'm', render: (_: unknown, r) => `${r.item} ${r.model}` },
            { title: '档次', dataIndex: 'bandLabel' },
            { title: '号牌 / 发动机号', key: 'n', render: (_: unknown, r) => r.plateNo ?? r.engineNo ?? r.frameNo ?? '—' },
            { title: '交售日期', dataIndex: 'handoverDate', render: (v: string | null) => v ?? '—' },
            {
              title: '报废补贴（元）',
              key: 'a',
              align: 'right',
              render: (_: unknown, r) => <Money fen={r.linkedPurchaseId ? r.scrapReplaceFen : r.scrapFen} />,
            },
            { title: '状态', dataIndex: 'status', render: (s: ScrapListItem['status']) => <StatusTag status={s} /> },
          ]}
        />
      </div>
      <div>
        <Typography.Text strong>购置登记</Typography.Text>
        <Table<PurchaseListItem>
          rowKey="id"
          size="small"
          pagination={false}
          loading={purchases.loading}
          dataSource={purchases.data?.items ?? []}
          onRow={row('/purchases')}
          data-testid="farmer-purchases"
          locale={{ emptyText: '暂无购置登记' }}
          columns={[
            { title: '机具', key: 'm', render: (_: unknown, r) => `${r.item} ${r.model}` },
            { title: '出厂编号', dataIndex: 'factoryNo' },
            { title: '购机日期', dataIndex: 'purchaseDate' },
            { title: '补贴合计（元）', dataIndex: 'totalFen', align: 'right', render: (v: number) => <Money fen={v} /> },
            { title: '状态', dataIndex: 'status', render: (s: PurchaseListItem['status']) => <StatusTag status={s} /> },
          ]}
        />
      </div>
    </Space>
  );
}
