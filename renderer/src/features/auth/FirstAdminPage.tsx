import { Alert, Button, Form } from 'antd';
import { useState } from 'react';
import { api, ApiError } from '../../api/client';
import { AuthCard } from './AuthCard';
import { newPasswordProblem, PasswordFields, type NewPassword } from './PasswordFields';
import { RecoveryCodeCard } from './RecoveryCodeCard';
import { LimitedInput } from '../../components/LimitedInput';

/** An installation set up before accounts existed: its data stays; its first administrator is created here. */
export function FirstAdminPage({ title, onDone }: { title: string; onDone: () => void }) {
  const [login, setLogin] = useState('');
  const [name, setName] = useState('');
  const [pw, setPw] = useState<NewPassword>({ password: '', confirm: '' });
  const [fieldError, setFieldError] = useState<ReturnType<typeof newPasswordProblem>>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [code, setCode] = useState<string | null>(null);

  if (code) return <RecoveryCodeCard code={code} name={name} onContinue={onDone} />;

  const submit = async () => {
    const problem = newPasswordProblem(pw, login);
    setFieldError(problem);
    if (problem) return;
    setBusy(true);
    try {
      const out = await api.auth.createFirstAdmin({ login: login.trim(), displayName: name.trim(), password: pw.password });
      setCode(out.recoveryCode);
    } catch (e) {
      setError(e instanceof ApiError ? (e.body.issues?.[0]?.message ?? e.message) : '创建失败，请重试');
    } finally {
      setBusy(false);
    }
  };

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
        <PasswordFields value={pw} onChange={setPw} error={fieldError} label="密码" />
        <Button type="primary" block loading={busy} onClick={() => void submit()}>
          创建管理员
        </Button>
      </Form>
    </AuthCard>
  );
}
