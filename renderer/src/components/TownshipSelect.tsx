import { Select, type RefSelectProps } from 'antd';
import type { CSSProperties, Ref } from 'react';
import { TOWNSHIPS } from '../../../shared/domain/townships';
import { TOWNSHIP_SEARCH_KEYS } from '../../../shared/domain/township-search';
import { useSelectOpen } from './select-open';

const OPTIONS = TOWNSHIPS.map((t) => {
  const keys = TOWNSHIP_SEARCH_KEYS[t.code];
  return { value: t.code, label: t.name, search: `${t.name}${keys.full}${keys.initials}${t.code}` };
});

interface Props {
  id?: string;
  value?: string;
  onChange?: (value: string | undefined) => void;
  onBlur?: () => void;
  status?: 'error';
  placeholder?: string;
  allowClear?: boolean;
  ref?: Ref<RefSelectProps>;
  style?: CSSProperties;
}

/** The 18 townships of Guan County; type a name, its pinyin or initials (llz → 柳林镇). */
export function TownshipSelect({ ref, ...props }: Props) {
  // controlled open: Enter-to-next must not leave the list open under the next field
  const openState = useSelectOpen(props.onBlur);
  return (
    <Select
      ref={ref}
      showSearch={{ filterOption: (input, option) => Boolean(option?.search.includes(input.trim().toLowerCase())) }}
      options={OPTIONS}
      placeholder={props.placeholder ?? '选择乡镇（可输入拼音首字母）'}
      {...props}
      {...openState}
    />
  );
}
