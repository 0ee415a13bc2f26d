import { Alert, App, Button, Card, Checkbox, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { BACKUP_REASON_LABELS, type BackupEntry, type CreateResult } from '../../../../shared/schemas/backups';
import { api, ApiError } from '../../api/client';
import { JobProgress } from '../../components/JobProgress';
import { useApiQuery } from '../../hooks/useApiQuery';
import { useJob } from '../../hooks/useJob';
import { BackupSettingsCard } from './BackupSettingsCard';
import { formatSize, formatTime, LOCATION_LABELS, mainCounts } from './format';
import { RestoreDialog } from './RestoreDialog';

function StateTag({ entry }: { entry: BackupEntry }) {
  if (entry.verified === true) return <Tag color="green">已校验</Tag>;
  if (entry.verified === false)
    return (
      <Tag color="red" title={entry.problems.join('；')}>
        校验未通过
      </Tag>
    );
  return <Tag color="blue">{entry.encrypted ? '加密' : '未校验'}</Tag>;
}

/** 设置 → 数据备份: back up now, the list of backups with their checks, restore, and the USB copy's settings. */
export function BackupsSection() {
  const { message } = App.useApp();
  const list = useApiQuery('backups.list', () => api.backups.list({}));
  const job = useJob();
  const [offsite, setOffsite] = useState(false);
  const [restoring, setRestoring] = useState<BackupEntry | null>(null);
  const config = list.data?.config;
  const offsiteReady = Boolean(config?.offsiteDir && config.passwordSet);

  const backupNow = async () => {
    try {
      const end = await job.follow(await api.backups.create({ offsite: offsite && offsiteReady }));
      if (end.state === 'done') {
        const r = end.result as CreateResult;
        void message.success(r.offsite ? '已备份，并已写入U盘' : '已备份并校验');
        if (r.offsiteProblem) void message.warning(r.offsiteProblem);
      }
      list.reload();
    } catch (e) {
      void message.error(e instanceof ApiError ? e.message : '备份失败');
    }
  };

  return (
    <Card title="数据备份" data-testid="backups-section">
      <Space direction="vertical" size="middle" style={{ width: '100%' }}>
        <Typography.Paragraph style={{ marginBottom: 0 }}>
          软件每小时自动备份（有新数据时），每份备份写出后立即校验；保留最近 24 小时每小时、14 天每天、8 周每周、24 个月每月各一份。
        </Typography.Paragraph>
        {config?.offsiteWarning && <Alert type="warning" showIcon message={config.offsiteWarning} data-testid="backups-offsite-warning" />}
        {list.data?.offsiteProblem && <Alert type="info" showIcon message={list.data.offsiteProblem} />}
        {list.error && <Alert type="error" showIcon message={list.error} />}
        <Space wrap>
          <Button type="primary" onClick={() => void backupNow()} loading={job.status?.state === 'running'} data-testid="backup-now">
            立即备份
          </Button>
          <Checkbox
            checked={offsite && offsiteReady}
            disabled={!offsiteReady}
            onChange={(e) => setOffsite(e.target.checked)}
            data-testid="backup-offsite"
          >
            同时写入U盘（加密）
          </Checkbox>
        </Space>
        <JobProgress status={job.status} onCancel={job.cancel} />
        <Table<BackupEntry>
          size="small"
          rowKey={(e) => `${e.location}/${e.file}`}
          loading={list.loading}
          dataSource={list.data?.entries ?? []}
          pagination={{ pageSize: 10, hideOnSinglePage: true }}
          data-testid="backups-table"
          locale={{ emptyText: '还没有备份' }}
          columns={[
            { title: '时间', dataIndex: 'createdAt', width: 150, render: (v: string) => formatTime(v) },
            { title: '位置', dataIndex: 'location', width: 110, render: (v: BackupEntry['location']) => LOCATION_LABELS[v] },
            { title: '类型', dataIndex: 'reason', width: 100, render: (v: BackupEntry['reason']) => (v ? BACKUP_REASON_LABELS[v] : '—') },
            { title: '大小', dataIndex: 'sizeBytes', width: 80, align: 'right', render: (v: number) => formatSize(v) },
            { title: '内容', render: (_v, e) => (e.tables.length ? mainCounts(e.tables) : '—') },
            { title: '状态', width: 100, render: (_v, e) => <StateTag entry={e} /> },
            {
              title: '操作',
              width: 80,
              render: (_v, e) =>
                e.location === 'failed' ? null : (
                  <Button size="small" onClick={() => setRestoring(e)} data-testid={`restore-${e.file}`}>
                    恢复
                  </Button>
                ),
            },
          ]}
        />
        {config && <BackupSettingsCard config={config} onSaved={list.reload} />}
      </Space>
      {restoring && (
        <RestoreDialog
          entry={restoring}
          onClose={() => {
            setRestoring(null);
            list.reload();
          }}
        />
      )}
    </Card>
  );
}
