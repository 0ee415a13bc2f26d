import { chinaDateTime } from '../../../../shared/domain/civil-date';
import { ArrowLeftOutlined } from '@ant-design/icons';
import { Alert, Button, Space, Spin } from 'antd';
import type { ReactNode } from 'react';
import { useNavigate } from 'react-router-dom';

interface Props {
  backTo: string;
  backLabel: string;
  loading: boolean;
  error: string | null;
  record: { status: string; returnReason: string | null; voidedAt: string | null; voidReason: string | null } | undefined;
  children: ReactNode;
}

/** Back link, loading and error states, and the 退回/作废 banner every application detail page shows. */
export function DetailFrame({ backTo, backLabel, loading, error, record, children }: Props) {
  const navigate = useNavigate();
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Button icon={<ArrowLeftOutlined />} onClick={() => navigate(backTo)}>
        {backLabel}
      </Button>
      {error && <Alert type="error" showIcon title={error} />}
      {!record && loading && <Spin />}
      {record?.status === 'returned' && record.returnReason && (
        <Alert type="warning" showIcon title={`已退回：${record.returnReason}`} description="按退回原因修改后点“重新提交”" />
      )}
      {record?.voidedAt && (
        <Alert type="error" showIcon title={`已于 ${chinaDateTime(record.voidedAt)} 作废，原因：${record.voidReason ?? ''}`} />
      )}
      {record && children}
    </Space>
  );
}
