import { Select } from 'antd';
import { useState } from 'react';
import { STATUS_LABELS } from '../../../../shared/domain/workflow';
import { api } from '../../api/client';
import { useApiQuery } from '../../hooks/useApiQuery';
import { useDebounced } from '../../hooks/useDebounced';

interface Props {
  id?: string;
  value?: string | null;
  onChange?: (value: string | null) => void;
  onBlur?: () => void;
  status?: 'error';
  current?: { id: string; label: string } | null;
}

/** A 报废登记 of a dryer (机具品目 with 烘干), found by the owner's name, pinyin, model or engine/frame number. */
export function DryerScrapSelect({ value, onChange, current, ...rest }: Props) {
  const [q, setQ] = useState('');
  const query = useDebounced(q.trim(), 200);
  const found = useApiQuery(`dryer-scraps:${query}`, () => api.scraps.list({ q: query, pageSize: 100 }));
  const options = (found.data?.items ?? [])
    .filter((s) => s.item.includes('烘干') && !s.voidedAt)
    .map((s) => ({
      value: s.id,
      label: `${s.item} ${s.model}（${s.farmer.name}，${s.handoverDate ?? '未交售'}，${STATUS_LABELS[s.status]}）`,
    }));
  if (current && !options.some((o) => o.value === current.id)) options.unshift({ value: current.id, label: current.label });
  return (
    <Select
      {...rest}
      value={value ?? undefined}
      onChange={(v: string | undefined) => onChange?.(v ?? null)}
      allowClear
      showSearch={{ filterOption: false, onSearch: setQ }}
      loading={found.loading}
      options={options}
      placeholder="按机主姓名、型号或出厂编号查找烘干机的报废登记"
      notFoundContent={found.loading ? '正在查找…' : '没有烘干机的报废登记（报废补贴范围自2025年起含烘干机）'}
      data-testid="scrap-select"
    />
  );
}
