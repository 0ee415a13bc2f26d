import { Alert, Button, Progress, Space, Typography } from 'antd';
import type { JobStatus } from '../../../shared/schemas/jobs';

/** A progress bar for long work, with 取消 while it runs and the outcome when it ends. */
export function JobProgress({ status, onCancel }: { status: JobStatus | null; onCancel?: () => void }) {
  if (!status) return null;
  const percent = status.total ? Math.min(100, Math.floor((status.done / status.total) * 100)) : undefined;
  const running = status.state === 'running';
  return (
    <Space direction="vertical" style={{ width: '100%' }} data-testid="job-progress">
      <Typography.Text>
        {status.phase}
        {status.total ? `（${status.done.toLocaleString('zh-CN')} / ${status.total.toLocaleString('zh-CN')}）` : ''}
      </Typography.Text>
      <Progress
        percent={percent ?? (running ? 0 : 100)}
        status={status.state === 'failed' ? 'exception' : status.state === 'done' ? 'success' : 'active'}
        showInfo={percent !== undefined || !running}
      />
      {running && onCancel && (
        <Button onClick={onCancel} size="small">
          取消
        </Button>
      )}
      {status.state === 'failed' && status.error && <Alert type="error" showIcon message={status.error.message} />}
      {status.state === 'cancelled' && <Alert type="info" showIcon message={status.error?.message ?? '已取消'} />}
    </Space>
  );
}
