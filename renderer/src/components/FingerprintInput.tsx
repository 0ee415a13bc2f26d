import { Input, Typography } from 'antd';
import { normalizeFingerprint } from '../../../shared/domain/fingerprint';

/** Whether a typed fingerprint has all five groups (the server compares it with the file's key). */
export const fingerprintComplete = (typed: string) => /^[A-Z2-7]{4}(-[A-Z2-7]{4}){4}$/.test(normalizeFingerprint(typed));

interface Props {
  value: string;
  onChange: (value: string) => void;
  /** Who reads it out, e.g. 县农业农村局 or 该站. */
  source: string;
  onEnter?: () => void;
  testId: string;
}

/**
 * A key fingerprint typed as someone reads it out over the phone — never copied from the file being trusted,
 * so pinning a key means a person compared it. Case, spaces and dashes do not matter.
 */
export function FingerprintInput({ value, onChange, source, onEnter, testId }: Props) {
  return (
    <>
      <Input
        autoFocus
        size="large"
        value={value}
        onChange={(e) => onChange(e.target.value)}
        onPressEnter={onEnter}
        placeholder="XXXX-XXXX-XXXX-XXXX-XXXX"
        maxLength={40}
        autoComplete="off"
        spellCheck={false}
        style={{ fontFamily: 'monospace', fontSize: 18, letterSpacing: 1, maxWidth: 360 }}
        aria-label={`${source}读出的密钥指纹`}
        data-testid={testId}
      />
      <Typography.Text type="secondary" style={{ display: 'block', marginTop: 4 }}>
        按{source}读出的内容逐组输入（5 组，每组 4 个字母或数字；大小写、空格和短横线不限）。
        {value && !fingerprintComplete(value) ? ` 已输入 ${normalizeFingerprint(value).replace(/-/g, '').length} / 20 个字符` : ''}
      </Typography.Text>
    </>
  );
}
