import { Alert, App, Button, Card, Descriptions, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import type { NoticeRow } from '../../../../shared/schemas/notices';
import { api } from '../../api/client';
import { downloadBase64 } from '../../api/files';
import { JobProgress } from '../../components/JobProgress';
import { Money } from '../../components/MoneyInput';
import { useExportJob } from '../../hooks/useExportJob';
import { useApiQuery } from '../../hooks/useApiQuery';
import { errorText } from './errors';
import { ObjectionDialog } from './ObjectionDialog';
import { PayDialog } from './PayDialog';
import { savePaymentSummary } from './payment-summary';

type Dialog = { type: 'pay' | 'raise' | 'resolve'; row: NoticeRow } | null;

/** One notice batch: its period, its lines with objections and payments, and its printouts (公示表, 代发清单). */
export function NoticeDetailPage() {
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const exporter = useExportJob();
  const [tick, setTick] = useState(0);
  const notice = useApiQuery(`notice:${id}:${tick}`, () => api.notices.get({ id }));
  const [dialog, setDialog] = useState<Dialog>(null);
  const [objection, setObjection] = useState<Awaited<ReturnType<typeof api.notices.forApplication>>['objections'][number] | null>(null);
  const [selected, setSelected] = useState<string[]>([]);
  const [error, setError] = useState<string | null>(null);
  const n = notice.data;
  const today = n?.today ?? '';
  const payable = (r: NoticeRow) => Boolean(n) && r.status === 'published' && !r.objectionOpen && today >= (n?.payableFrom ?? '9999');
  const done = () => {
    setDialog(null);
    setObjection(null);
    setSelected([]);
    setTick((t) => t + 1);
  };

  const exportXlsx = () =>
    exporter.run(
      () => api.notices.exportXlsx({ id }),
      (file) => `已导出：${file.fileName}`,
    );
  const exportList = async () => {
    if (!n) return;
    try {
      const rows = n.rows.filter((r) => selected.includes(r.applicationId));
      const list = await api.payments.exportList({ items: rows.map((r) => ({ kind: r.kind, id: r.applicationId })) });
      downloadBase64(list.fileName, list.base64, list.mime);
      savePaymentSummary({ ...list, noticeNumber: n.number });
      void message.success(`已导出代发清单（内部资料）：${list.rowCount} 笔`);
      navigate('/print/payment-list');
    } catch (e) {
      setError(errorText(e, '导出失败'));
    }
  };
  const openResolve = async (row: NoticeRow) => {
    const facts = await api.notices.forApplication({ id: row.applicationId });
    const open = facts.objections.find((o) => !o.outcome);
    if (open) {
      setObjection(open);
      setDialog({ type: 'resolve', row });
    }
  };

  if (!n) return notice.error ? <Alert type="error" showIcon title={notice.error} /> : null;
  const subject = (r: NoticeRow) => `${r.buyerNameMasked} ${r.item} ${r.model}`;
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={4} className="page-title">
        {n.title}
      </Typography.Title>
      <Card size="small">
        <Descriptions size="small" column={3}>
          <Descriptions.Item label="批次号">{n.number}</Descriptions.Item>
          <Descriptions.Item label="公示期">
            <span data-testid="notice-period">
              {n.startDate} 至 {n.endDate}（5个工作日）
            </span>
          </Descriptions.Item>
          <Descriptions.Item label="可兑付">
            <span data-testid="notice-payable">{n.payableFrom} 起</span>
          </Descriptions.Item>
          <Descriptions.Item label="异议受理" span={2}>
            {n.objectionContact}
          </Descriptions.Item>
          <Descriptions.Item label="补贴合计">
            <Money fen={n.totalFen} strong /> 元（{n.count} 件）
          </Descriptions.Item>
        </Descriptions>
        <Space wrap style={{ marginTop: 8 }}>
          <Button type="primary" onClick={() => navigate(`/print/notice/${n.id}`)} data-testid="notice-print">
            打印公示表（A4横向）
          </Button>
          <Button loading={exporter.exporting} onClick={() => void exportXlsx()} data-testid="notice-xlsx">
            导出 Excel
          </Button>
          <Button danger disabled={!selected.length} onClick={() => void exportList()} data-testid="payment-list">
            导出代发清单（内部资料，{selected.length} 笔）
          </Button>
        </Space>
        {exporter.job.status && (
          <div style={{ marginTop: 8, maxWidth: 480 }}>
            <JobProgress status={exporter.job.status} onCancel={exporter.job.cancel} />
          </div>
        )}
      </Card>
      {error && <Alert type="error" showIcon title={error} closable onClose={() => setError(null)} />}
      <Card size="small" styles={{ body: { padding: 0 } }}>
        <Table<NoticeRow>
          rowKey="applicationId"
          size="small"
          dataSource={n.rows}
          pagination={false}
          data-testid="notice-rows"
          rowSelection={{
            selectedRowKeys: selected,
            onChange: (k) => setSelected(k.map(String)),
            getCheckboxProps: (r) => ({ disabled: !payable(r) }),
          }}
          columns={[
            { title: '序号', dataIndex: 'lineNo', width: 56 },
            { title: '购机者', dataIndex: 'buyerNameMasked', width: 120 },
            { title: '乡镇/村', key: 'place', render: (_: unknown, r) => `${r.townshipName} ${r.village}` },
            { title: '机具', key: 'm', render: (_: unknown, r) => `${r.item} ${r.model}` },
            { title: '补贴（元）', dataIndex: 'totalFen', align: 'right', width: 110, render: (v: number) => <Money fen={v} /> },
            {
              title: '状态',
              dataIndex: 'stateLabel',
              width: 90,
              render: (s: string, r) => <Tag color={r.paid ? 'green' : r.objectionOpen ? 'red' : 'blue'}>{s}</Tag>,
            },
            {
              title: '办理',
              key: 'act',
              width: 220,
              render: (_: unknown, r) => (
                <Space size={4}>
                  {r.status === 'published' && !r.objectionOpen && n.phase === 'running' && (
                    <Button size="small" onClick={() => setDialog({ type: 'raise', row: r })} data-testid={`raise-${r.lineNo}`}>
                      登记异议
                    </Button>
                  )}
                  {r.objectionOpen && (
                    <Button size="small" danger onClick={() => void openResolve(r)} data-testid={`resolve-${r.lineNo}`}>
                      处理异议
                    </Button>
                  )}
                  {payable(r) && (
                    <Button size="small" type="primary" onClick={() => setDialog({ type: 'pay', row: r })} data-testid={`pay-${r.lineNo}`}>
                      兑付
                    </Button>
                  )}
                  {r.status === 'published' && !r.objectionOpen && !payable(r) && (
                    <Typography.Text type="secondary">{n.payableFrom} 起可兑付</Typography.Text>
                  )}
                </Space>
              ),
            },
          ]}
        />
      </Card>
      {dialog?.type === 'pay' && (
        <PayDialog
          kind={dialog.row.kind}
          id={dialog.row.applicationId}
          subject={subject(dialog.row)}
          onClose={() => setDialog(null)}
          onDone={done}
        />
      )}
      {dialog?.type === 'raise' && (
        <ObjectionDialog
          mode="raise"
          kind={dialog.row.kind}
          id={dialog.row.applicationId}
          subject={subject(dialog.row)}
          onClose={() => setDialog(null)}
          onDone={done}
        />
      )}
      {dialog?.type === 'resolve' && objection && (
        <ObjectionDialog mode="resolve" objection={objection} subject={subject(dialog.row)} onClose={() => setDialog(null)} onDone={done} />
      )}
    </Space>
  );
}
