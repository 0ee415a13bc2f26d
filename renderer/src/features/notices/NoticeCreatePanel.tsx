import { Alert, App, Button, Card, Input, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { chinaTodayNow } from '../../../../shared/domain/civil-date';
import type { NoticeCandidate } from '../../../../shared/schemas/notices';
import { api } from '../../api/client';
import { DateInput } from '../../components/DateInput';
import { Money } from '../../components/MoneyInput';
import { TownshipSelect } from '../../components/TownshipSelect';
import { useApiQuery } from '../../hooks/useApiQuery';
import { errorText } from './errors';

const keyOf = (c: { kind: string; id: string }) => `${c.kind}:${c.id}`;

/** 发布公示: choose verified applications (by township and 核验 date), a start date, and publish them as one batch. */
export function NoticeCreatePanel({ preselected }: { preselected: string[] }) {
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [townshipCode, setTownshipCode] = useState<string | undefined>();
  const [verifiedFrom, setVerifiedFrom] = useState<string | undefined>();
  const [verifiedTo, setVerifiedTo] = useState<string | undefined>();
  const [selected, setSelected] = useState<string[]>(preselected);
  const [startDate, setStartDate] = useState<string | undefined>(chinaTodayNow());
  const [title, setTitle] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const list = useApiQuery(`candidates:${townshipCode ?? ''}:${verifiedFrom ?? ''}:${verifiedTo ?? ''}`, () =>
    api.notices.candidates({ townshipCode: townshipCode as never, verifiedFrom, verifiedTo }),
  );
  const rows = list.data?.items ?? [];
  const chosen = rows.filter((r) => selected.includes(keyOf(r)));

  const publish = async () => {
    if (!startDate) return setError('请填写公示开始日期');
    setBusy(true);
    setError(null);
    try {
      const n = await api.notices.create({
        items: chosen.map((c) => ({ kind: c.kind, id: c.id })),
        startDate,
        title: title.trim() || undefined,
      });
      void message.success(`已发布公示 ${n.number}：${n.startDate} 至 ${n.endDate}，${n.payableFrom} 起可兑付`);
      navigate(`/notices/${n.id}`);
    } catch (e) {
      setError(errorText(e, '发布失败，请重试'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card size="small" title="发布公示（选择已核验的申请）">
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Space wrap>
          <TownshipSelect allowClear placeholder="全部乡镇" value={townshipCode} onChange={setTownshipCode} style={{ width: 160 }} />
          <span>核验日期</span>
          <DateInput value={verifiedFrom} onChange={setVerifiedFrom} placeholder="从" />
          <DateInput value={verifiedTo} onChange={setVerifiedTo} placeholder="到" />
        </Space>
        <Table<NoticeCandidate>
          rowKey={keyOf}
          size="small"
          dataSource={rows}
          loading={list.loading}
          pagination={false}
          scroll={{ y: 320 }}
          data-testid="candidate-table"
          rowSelection={{ selectedRowKeys: selected, onChange: (keys) => setSelected(keys.map(String)) }}
          locale={{ emptyText: '没有待公示的已核验申请' }}
          columns={[
            {
              title: '类别',
              dataIndex: 'kind',
              width: 64,
              render: (k: string) => <Tag color={k === 'purchase' ? 'green' : 'orange'}>{k === 'purchase' ? '购置' : '报废'}</Tag>,
            },
            { title: '申请人', dataIndex: 'farmerName' },
            { title: '乡镇/村', key: 'place', render: (_: unknown, r) => `${r.townshipName} ${r.village}` },
            { title: '机具', key: 'item', render: (_: unknown, r) => `${r.item} ${r.model}` },
            { title: '核验日期', dataIndex: 'verifiedOn', width: 110 },
            { title: '补贴（元）', dataIndex: 'totalFen', align: 'right', width: 110, render: (v: number) => <Money fen={v} /> },
            { title: '', dataIndex: 'previousNotice', width: 150, render: (v: string | null) => (v ? <Tag>曾公示 {v}</Tag> : null) },
          ]}
        />
        <Space wrap align="center">
          <span>公示开始日期</span>
          <DateInput value={startDate} onChange={setStartDate} noFuture />
          <Input
            style={{ width: 420 }}
            placeholder="公示标题（可不填，自动生成）"
            value={title}
            onChange={(e) => setTitle(e.target.value)}
          />
          <Button type="primary" disabled={!chosen.length} loading={busy} onClick={() => void publish()} data-testid="notice-publish">
            发布公示（{chosen.length}）
          </Button>
        </Space>
        <Typography.Text type="secondary">
          公示期为开始日期之后的5个工作日（按国务院公布的节假日安排），期满后的下一个工作日起可兑付。
        </Typography.Text>
        {error && <Alert type="error" showIcon title={error} data-testid="notice-error" />}
      </Space>
    </Card>
  );
}
