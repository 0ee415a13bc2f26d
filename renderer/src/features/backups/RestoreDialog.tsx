import { Alert, Button, Input, Modal, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import type { BackupCheck, BackupEntry, RestoreResult } from '../../../../shared/schemas/backups';
import { api, ApiError } from '../../api/client';
import { JobProgress } from '../../components/JobProgress';
import { useJob } from '../../hooks/useJob';
import { compareText, formatTime, namedTables } from './format';

/**
 * 恢复: (password) → 核对 shows what the backup holds against the live file → 确认恢复. The live file is
 * backed up first; when done the page reloads on the restored data.
 */
export function RestoreDialog({ entry, onClose }: { entry: BackupEntry; onClose: () => void }) {
  const [password, setPassword] = useState('');
  const [check, setCheck] = useState<BackupCheck | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [restored, setRestored] = useState<RestoreResult | null>(null);
  const job = useJob();
  const running = job.status?.state === 'running';
  const ref = { file: entry.file, location: entry.location, ...(entry.encrypted ? { password } : {}) };

  const verify = async () => {
    setError(null);
    setCheck(null);
    try {
      const end = await job.follow(await api.backups.verify(ref));
      if (end.state === 'done') {
        setCheck(end.result as BackupCheck);
        job.reset();
      }
    } catch (e) {
      setError(e instanceof ApiError ? e.message : '核对失败');
    }
  };

  const restore = async () => {
    setError(null);
    try {
      const end = await job.follow(await api.backups.restore(ref));
      if (end.state === 'done') setRestored(end.result as RestoreResult);
    } catch (e) {
      setError(e instanceof ApiError ? e.message : '恢复失败');
    }
  };

  const footer = restored
    ? [
        <Button key="reload" type="primary" onClick={() => window.location.reload()} data-testid="restore-reload">
          重新载入
        </Button>,
      ]
    : [
        <Button key="cancel" onClick={onClose} disabled={running}>
          关闭
        </Button>,
        check?.ok ? (
          <Button key="restore" type="primary" danger loading={running} onClick={() => void restore()} data-testid="restore-confirm">
            确认恢复
          </Button>
        ) : (
          <Button
            key="verify"
            type="primary"
            loading={running}
            disabled={entry.encrypted && password.length === 0}
            onClick={() => void verify()}
            data-testid="restore-verify"
          >
            核对备份
          </Button>
        ),
      ];

  return (
    <Modal
      open
      title={`恢复备份：${formatTime(entry.createdAt)}`}
      onCancel={running ? undefined : onClose}
      footer={footer}
      width={640}
      maskClosable={false}
    >
      <Space direction="vertical" style={{ width: '100%' }}>
        {restored ? (
          <Alert
            type="success"
            showIcon
            data-testid="restore-done"
            message="已恢复"
            description={`已恢复到 ${formatTime(entry.createdAt)} 的备份${photoNote(restored)}。恢复前的数据已另存为备份（${restored.preRestoreBackup}），如需要可再恢复回来。请点“重新载入”。`}
          />
        ) : (
          <Typography.Paragraph>
            恢复会用这份备份替换当前全部数据。恢复前会先自动备份当前数据，恢复后如有需要仍可找回。
          </Typography.Paragraph>
        )}
        {entry.encrypted && !check && !restored && (
          <Input.Password
            placeholder="请输入备份密码"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            onPressEnter={() => void verify()}
            autoFocus
            data-testid="restore-password"
          />
        )}
        {check && !restored && (
          <>
            {check.ok ? (
              <Alert type="info" showIcon message="备份校验通过。下面是这份备份与当前数据的对比：" />
            ) : (
              <Alert type="error" showIcon message={`这份备份未通过校验，不能恢复：${check.problems.join('；')}`} />
            )}
            <Table
              size="small"
              pagination={false}
              rowKey="name"
              data-testid="restore-compare"
              dataSource={namedTables(check.tables)}
              scroll={{ y: 300 }}
              columns={[
                { title: '内容', dataIndex: 'label', width: 150 },
                { title: '备份中', dataIndex: 'backup', align: 'right', width: 90 },
                { title: '当前', dataIndex: 'live', align: 'right', width: 90 },
                { title: '对比', render: (_v, t) => compareText(t.label, t.backup, t.live) },
              ]}
            />
          </>
        )}
        <JobProgress status={job.status} onCancel={job.cancel} />
        {error && <Alert type="error" showIcon message={error} />}
      </Space>
    </Modal>
  );
}

/** How many photos came back; an older backup (database only) keeps the photos already on this PC. */
function photoNote({ photos }: RestoreResult): string {
  if (photos.photos === 0 && photos.missing === 0) return '';
  const missing = photos.missing ? `，${photos.missing} 张照片在备份时已丢失` : '';
  return `（含照片 ${photos.photos} 张，均已校验${missing}）`;
}
