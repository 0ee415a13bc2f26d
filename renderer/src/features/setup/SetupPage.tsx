import { Alert, Button, Form, Input, Radio, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useForm, useWatch, type Resolver } from 'react-hook-form';
import type { z } from 'zod';
import type { Settings, SetupOutput, setupInput } from '../../../../shared/schemas/settings';
import { afterPaint } from '../../after-paint';
import { api } from '../../api/client';
import { Field } from '../../components/form/Field';
import { enterToNext } from '../../components/form/enter-to-next';
import { applyServerErrors } from '../../components/form/server-errors';
import { TownshipSelect } from '../../components/TownshipSelect';
import { RecoveryCodeCard } from '../auth/RecoveryCodeCard';
import { LimitedInput } from '../../components/LimitedInput';

type Values = z.input<typeof setupInput>;
type Checked = z.output<typeof setupInput>;
const FIELDS = ['role', 'townshipCode', 'displayName', 'login', 'password'] as const;

/** zod and the schema load after the form is painted (the first screen parses less); the first check awaits them. */
const loadValidation = () => import('./setup-validation');
const resolver: Resolver<Values, unknown, Checked> = async (values, context, options) =>
  (await loadValidation()).setupResolver(values, context, options);

/** First run: what this installation is, and its first administrator (站长 / 县局管理员). Asked once. */
export function SetupPage({ dbPath, onDone }: { dbPath: string; onDone: (s: Settings) => void }) {
  const [banner, setBanner] = useState<string | null>(null);
  const [confirm, setConfirm] = useState('');
  const [confirmError, setConfirmError] = useState<string | null>(null);
  const [done, setDone] = useState<SetupOutput | null>(null);
  const { control, handleSubmit, setError, formState, getValues } = useForm<Values, unknown, Checked>({
    resolver,
    defaultValues: { role: 'station', displayName: '', login: '', password: '' },
  });
  const role = useWatch({ control, name: 'role' });
  useEffect(() => afterPaint(() => void loadValidation().catch(() => undefined)), []);

  const submit = handleSubmit(async (values) => {
    setBanner(null);
    if (confirm !== getValues('password')) {
      setConfirmError('两次输入的密码不一致');
      return;
    }
    setConfirmError(null);
    try {
      setDone(await api.settings.setup(values));
    } catch (error) {
      setBanner(applyServerErrors(error, setError, FIELDS));
    }
  });

  if (done) {
    return <RecoveryCodeCard code={done.recoveryCode} name={getValues('displayName')} onContinue={() => onDone(done.settings)} />;
  }

  return (
    <div style={{ minHeight: '100%', display: 'flex', alignItems: 'center', justifyContent: 'center', padding: 24 }}>
      {/* a plain box styled as antd's Card (styles.css .auth-card; this theme's Card radius): Card brings Tabs and Menu along */}
      <div className="auth-card" style={{ width: 520, borderRadius: 4 }}>
        <Typography.Title level={3} style={{ marginTop: 0 }}>
          初始设置
        </Typography.Title>
        <Typography.Paragraph type="secondary">
          欢迎使用冠县农机更新补贴台账。请先确定本机用途：本设置只需做一次，完成后本机会生成唯一的站点编号，用于向县农业农村局上报和合并数据。
        </Typography.Paragraph>
        {banner && <Alert type="error" showIcon message={banner} style={{ marginBottom: 16 }} />}
        <Form layout="vertical" component="div" onKeyDown={enterToNext(() => void submit())}>
          <Field
            control={control}
            name="role"
            label="本机用途"
            required
            render={({ value, onChange, id }) => (
              <Radio.Group id={id} value={value} onChange={(e) => onChange(e.target.value)} optionType="button" buttonStyle="solid">
                <Radio.Button value="station">乡镇农机站</Radio.Button>
                <Radio.Button value="county">县农业农村局</Radio.Button>
              </Radio.Group>
            )}
          />
          {role === 'station' && (
            <Field
              control={control}
              name="townshipCode"
              label="所属乡镇（街道）"
              required
              render={(field) => <TownshipSelect {...field} />}
            />
          )}
          <Typography.Paragraph strong style={{ marginBottom: 8 }}>
            {role === 'county' ? '县局管理员' : '站长'}账户（本机第一位管理员，之后由其为其他人开设账户）
          </Typography.Paragraph>
          <Field
            control={control}
            name="displayName"
            label="姓名"
            required
            extra="记录在每一条登记和修改的操作日志中"
            render={(field) => <LimitedInput {...field} maxLength={20} placeholder="例如：王建国" autoComplete="off" />}
          />
          <Field
            control={control}
            name="login"
            label="用户名（登录用）"
            required
            render={(field) => <LimitedInput {...field} maxLength={32} placeholder="例如：wangjg" autoComplete="username" />}
          />
          <Field
            control={control}
            name="password"
            label="密码"
            required
            extra="至少8位，含数字、字母、符号中至少两类，不能包含用户名"
            render={(field) => <Input.Password {...field} autoComplete="new-password" />}
          />
          <Form.Item label="再次输入密码" required validateStatus={confirmError ? 'error' : undefined} help={confirmError ?? undefined}>
            <Input.Password id="field-confirm" value={confirm} onChange={(e) => setConfirm(e.target.value)} autoComplete="new-password" />
          </Form.Item>
          <Button type="primary" size="large" block loading={formState.isSubmitting} onClick={() => void submit()}>
            完成设置
          </Button>
        </Form>
        <Typography.Paragraph type="secondary" style={{ marginTop: 16, marginBottom: 0, fontSize: 12 }}>
          数据文件：{dbPath}
        </Typography.Paragraph>
      </div>
    </div>
  );
}
