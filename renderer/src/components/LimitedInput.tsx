import { App, Input, type InputProps } from 'antd';
import type { TextAreaProps } from 'antd/es/input';
import type { ClipboardEvent } from 'react';

/**
 * No silent truncation: a paste that would go past the limit is refused with a message (never cut), and
 * the count shows as the limit comes near. The zod schemas still cap the length on the service side.
 */
function usePasteGuard(max: number | undefined) {
  const { message } = App.useApp();
  return (e: ClipboardEvent<HTMLInputElement | HTMLTextAreaElement>) => {
    if (!max) return;
    const el = e.currentTarget;
    const pasted = e.clipboardData.getData('text');
    const kept = el.value.length - ((el.selectionEnd ?? 0) - (el.selectionStart ?? 0));
    if (kept + pasted.length > max) {
      e.preventDefault();
      void message.warning(`此项最多 ${max} 个字符，粘贴的内容有 ${pasted.length} 个字符，放不下，未粘贴：请删减后再粘贴`);
    }
  };
}

/** Shows "n / max" once three quarters of the limit are used, in red at the limit. */
const countOf = (max: number | undefined) =>
  max
    ? {
        max,
        show: ({ count }: { count: number }) =>
          count >= max * 0.75 ? (
            <span style={count >= max ? { color: '#b91c1c' } : undefined}>{`${count} / ${max}${count >= max ? '（已达上限）' : ''}`}</span>
          ) : null,
      }
    : undefined;

export function LimitedInput({ maxLength, onPaste, ...props }: InputProps) {
  const guard = usePasteGuard(maxLength);
  return (
    <Input
      {...props}
      maxLength={maxLength}
      count={countOf(maxLength)}
      onPaste={(e) => {
        guard(e);
        onPaste?.(e);
      }}
    />
  );
}

export function LimitedTextArea({ maxLength, onPaste, ...props }: TextAreaProps) {
  const guard = usePasteGuard(maxLength);
  return (
    <Input.TextArea
      {...props}
      maxLength={maxLength}
      count={countOf(maxLength)}
      onPaste={(e) => {
        guard(e);
        onPaste?.(e);
      }}
    />
  );
}
