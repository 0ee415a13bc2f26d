import { chinaDateTime } from '../../../../shared/domain/civil-date';
import { Alert, App, Button, Card, Modal, Space, Table, Tag, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import type { LedgerImportItem } from '../../../../shared/schemas/ledger-import';
import { api, ApiError } from '../../api/client';
import { JobProgress } from '../../components/JobProgress';
import { useExportJob } from '../../hooks/useExportJob';
import { LimitedTextArea } from '../../components/LimitedInput';

/** 报告: the import's report (Excel) written by an export job, then saved where the user chooses. */
export function useImportReport() {
  const exporter = useExportJob();
  const download = (id: string) => exporter.run(() => api.ledgerImports.report({ id }), (file) => `已下载报告：${file.fileName}`);
  return { ...exporter, download };
}

/** Earlier imports at this station: counts, the report, and undo while nothing imported has changed since. */
export function ImportHistory({ items, onChanged }: { items: LedgerImportItem[]; onChanged: () => void }) {
  const { message } = App.useApp();
  const report = useImportReport();
  const [undoing, setUndoing] = useState<LedgerImportItem | null>(null);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const undo = async () => {
    if (!undoing) return;
    setBusy(true);
    setError(null);
    try {
      const r = await api.ledgerImports.undo({ id: undoing.id, reason });
      void message.success(`已撤销这次导入，作废 ${r.voided} 条记录`);
      setUndoing(null);
      onChanged();
    } catch (e) {
      setError(e instanceof ApiError ? e.message : '撤销失败，请重试');
    } finally {
      setBusy(false);
    }
  };

  const columns: ColumnsType<LedgerImportItem> = [
    { title: '导入时间', dataIndex: 'createdAt', width: 150, render: (v: string) => chinaDateTime(v, true) },
    {
      title: '文件 / 工作表',
      key: 'file',
      render: (_, r) => (
        <div>
          {r.fileName}
          <div style={{ fontSize: 12, color: '#6b7280' }}>{r.sheets.join('、')}</div>
        </div>
      ),
    },
    { title: '操作员', dataIndex: 'operator', width: 80 },
    {
      title: '结果',
      key: 'counts',
      render: (_, r) => (
        <Space size={4} wrap>
          <Tag color="green">农户 {r.farmersAdded}</Tag>
          <Tag color="green">购置 {r.purchasesAdded}</Tag>
          <Tag color="green">报废 {r.scrapsAdded}</Tag>
          <Tag color="orange">需注意 {r.attention}</Tag>
          <Tag>已存在 {r.present}</Tag>
          <Tag color="red">不能导入 {r.refused}</Tag>
          {r.undoneAt && <Tag color="default">已撤销：{r.undoReason}</Tag>}
        </Space>
      ),
    },
    {
      title: '操作',
      key: 'actions',
      width: 170,
      render: (_, r) => (
        <Space>
          <Button size="small" loading={report.exporting} onClick={() => void report.download(r.id)} data-testid="history-report">
            报告
          </Button>
          <Tooltip title={r.undoBlocked ?? '作废这次导入的全部农户、购置和报废登记'}>
            <Button
              size="small"
              danger
              disabled={Boolean(r.undoBlocked)}
              onClick={() => {
                setReason('');
                setError(null);
                setUndoing(r);
              }}
              data-testid="history-undo"
            >
              撤销导入
            </Button>
          </Tooltip>
        </Space>
      ),
    },
  ];

  return (
    <Card size="small" title="导入记录">
      <Table<LedgerImportItem>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={items}
        pagination={false}
        locale={{ emptyText: '尚未导入台账' }}
      />
      {report.job.status && (
        <div style={{ marginTop: 12, maxWidth: 480 }}>
          <JobProgress status={report.job.status} onCancel={report.job.cancel} />
        </div>
      )}
      <Modal
        title="撤销台账导入"
        open={undoing !== null}
        onCancel={() => setUndoing(null)}
        onOk={() => void undo()}
        okText="撤销导入"
        okButtonProps={{ danger: true, disabled: reason.trim().length < 2, loading: busy }}
        cancelText="取消"
      >
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Typography.Text>
            将作废“{undoing?.fileName}”导入的 {undoing?.farmersAdded} 户农户、{undoing?.purchasesAdded} 条购置登记和 {undoing?.scrapsAdded} 条报废登记（记录保留并注明原因，可重新导入）。
          </Typography.Text>
          <LimitedTextArea
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            placeholder="撤销原因（必填）"
            maxLength={200}
            autoFocus
          />
          {error && <Alert type="error" showIcon title={error} />}
        </Space>
      </Modal>
    </Card>
  );
}
