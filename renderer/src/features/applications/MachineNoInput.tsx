import type { InputProps } from 'antd';
import { LimitedInput } from '../../components/LimitedInput';

type Props = Omit<InputProps, 'value' | 'onBlur'> & {
  value?: string | null;
  onBlur: () => void;
  /** Runs after the field is left: the counter's live duplicate check (machineIndex.check). */
  onLeave?: () => void;
};

/** A machine number (factory serial, engine, frame or plate) that is checked for duplicates as soon as it is left. */
export function MachineNoInput({ value, onBlur, onLeave, ...props }: Props) {
  return (
    <LimitedInput
      {...props}
      value={value ?? ''}
      autoComplete="off"
      onBlur={() => {
        onBlur();
        onLeave?.();
      }}
    />
  );
}
