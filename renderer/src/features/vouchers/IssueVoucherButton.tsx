import { AuditOutlined } from '@ant-design/icons';
import { App, Button, Tooltip } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { COUNTED_STATUSES, STATUS_LABELS, type Status } from '../../../../shared/domain/workflow';
import { api, ApiError } from '../../api/client';
import { useApiQuery } from '../../hooks/useApiQuery';
import { printUrl } from './print-url';

interface Props {
  kind: 'scrap' | 'purchase';
  applicationId: string;
  /** The application's review stage: a voucher is issued only once it is 已核验 (or later). */
  status: Status;
  size?: 'small' | 'middle' | 'large';
}

/**
 * 出具凭证 on an application's page: one click issues the voucher (idempotent: the live voucher if
 * there is one) and opens the print route, which prints a voucher that was never printed at once.
 */
export function IssueVoucherButton({ kind, applicationId, status, size }: Props) {
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const allowed = COUNTED_STATUSES.includes(status);
  const existing = useApiQuery(`voucher-of:${applicationId}:${allowed}`, () =>
    allowed ? api.vouchers.list({ applicationId, includeVoided: false, pageSize: 1 }) : Promise.resolve(null),
  );
  const current = existing.data?.items[0];

  const issue = async () => {
    setBusy(true);
    try {
      const v = await api.vouchers.issue({ kind, applicationId });
      navigate(printUrl([v.id], { autoprint: v.printCount === 0 }));
    } catch (e) {
      void message.error(e instanceof ApiError ? e.message : '出具凭证失败，请重试');
      setBusy(false);
    }
  };

  const label = current ? `打印凭证 ${current.number}` : '出具并打印凭证';
  const button = (
    <Button
      type="primary"
      size={size}
      icon={<AuditOutlined />}
      disabled={!allowed}
      loading={busy}
      onClick={() => void issue()}
      data-testid="issue-voucher"
    >
      {label}
    </Button>
  );
  if (allowed) return button;
  return (
    <Tooltip title={`申请当前为“${STATUS_LABELS[status]}”，核验通过（已核验）后才能出具补贴凭证`}>
      {/* a disabled button swallows hover: the span carries the tooltip */}
      <span style={{ display: 'inline-block', cursor: 'not-allowed' }}>{button}</span>
    </Tooltip>
  );
}
