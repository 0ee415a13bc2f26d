import { Input, Modal, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { REPRINT_REASONS } from '../../../../shared/schemas/vouchers';

export interface ReprintAsk {
  /** Voucher numbers that were printed before. */
  numbers: string[];
  /** Which print the paper will be (第N次打印) for the first of them. */
  printNumber: number;
  resolve: (reason: string | null) => void;
}

/** 补打 asks why (卡纸、污损、遗失 … or free text); the reason is recorded with the print. */
export function ReprintReasonDialog({ ask }: { ask: ReprintAsk | null }) {
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const close = (value: string | null) => {
    setReason('');
    setError(null);
    ask?.resolve(value);
  };
  const confirm = () => {
    const text = reason.trim();
    if (!text) return setError('请选择或填写补打原因');
    if (text.length > 100) return setError('补打原因不超过100字');
    close(text);
  };
  return (
    <Modal
      open={ask !== null}
      title="补打凭证"
      okText="补打"
      cancelText="取消"
      onOk={confirm}
      onCancel={() => close(null)}
      destroyOnHidden
      okButtonProps={{ 'data-testid': 'reprint-confirm' } as Record<string, string>}
    >
      <Typography.Paragraph>
        凭证 {ask?.numbers.join('、')} 已打印过，本次打印将标注“补打”（第{ask?.printNumber}次打印）。请说明补打原因：
      </Typography.Paragraph>
      <Space wrap style={{ marginBottom: 8 }}>
        {REPRINT_REASONS.map((r) => (
          <Tag.CheckableTag
            key={r}
            checked={reason === r}
            onChange={() => {
              setReason(r);
              setError(null);
            }}
          >
            {r}
          </Tag.CheckableTag>
        ))}
      </Space>
      <Input
        autoFocus
        value={reason}
        onChange={(e) => {
          setReason(e.target.value);
          setError(null);
        }}
        onPressEnter={confirm}
        placeholder="点选上面的常见原因，或直接填写"
        status={error ? 'error' : undefined}
        data-testid="reprint-reason"
      />
      {error && (
        <Typography.Text type="danger" data-testid="reprint-reason-error">
          {error}
        </Typography.Text>
      )}
    </Modal>
  );
}
