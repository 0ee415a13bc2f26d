import { Alert, Button, Card, Descriptions, Space, Typography } from 'antd';
import { useState } from 'react';
import type { AuditVerifyOutput } from '../../../../shared/schemas/audit';
import { api, ApiError } from '../../api/client';
import { useSettings } from '../../settings-context';

/**
 * 本机密钥: the public-key fingerprint the county compares at enrolment (read aloud over the phone), and a
 * check of this installation's own history chain (audit.verify).
 */
export function KeyCard() {
  const { settings } = useSettings();
  const [check, setCheck] = useState<AuditVerifyOutput | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const verify = async () => {
    setBusy(true);
    try {
      setCheck(await api.audit.verify({}));
      setError(null);
    } catch (e) {
      setError(e instanceof ApiError ? e.message : '校验失败');
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card title="本机签名密钥">
      <Descriptions column={1} bordered size="middle">
        <Descriptions.Item label="密钥指纹">
          <Typography.Text strong copyable data-testid="key-fingerprint" style={{ fontFamily: 'monospace', fontSize: 18, letterSpacing: 1 }}>
            {settings.keyFingerprint}
          </Typography.Text>
        </Descriptions.Item>
      </Descriptions>
      <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
        {settings.role === 'station'
          ? '本站导出的上报文件和出具的补贴凭证都用本机密钥签名。县局首次导入本站文件时，会电话核对这组指纹，请逐组读给县局。'
          : '县局首次导入某站文件时，请电话请该站读出其“设置”页上的密钥指纹，与导入页显示的逐组核对，一致后再确认登记。'}
        私钥只保存在本机数据文件中，从不导出或显示。
      </Typography.Paragraph>
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Button loading={busy} onClick={() => void verify()} data-testid="verify-history">
          校验操作日志是否被改动
        </Button>
        {check && <Alert type={check.ok ? 'success' : 'error'} showIcon message={check.message} data-testid="history-check" />}
        {error && <Alert type="error" showIcon message={error} />}
      </Space>
    </Card>
  );
}
