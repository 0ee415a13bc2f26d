import { Input, type InputRef } from 'antd';
import { useState, type CSSProperties, type Ref } from 'react';
import { formatFen, yuanToFen } from '../../../shared/domain/money';

interface Props {
  id?: string;
  /** The amount in integer fen; undefined when empty or not a valid amount. */
  value?: number | null;
  onChange?: (fen: number | undefined) => void;
  onBlur?: () => void;
  status?: 'error';
  placeholder?: string;
  disabled?: boolean;
  style?: CSSProperties;
  ref?: Ref<InputRef>;
  'data-testid'?: string;
}

/** Parses what was typed into fen: "7900", "7,900.5", "７９００" (full-width) all work; invalid → undefined. */
function parse(text: string): number | undefined {
  const cleaned = text
    .normalize('NFKC')
    .replace(/[\s，]/g, '')
    .replace(/元$/, '');
  if (!cleaned) return undefined;
  try {
    const fen = yuanToFen(cleaned);
    return fen >= 0 ? fen : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Money typed and shown in yuan with two decimals, held as integer fen (the API's unit), so
 * 7900 typed becomes 790000 fen and shows as "7,900.00" once the field is left.
 */
export function MoneyInput({ value, onChange, onBlur, ref, style, ...rest }: Props) {
  // What is being typed, with the amount it parsed to; once the value changes from outside, it is shown formatted.
  const [draft, setDraft] = useState<{ text: string; fen: number | undefined } | null>(null);
  const current = value ?? undefined;
  const text = draft && draft.fen === current ? draft.text : current === undefined ? '' : formatFen(current);
  const invalid = Boolean(draft && draft.text.trim() && draft.fen === undefined);

  return (
    <Input
      {...rest}
      ref={ref}
      value={text}
      inputMode="decimal"
      autoComplete="off"
      suffix="元"
      status={invalid ? 'error' : rest.status}
      title={invalid ? '金额格式不正确，例如 7900 或 7,900.00' : undefined}
      style={{ textAlign: 'right', fontVariantNumeric: 'tabular-nums', ...style }}
      onChange={(e) => {
        const fen = parse(e.target.value);
        setDraft({ text: e.target.value, fen });
        onChange?.(fen);
      }}
      onBlur={() => {
        if (!invalid) setDraft(null);
        onBlur?.();
      }}
    />
  );
}

/** "7,900.00 元" for tables and details; a dash for nothing. */
export function Money({ fen, strong }: { fen: number | null | undefined; strong?: boolean }) {
  if (fen === null || fen === undefined) return <span>—</span>;
  return (
    <span style={{ fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap', fontWeight: strong ? 600 : undefined }}>{formatFen(fen)}</span>
  );
}
