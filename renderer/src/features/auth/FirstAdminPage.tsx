import { Alert, Button, Form } from 'antd';
import { useState } from 'react';
import { api } from '../../api/client';
import { AuthCard } from './AuthCard';
import { PasswordFields } from './PasswordFields';
import { useNewPassword } from './useNewPassword';
import { RecoveryCodeCard } from './RecoveryCodeCard';
import { LimitedInput } from '../../components/LimitedInput';

/** An installation set up before accounts existed: its data stays; its first administrator is created here. */
export function FirstAdminPage({ title, onDone }: { title: string; onDone: () => void }) {
  const [login, setLogin] = useState('');
  const [name, setName] = useState('');
  const { fields, error, busy, submit: withPassword } = useNewPassword('创建失败，请重试');
  const [code, setCode] = useState<string | null>(null);

  if (code) return <RecoveryCodeCard code={code} name={name} onContinue={onDone} />;

  const submit = () =>
    withPassword(login, async (password) => {
      const out = await api.auth.createFirstAdmin({ login: login.trim(), displayName: name.trim(), password });
      setCode(out.recoveryCode);
    });

  return (
    <AuthCard
      title={title}
      subtitle="本软件已升级为按账户登录：原有数据全部保留。请先创建本机第一位管理员账户（站长 / 县局管理员），之后由其为其他人开设账户。"
    >
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} />}
      <Form layout="vertical" component="div">
        <Form.Item label="姓名" required>
          <LimitedInput id="first-admin-name" autoFocus maxLength={20} value={name} onChange={(e) => setName(e.target.value)} />
        </Form.Item>
        <Form.Item label="用户名（登录用）" required>
          <LimitedInput id="first-admin-login" maxLength={32} value={login} onChange={(e) => setLogin(e.target.value)} />
        </Form.Item>
        <PasswordFields {...fields} label="密码" />
        <Button type="primary" block loading={busy} onClick={() => void submit()}>
          创建管理员
        </Button>
      </Form>
    </AuthCard>
  );
}
