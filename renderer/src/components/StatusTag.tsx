import { Tag } from 'antd';
import { STATUS_LABELS, type Status } from '../../../shared/domain/workflow';

const COLORS: Record<Status, string> = {
  registered: 'default',
  accepted: 'processing',
  verified: 'cyan',
  published: 'purple',
  paid: 'success',
  returned: 'warning',
  voided: 'error',
};

/** An application's review stage (已登记 → 已兑付, 已退回, 已作废) as a coloured tag. */
export function StatusTag({ status }: { status: Status }) {
  return (
    <Tag color={COLORS[status]} data-status={status} style={{ marginInlineEnd: 0 }}>
      {STATUS_LABELS[status]}
    </Tag>
  );
}
