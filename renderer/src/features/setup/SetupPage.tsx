import { lazy, Suspense, useEffect, useState } from 'react';
import type { Settings, SetupInput, SetupOutput } from '../../../../shared/schemas/settings';
import { afterPaint } from '../../after-paint';
import { api, ApiError } from '../../api/client';
import { enterToNext } from '../../components/form/enter-to-next';
import { ErrorAlert, FormItem, LimitedTextInput, Loading, PasswordInput, PrimaryButton } from '../../first-screen/controls';
import { TownshipNativeSelect } from '../../first-screen/TownshipNativeSelect';
import { WithAntd } from '../../with-antd';
import type { SetupFieldErrors } from './setup-validation';

/** zod and the schema load after the form is painted (the first screen parses less); the first check awaits them. */
const loadValidation = () => import('./setup-validation');
/** The one-time recovery code (antd) after setup. */
const RecoveryCodeCard = lazy(() => import('../auth/RecoveryCodeCard').then((m) => ({ default: m.RecoveryCodeCard })));

type Role = 'station' | 'county';
const FIELDS = ['role', 'townshipCode', 'displayName', 'login', 'password'] as const;

/**
 * First run: what this installation is, and its first administrator (站长 / 县局管理员). Asked once. Plain elements
 * (first-screen.css), no antd: a new installation's first screen.
 */
export function SetupPage({ dbPath, onDone }: { dbPath: string; onDone: (s: Settings) => void }) {
  const [role, setRole] = useState<Role>('station');
  const [townshipCode, setTownshipCode] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [login, setLogin] = useState('');
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [errors, setErrors] = useState<SetupFieldErrors>({});
  const [banner, setBanner] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<SetupOutput | null>(null);
  useEffect(() => afterPaint(() => void loadValidation().catch(() => undefined)), []);

  const values = (): SetupInput => ({
    role,
    townshipCode: role === 'station' && townshipCode ? (townshipCode as SetupInput['townshipCode']) : undefined,
    displayName,
    login,
    password,
  });
  /** A field's message goes away as it is edited (as react-hook-form did after a submit). */
  const edit = (name: string, set: (v: string) => void) => (v: string) => {
    set(v);
    if (errors[name]) setErrors(({ [name]: _, ...rest }) => rest);
  };
  const focusFirst = (found: SetupFieldErrors) => {
    const first = FIELDS.find((f) => found[f]) ?? (found.confirm ? 'confirm' : undefined);
    if (first) document.querySelector<HTMLElement>(`#field-${first}, #field-${first} input:checked`)?.focus();
  };

  const submit = async () => {
    if (busy) return;
    setBusy(true);
    setBanner(null);
    try {
      const checked = (await loadValidation()).checkSetup(values());
      const found: SetupFieldErrors = checked.ok ? {} : checked.errors;
      if (checked.ok && confirm !== password) found.confirm = '两次输入的密码不一致';
      setErrors(found);
      if (!checked.ok || found.confirm) {
        focusFirst(found);
        return;
      }
      setDone(await api.settings.setup(checked.data));
    } catch (error) {
      // the service's field issues go under their fields; anything else above the form
      const issues = error instanceof ApiError ? (error.body.issues ?? []) : [];
      const placed: SetupFieldErrors = {};
      for (const issue of issues) {
        const name = issue.path.join('.');
        if ((FIELDS as readonly string[]).includes(name)) placed[name] ??= issue.message;
      }
      if (Object.keys(placed).length) {
        setErrors(placed);
        focusFirst(placed);
      } else setBanner(error instanceof ApiError ? error.message : '操作失败，请重试');
    } finally {
      setBusy(false);
    }
  };

  if (done) {
    return (
      <WithAntd>
        <Suspense fallback={<Loading tip="正在打开…" />}>
          <RecoveryCodeCard code={done.recoveryCode} name={displayName} onContinue={() => onDone(done.settings)} />
        </Suspense>
      </WithAntd>
    );
  }

  const refusedPaste = (name: string) => (message: string) => setErrors((e) => ({ ...e, [name]: message }));
  return (
    <div
      style={{ minHeight: '100%', display: 'flex', alignItems: 'center', justifyContent: 'center', padding: 24, boxSizing: 'border-box' }}
    >
      {/* a plain box styled as antd's Card (styles.css .auth-card; this theme's Card radius) */}
      <div className="auth-card fs-card" style={{ width: 520, borderRadius: 4 }}>
        <h3 className="fs-title">初始设置</h3>
        <p className="fs-text fs-secondary">
          欢迎使用冠县农机更新补贴台账。请先确定本机用途：本设置只需做一次，完成后本机会生成唯一的站点编号，用于向县农业农村局上报和合并数据。
        </p>
        {banner && <ErrorAlert message={banner} />}
        <div onKeyDown={enterToNext(() => void submit())}>
          <FormItem label="本机用途" required name="role" error={errors.role}>
            <div className="fs-segmented" role="radiogroup" id="field-role" aria-label="本机用途">
              {(
                [
                  ['station', '乡镇农机站'],
                  ['county', '县农业农村局'],
                ] as const
              ).map(([value, text]) => (
                <label key={value}>
                  <input type="radio" name="setup-role" value={value} checked={role === value} onChange={() => setRole(value)} />
                  {text}
                </label>
              ))}
            </div>
          </FormItem>
          {role === 'station' && (
            <FormItem label="所属乡镇（街道）" htmlFor="field-townshipCode" required name="townshipCode" error={errors.townshipCode}>
              <TownshipNativeSelect
                id="field-townshipCode"
                value={townshipCode}
                onChange={edit('townshipCode', setTownshipCode)}
                invalid={Boolean(errors.townshipCode)}
              />
            </FormItem>
          )}
          <p className="fs-text fs-strong" style={{ marginBottom: 8 }}>
            {role === 'county' ? '县局管理员' : '站长'}账户（本机第一位管理员，之后由其为其他人开设账户）
          </p>
          <FormItem
            label="姓名"
            htmlFor="field-displayName"
            required
            name="displayName"
            error={errors.displayName}
            extra="记录在每一条登记和修改的操作日志中"
          >
            <LimitedTextInput
              id="field-displayName"
              maxLength={20}
              placeholder="例如：王建国"
              autoComplete="off"
              value={displayName}
              onChange={edit('displayName', setDisplayName)}
              onRefused={refusedPaste('displayName')}
              invalid={Boolean(errors.displayName)}
            />
          </FormItem>
          <FormItem label="用户名（登录用）" htmlFor="field-login" required name="login" error={errors.login}>
            <LimitedTextInput
              id="field-login"
              maxLength={32}
              placeholder="例如：wangjg"
              autoComplete="username"
              value={login}
              onChange={edit('login', setLogin)}
              onRefused={refusedPaste('login')}
              invalid={Boolean(errors.login)}
            />
          </FormItem>
          <FormItem
            label="密码"
            htmlFor="field-password"
            required
            name="password"
            error={errors.password}
            extra="至少8位，含数字、字母、符号中至少两类，不能包含用户名"
          >
            <PasswordInput
              id="field-password"
              autoComplete="new-password"
              value={password}
              onChange={edit('password', setPassword)}
              invalid={Boolean(errors.password)}
            />
          </FormItem>
          <FormItem label="再次输入密码" htmlFor="field-confirm" required name="confirm" error={errors.confirm}>
            <PasswordInput
              id="field-confirm"
              autoComplete="new-password"
              value={confirm}
              onChange={edit('confirm', setConfirm)}
              invalid={Boolean(errors.confirm)}
            />
          </FormItem>
          <PrimaryButton busy={busy} onClick={() => void submit()}>
            完成设置
          </PrimaryButton>
        </div>
        <p className="fs-text fs-secondary fs-small" style={{ marginTop: 16, marginBottom: 0 }}>
          数据文件：{dbPath}
        </p>
      </div>
    </div>
  );
}
