import { PrinterOutlined } from '@ant-design/icons';
import { Alert, Button, Checkbox, Space, Typography } from 'antd';
import { useState } from 'react';
import { AuthCard } from './AuthCard';

/** The administrator's one-time recovery code, shown once: print or copy it, then continue. */
export function RecoveryCodeCard({ code, name, onContinue }: { code: string; name: string; onContinue: () => void }) {
  const [kept, setKept] = useState(false);
  return (
    <AuthCard title="请保存恢复码" width={520}>
      <Alert
        type="warning"
        showIcon
        message="恢复码只显示这一次"
        description={`管理员 ${name} 忘记密码时，可用它重设一次密码。请打印或抄写后锁在安全的地方，不要和电脑放在一起。`}
        style={{ marginBottom: 16 }}
      />
      <div className="recovery-code" data-testid="recovery-code">
        {code}
      </div>
      <Space orientation="vertical" style={{ width: '100%', marginTop: 16 }}>
        <Button icon={<PrinterOutlined />} onClick={() => window.print()}>
          打印恢复码
        </Button>
        <Checkbox checked={kept} onChange={(e) => setKept(e.target.checked)}>
          我已打印或抄写并妥善保存
        </Checkbox>
        <Button type="primary" block disabled={!kept} onClick={onContinue}>
          进入系统
        </Button>
      </Space>
      <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0, fontSize: 12 }}>
        恢复码以不可逆的方式保存在本机，软件无法再次显示。
      </Typography.Paragraph>
    </AuthCard>
  );
}
