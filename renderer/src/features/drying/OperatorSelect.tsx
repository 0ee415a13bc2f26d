import { Select, type RefSelectProps } from 'antd';
import { useState, type Ref } from 'react';
import { FARMER_KIND_LABELS } from '../../../../shared/schemas/farmers';
import { api } from '../../api/client';
import { useApiQuery } from '../../hooks/useApiQuery';
import { useDebounced } from '../../hooks/useDebounced';

interface Props {
  id?: string;
  value?: string | null;
  onChange?: (value: string | null) => void;
  onBlur?: () => void;
  status?: 'error';
  /** The operator already chosen, so its name shows before any search. */
  current?: { id: string; name: string } | null;
  ref?: Ref<RefSelectProps>;
}

/**
 * 经营主体: a family farm, cooperative or enterprise registered at the counter (登记台) with its
 * unified social credit code; individuals are not offered. Type a name, pinyin initials or the code.
 */
export function OperatorSelect({ value, onChange, current, ...rest }: Props) {
  const [q, setQ] = useState('');
  const query = useDebounced(q.trim(), 200);
  const found = useApiQuery(`operators:${query}`, () => api.farmers.search({ q: query, pageSize: 30 }));
  const options = (found.data?.items ?? [])
    .filter((f) => f.kind !== 'individual')
    .map((f) => ({ value: f.id, label: `${f.name}（${FARMER_KIND_LABELS[f.kind]}，${f.townshipName}）` }));
  if (current && !options.some((o) => o.value === current.id)) options.unshift({ value: current.id, label: current.name });
  return (
    <Select
      {...rest}
      value={value ?? undefined}
      onChange={(v: string | undefined) => onChange?.(v ?? null)}
      allowClear
      showSearch={{ filterOption: false, onSearch: setQ }}
      loading={found.loading}
      options={options}
      placeholder="输入名称、拼音首字母或统一社会信用代码查找"
      notFoundContent={found.loading ? '正在查找…' : '没有找到：合作社或企业请先在“登记台”以统一社会信用代码登记'}
      data-testid="operator-select"
    />
  );
}
