import { chinaTodayNow } from '../../../shared/domain/civil-date';
import { DatePicker } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState, type ComponentRef, type Ref } from 'react';

interface Props {
  id?: string;
  /** YYYY-MM-DD, as the API stores dates. */
  value?: string | null;
  onChange?: (value: string | undefined) => void;
  onBlur?: () => void;
  status?: 'error';
  /** Dates after today cannot be chosen (hand-over, dismantling, purchase). */
  noFuture?: boolean;
  placeholder?: string;
  ref?: Ref<ComponentRef<typeof DatePicker>>;
}

/**
 * An antd DatePicker that speaks 'YYYY-MM-DD' strings. Typed dates are the counter's way: the
 * calendar opens on a click only, never when Enter brings the focus here — an open calendar under a
 * resting mouse pointer would put the hovered day into the field while the date is being typed.
 */
export function DateInput({ value, onChange, onBlur, noFuture, placeholder, ...rest }: Props) {
  const [open, setOpen] = useState(false);
  return (
    <DatePicker
      {...rest}
      open={open}
      onOpenChange={(next) => {
        if (!next) setOpen(false);
      }}
      onMouseDown={() => setOpen(true)}
      onBlur={() => {
        setOpen(false);
        onBlur?.();
      }}
      value={value ? dayjs(value) : null}
      onChange={(d: Dayjs | null) => {
        onChange?.(d ? d.format('YYYY-MM-DD') : undefined);
        setOpen(false);
      }}
      format="YYYY-MM-DD"
      placeholder={placeholder ?? '年-月-日，如 2025-09-01'}
      disabledDate={noFuture ? (d) => d.format('YYYY-MM-DD') > chinaTodayNow() : undefined}
      style={{ width: '100%' }}
    />
  );
}
