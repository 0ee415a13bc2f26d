import { Select, type RefSelectProps } from 'antd';
import type { Ref } from 'react';
import { HEAT_SOURCE_LABELS, HEAT_SOURCES, type HeatSource } from '../../../../shared/domain/drying-dryers';
import { nameSearchKeys } from '../../../../shared/domain/pinyin';
import { useSelectOpen } from '../../components/select-open';

const OPTIONS = HEAT_SOURCES.map((h) => {
  const label = HEAT_SOURCE_LABELS[h];
  const keys = nameSearchKeys(label.replace(/\//g, ''));
  return { value: h, label, search: `${label}${keys.full}${keys.initials}` };
});

interface Props {
  id?: string;
  value?: HeatSource | null;
  onChange?: (value: HeatSource | undefined) => void;
  onBlur?: () => void;
  status?: 'error';
  disabled?: boolean;
  /** Heat sources not offered (a conversion's new source differs from the old one and is not coal). */
  exclude?: readonly HeatSource[];
  placeholder?: string;
  ref?: Ref<RefSelectProps>;
  'data-testid'?: string;
}

/** 热源; type its name or pinyin initials (rm → 燃煤, drb → 电/热泵/空气能), Enter picks. */
export function HeatSourceSelect({ value, onBlur, exclude = [], placeholder, ...rest }: Props) {
  const openProps = useSelectOpen(onBlur);
  return (
    <Select
      {...rest}
      {...openProps}
      value={value ?? undefined}
      showSearch={{ filterOption: (input, option) => Boolean(option?.search.includes(input.trim().toLowerCase())) }}
      options={OPTIONS.filter((o) => !exclude.includes(o.value))}
      placeholder={placeholder ?? '选择热源（可输入拼音首字母，如 rm）'}
    />
  );
}
