import { chinaDateTime } from '../../../../shared/domain/civil-date';
import { DownloadOutlined } from '@ant-design/icons';
import { App, Alert, Button, Input, Modal, Segmented, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { CONFLICT_LABELS, type Conflict } from '../../../../shared/schemas/county';
import { api, ApiError } from '../../api/client';
import { JobProgress } from '../../components/JobProgress';
import { useExportJob } from '../../hooks/useExportJob';
import { useApiQuery } from '../../hooks/useApiQuery';

const TABLE_LABELS: Record<string, string> = { purchases: '购置', scraps: '报废', farmers: '农户', audit_log: '操作日志' };

/** 冲突核查: cross-station duplicates found while merging; each can be marked checked with a note, none is dropped. */
export function ConflictsPanel({ refreshKey }: { refreshKey: number }) {
  const { message } = App.useApp();
  const exporter = useExportJob();
  const [openOnly, setOpenOnly] = useState(true);
  const [tick, setTick] = useState(0);
  const [resolving, setResolving] = useState<Conflict | null>(null);
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const list = useApiQuery(`conflicts:${refreshKey}:${openOnly}:${tick}`, () => api.county.conflicts({ openOnly, pageSize: 200 }));

  const resolve = async () => {
    if (!resolving) return;
    try {
      await api.county.resolveConflict({ id: resolving.id, note });
      setResolving(null);
      setNote('');
      setError(null);
      setTick((t) => t + 1);
      void message.success('已标记为已核查');
    } catch (e) {
      setError(e instanceof ApiError ? (e.body.issues?.[0]?.message ?? e.message) : '保存失败');
    }
  };

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Space>
        <Segmented
          value={openOnly ? 'open' : 'all'}
          onChange={(v) => setOpenOnly(v === 'open')}
          options={[
            { label: `待核查（${list.data?.openCount ?? 0}）`, value: 'open' },
            { label: '全部', value: 'all' },
          ]}
        />
        <Button
          icon={<DownloadOutlined />}
          loading={exporter.exporting}
          onClick={() =>
            void exporter.run(
              () => api.county.exportConflicts({}),
              (file) => `已导出 ${file.rowCount} 行：${file.fileName}`,
            )
          }
          data-testid="conflicts-export"
        >
          导出 Excel
        </Button>
      </Space>
      {exporter.job.status && (
        <div style={{ maxWidth: 480 }}>
          <JobProgress status={exporter.job.status} onCancel={exporter.job.cancel} />
        </div>
      )}
      {list.error && <Alert type="error" showIcon message={list.error} />}
      <Table<Conflict>
        rowKey="id"
        loading={list.loading}
        dataSource={list.data?.items ?? []}
        data-testid="conflicts-table"
        pagination={{ pageSize: 20 }}
        locale={{ emptyText: '没有发现跨站冲突' }}
        columns={[
          {
            title: '冲突类型',
            dataIndex: 'kind',
            width: 200,
            render: (k: Conflict['kind']) => <Tag color="volcano">{CONFLICT_LABELS[k]}</Tag>,
          },
          { title: '关联号码', dataIndex: 'key', width: 170, render: (k: string) => <code>{k}</code> },
          {
            title: '涉及记录',
            dataIndex: 'records',
            render: (records: Conflict['records']) => (
              <Space orientation="vertical" size={0}>
                {records.map((r) => (
                  <Typography.Text key={`${r.table}${r.id}`}>
                    [{TABLE_LABELS[r.table] ?? r.name}] {r.townshipName} · {r.name} · {r.date} · {r.detail}
                  </Typography.Text>
                ))}
              </Space>
            ),
          },
          { title: '发现时间', dataIndex: 'detectedAt', width: 140, render: (v: string) => chinaDateTime(v) },
          {
            title: '核查',
            key: 'resolve',
            width: 200,
            render: (_: unknown, c) =>
              c.resolvedAt ? (
                <Space orientation="vertical" size={0}>
                  <Tag color="green">已核查 · {c.resolvedBy}</Tag>
                  <Typography.Text type="secondary">{c.note}</Typography.Text>
                </Space>
              ) : (
                <Button size="small" onClick={() => setResolving(c)}>
                  标记已核查
                </Button>
              ),
          },
        ]}
      />
      <Modal
        open={resolving !== null}
        title="核查结论"
        okText="保存"
        cancelText="取消"
        onOk={() => void resolve()}
        onCancel={() => setResolving(null)}
        destroyOnHidden
      >
        <p>
          {resolving ? CONFLICT_LABELS[resolving.kind] : ''}：{resolving?.key}
        </p>
        <Input.TextArea
          autoFocus
          rows={3}
          value={note}
          onChange={(e) => setNote(e.target.value)}
          placeholder="例如：清水镇重复录入，已通知该站作废"
        />
        {error && <Alert type="error" showIcon message={error} style={{ marginTop: 8 }} />}
      </Modal>
    </Space>
  );
}
