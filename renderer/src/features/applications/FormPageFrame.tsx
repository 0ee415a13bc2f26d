import { ArrowLeftOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Space, Spin, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useSettings } from '../../settings-context';
import { FarmerBrief, type FarmerSummary } from './FarmerBrief';

interface Props {
  title: string;
  farmer: FarmerSummary | undefined;
  loading: boolean;
  error: string | null;
  /** Why the form cannot be used (voided farmer, record past editing), if so. */
  blocked?: string | null;
  onBack: () => void;
  backLabel: string;
  children: ReactNode;
}

/** The frame of a registration form: back, title, the applicant, then the form (or why it cannot be filled in). */
export function FormPageFrame({ title, farmer, loading, error, blocked, onBack, backLabel, children }: Props) {
  const { settings } = useSettings();
  const readOnly = settings.role === 'county';
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Button icon={<ArrowLeftOutlined />} onClick={onBack}>
        {backLabel}
      </Button>
      <Typography.Title level={4} className="page-title">
        {title}
      </Typography.Title>
      {error && <Alert type="error" showIcon title={error} />}
      {!farmer && loading && <Spin />}
      {farmer && (
        <Card size="small">
          <FarmerBrief farmer={farmer} />
        </Card>
      )}
      {readOnly ? (
        <Alert type="info" showIcon title="县级汇总机只读：报废和购置登记在乡镇农机站办理" />
      ) : blocked ? (
        <Alert type="warning" showIcon title={blocked} />
      ) : (
        farmer && children
      )}
    </Space>
  );
}
