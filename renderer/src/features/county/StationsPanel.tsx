import { chinaDateTime } from '../../../../shared/domain/civil-date';
import { Alert, App, Button, Modal, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { StationItem } from '../../../../shared/schemas/county';
import { api, ApiError } from '../../api/client';
import { useApiQuery } from '../../hooks/useApiQuery';
import { LimitedTextArea } from '../../components/LimitedInput';

const time = (t: string | null) => (t ? chinaDateTime(t) : '—');

/** 站点密钥: every station's pinned key (fingerprint, when and by whom), and deliberate re-enrolment of a re-installed station. */
export function StationsPanel({ refreshKey }: { refreshKey: number }) {
  const { message } = App.useApp();
  const [tick, setTick] = useState(0);
  const [target, setTarget] = useState<StationItem | null>(null);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const list = useApiQuery(`stations:${refreshKey}:${tick}`, () => api.county.stations({}));

  const reenroll = async () => {
    if (!target) return;
    try {
      await api.county.reenrollStation({ stationId: target.stationId, reason });
      setTarget(null);
      setReason('');
      setError(null);
      setTick((t) => t + 1);
      void message.success('已撤销原登记密钥：该站下次上报时需重新核对指纹');
    } catch (e) {
      setError(e instanceof ApiError ? (e.body.issues?.[0]?.message ?? e.message) : '操作失败');
    }
  };

  return (
    <>
      <Typography.Paragraph type="secondary">
        县局只接受各站用已登记密钥签名的上报文件。站点重装软件后密钥会变化：核实后由县局管理员“重新登记”，该站下次上报时再电话核对新指纹。
      </Typography.Paragraph>
      {list.error && <Alert type="error" showIcon message={list.error} />}
      <Table<StationItem>
        rowKey="stationId"
        size="middle"
        loading={list.loading}
        dataSource={list.data?.items ?? []}
        data-testid="stations-table"
        pagination={false}
        locale={{ emptyText: '尚未登记任何站点：导入站点上报文件时核对指纹并登记' }}
        columns={[
          { title: '乡镇', dataIndex: 'townshipName', width: 100 },
          { title: '站点编号', dataIndex: 'stationId', width: 110, render: (v: string) => <code>{v.slice(0, 8)}…</code> },
          {
            title: '密钥指纹',
            dataIndex: 'fingerprint',
            render: (v: string | null, r) =>
              v ? (
                <Typography.Text style={{ fontFamily: 'monospace' }}>{v}</Typography.Text>
              ) : (
                <Tag color="orange">{r.retiredKeys > 0 ? '待重新登记' : '未登记'}</Tag>
              ),
          },
          { title: '登记时间', dataIndex: 'pinnedAt', width: 150, render: time },
          { title: '登记人', dataIndex: 'pinnedBy', width: 90, render: (v: string | null) => v ?? '—' },
          { title: '最近导入', dataIndex: 'lastImportAt', width: 150, render: time },
          { title: '操作日志', dataIndex: 'historyLength', width: 90, render: (v: number | null) => (v === null ? '—' : `${v} 条`) },
          {
            title: '',
            width: 100,
            render: (_, r) =>
              r.fingerprint && (
                <Button size="small" onClick={() => setTarget(r)}>
                  重新登记
                </Button>
              ),
          },
        ]}
      />
      <Modal
        open={target !== null}
        title={`重新登记 ${target?.townshipName ?? ''} 站点的签名密钥`}
        okText="撤销原密钥"
        okButtonProps={{ danger: true }}
        onOk={() => void reenroll()}
        onCancel={() => setTarget(null)}
      >
        <Typography.Paragraph>
          原密钥指纹 <code>{target?.fingerprint}</code> 将被撤销（仍用于核验该站此前出具的凭证）。该站下次上报时，需电话核对新指纹后登记。
        </Typography.Paragraph>
        <LimitedTextArea
          rows={2}
          maxLength={200}
          value={reason}
          placeholder="原因，如：站点电脑损坏，重装软件"
          status={error ? 'error' : undefined}
          onChange={(e) => setReason(e.target.value)}
        />
        {error && <Typography.Text type="danger">{error}</Typography.Text>}
      </Modal>
    </>
  );
}
