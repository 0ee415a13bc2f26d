import { useState, type ClipboardEvent, type InputHTMLAttributes, type ReactNode } from 'react';

/**
 * The first screens' form pieces (sign-in, setup) as plain elements styled like antd (first-screen.css): the
 * first screen parses and styles no antd at all; antd arrives with the signed-in app.
 */

/** A form row: label (with antd's red mark when required), the control, then the error or the hint below it. */
export function FormItem({
  label,
  htmlFor,
  required,
  error,
  extra,
  name,
  children,
}: {
  label: string;
  htmlFor?: string;
  required?: boolean;
  error?: string | null;
  extra?: string;
  /** `data-field` (the e2e specs find a field's message by it) */
  name?: string;
  children: ReactNode;
}) {
  // as antd: an error takes the row's bottom margin (no jump as it comes and goes); a hint sits above the margin
  return (
    <div className={error ? 'fs-item fs-has-help' : 'fs-item'} data-field={name}>
      {htmlFor ? (
        <label className={required ? 'fs-label fs-required' : 'fs-label'} htmlFor={htmlFor}>
          {label}
        </label>
      ) : (
        <div className={required ? 'fs-label fs-required' : 'fs-label'}>{label}</div>
      )}
      {children}
      {error && (
        <div className="fs-help fs-error" role="alert">
          {error}
        </div>
      )}
      {extra && <div className="fs-extra">{extra}</div>}
    </div>
  );
}

const inputClass = (invalid?: boolean) => (invalid ? 'fs-input fs-invalid' : 'fs-input');

type InputProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'onChange' | 'value'> & {
  value: string;
  onChange: (value: string) => void;
  invalid?: boolean;
};

/** antd's eye icons (EyeInvisibleOutlined / EyeOutlined). */
const EYE_CLOSED =
  'M942.2 486.2Q889.47 375.11 816.7 305l-50.88 50.88C807.31 395.53 843.45 447.4 874.7 512 791.5 684.2 673.4 766 512 766q-72.67 0-133.87-22.38L323 798.75Q408 838 512 838q288.3 0 430.2-300.3a60.29 60.29 0 000-51.5zm-63.57-320.64L836 122.88a8 8 0 00-11.32 0L715.31 232.2Q624.86 186 512 186q-288.3 0-430.2 300.3a60.3 60.3 0 000 51.5q56.69 119.4 136.5 191.41L112.48 835a8 8 0 000 11.31L155.17 889a8 8 0 0011.31 0l712.15-712.12a8 8 0 000-11.32zM149.3 512C232.6 339.8 350.7 258 512 258c54.54 0 104.13 9.36 149.12 28.39l-70.3 70.3a176 176 0 00-238.13 238.13l-83.42 83.42C223.1 637.49 183.3 582.28 149.3 512zm246.7 0a112.11 112.11 0 01146.2-106.69L401.31 546.2A112 112 0 01396 512z M508 624c-3.46 0-6.87-.16-10.25-.47l-52.82 52.82a176.09 176.09 0 00227.42-227.42l-52.82 52.82c.31 3.38.47 6.79.47 10.25a111.94 111.94 0 01-112 112z';
const EYE_OPEN =
  'M942.2 486.2C847.4 286.5 704.1 186 512 186c-192.2 0-335.4 100.5-430.2 300.3a60.3 60.3 0 000 51.5C176.6 737.5 319.9 838 512 838c192.2 0 335.4-100.5 430.2-300.3 7.7-16.2 7.7-35 0-51.5zM512 766c-161.3 0-279.4-81.8-362.7-254C232.6 339.8 350.7 258 512 258c161.3 0 279.4 81.8 362.7 254C791.5 684.2 673.4 766 512 766zm-4-430c-97.2 0-176 78.8-176 176s78.8 176 176 176 176-78.8 176-176-78.8-176-176-176zm0 288c-61.9 0-112-50.1-112-112s50.1-112 112-112 112 50.1 112 112-50.1 112-112 112z';

/** A text box. */
export function TextInput({ value, onChange, invalid, ...rest }: InputProps) {
  return (
    <input
      {...rest}
      className={inputClass(invalid)}
      value={value}
      onChange={(e) => onChange(e.target.value)}
      aria-invalid={invalid || undefined}
    />
  );
}

/**
 * No silent truncation (as LimitedInput at the counter): a paste that would go past the limit is refused with
 * the message passed to `onRefused`, and the count shows once three quarters of the limit are used.
 */
export function LimitedTextInput({
  value,
  onChange,
  invalid,
  maxLength,
  onRefused,
  ...rest
}: InputProps & { maxLength: number; onRefused: (message: string) => void }) {
  const onPaste = (e: ClipboardEvent<HTMLInputElement>) => {
    const el = e.currentTarget;
    const pasted = e.clipboardData.getData('text');
    const kept = el.value.length - ((el.selectionEnd ?? 0) - (el.selectionStart ?? 0));
    if (kept + pasted.length > maxLength) {
      e.preventDefault();
      onRefused(`此项最多 ${maxLength} 个字符，粘贴的内容有 ${pasted.length} 个字符，放不下，未粘贴：请删减后再粘贴`);
    }
  };
  const count = value.length;
  return (
    <span className={invalid ? 'fs-affix fs-invalid' : 'fs-affix'}>
      <input
        {...rest}
        maxLength={maxLength}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        onPaste={onPaste}
        aria-invalid={invalid || undefined}
      />
      {count >= maxLength * 0.75 && (
        <span className={count >= maxLength ? 'fs-count fs-at-limit' : 'fs-count'}>
          {`${count} / ${maxLength}${count >= maxLength ? '（已达上限）' : ''}`}
        </span>
      )}
    </span>
  );
}

/** A password box with antd's show/hide eye (not a tab stop, as in antd). */
export function PasswordInput({ value, onChange, invalid, ...rest }: InputProps) {
  const [shown, setShown] = useState(false);
  return (
    <span className={invalid ? 'fs-affix fs-invalid' : 'fs-affix'}>
      <input
        {...rest}
        type={shown ? 'text' : 'password'}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        aria-invalid={invalid || undefined}
      />
      <button
        type="button"
        className="fs-eye"
        tabIndex={-1}
        aria-label={shown ? '隐藏密码' : '显示密码'}
        onMouseDown={(e) => e.preventDefault()}
        onClick={() => setShown(!shown)}
      >
        <svg viewBox="64 64 896 896" aria-hidden="true">
          <path d={shown ? EYE_OPEN : EYE_CLOSED} />
        </svg>
      </button>
    </span>
  );
}

/** antd's error Alert (with its icon): a message above the form. */
export function ErrorAlert({ message, testId }: { message: string; testId?: string }) {
  return (
    <div className="fs-alert" role="alert" data-testid={testId}>
      <svg viewBox="64 64 896 896" aria-hidden="true">
        <path d="M512 64C264.6 64 64 264.6 64 512s200.6 448 448 448 448-200.6 448-448S759.4 64 512 64zm165.4 618.2l-66-.3L512 563.4l-99.3 118.4-66.1.3c-4.4 0-8-3.5-8-8 0-1.9.7-3.7 1.9-5.2l130.1-155L340.5 359a8.32 8.32 0 01-1.9-5.2c0-4.4 3.6-8 8-8l66.1.3L512 464.6l99.3-118.4 66-.3c4.4 0 8 3.5 8 8 0 1.9-.7 3.7-1.9 5.2L553.5 514l130 155c1.2 1.5 1.9 3.3 1.9 5.2 0 4.4-3.6 8-8 8z" />
      </svg>
      <span>{message}</span>
    </div>
  );
}

/** A button styled as antd's primary button (large, full width on the first screens). */
export function PrimaryButton({ busy, onClick, children }: { busy?: boolean; onClick: () => void; children: ReactNode }) {
  return (
    <button
      type="button"
      className="fs-button fs-primary fs-large fs-block"
      aria-busy={busy || undefined}
      onClick={() => !busy && onClick()}
    >
      {children}
    </button>
  );
}

/** The whole-window wait (antd's fullscreen Spin). */
export function Loading({ tip }: { tip: string }) {
  return (
    <div className="fs-loading" role="status" aria-live="polite">
      {tip}
    </div>
  );
}

/** A start-up failure with 重试 (antd's error Result). */
export function StartError({ title, detail, onRetry }: { title: string; detail: string; onRetry: () => void }) {
  return (
    <div className="fs-result fs-card" role="alert">
      <h3>{title}</h3>
      <p className="fs-secondary">{detail}</p>
      <button type="button" className="fs-button" onClick={onRetry}>
        重试
      </button>
    </div>
  );
}
