import { Alert, Modal } from 'antd';
import { useState } from 'react';
import { ApiError } from '../api/client';
import { LimitedTextArea } from './LimitedInput';

interface Props {
  open: boolean;
  title: string;
  /** What is being voided, in words, e.g. 农户“张三”. */
  subject: string;
  onVoid: (reason: string) => Promise<void>;
  onClose: () => void;
}

/** 作废 with a reason: records are never deleted, only voided, and the reason is kept. */
export function VoidDialog({ open, title, subject, onVoid, onClose }: Props) {
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const confirm = async () => {
    if (reason.trim().length < 2) {
      setError('请填写作废原因（至少2个字）');
      return;
    }
    setBusy(true);
    try {
      await onVoid(reason.trim());
      setReason('');
      setError(null);
    } catch (e) {
      setError(e instanceof ApiError ? e.message : '作废失败，请重试');
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={open}
      title={title}
      okText="确认作废"
      okButtonProps={{ danger: true, loading: busy }}
      cancelText="取消"
      onOk={() => void confirm()}
      onCancel={onClose}
      destroyOnHidden
    >
      <p>作废后{subject}不再出现在查找结果中，记录和作废原因会保留，不可恢复。</p>
      <LimitedTextArea
        autoFocus
        rows={3}
        maxLength={200}
        placeholder="作废原因，例如：重复登记 / 信息录入错误"
        value={reason}
        status={error ? 'error' : undefined}
        onChange={(e) => setReason(e.target.value)}
        data-testid="void-reason"
      />
      {error && <Alert type="error" showIcon message={error} style={{ marginTop: 12 }} />}
    </Modal>
  );
}
