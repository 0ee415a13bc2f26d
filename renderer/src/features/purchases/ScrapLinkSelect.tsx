import { Select, type RefSelectProps } from 'antd';
import type { Ref } from 'react';
import { formatFen } from '../../../../shared/domain/money';
import { STATUS_LABELS } from '../../../../shared/domain/workflow';
import type { ScrapListItem } from '../../../../shared/schemas/scraps';
import { api } from '../../api/client';
import { useSelectOpen } from '../../components/select-open';
import { useApiQuery } from '../../hooks/useApiQuery';

/** A scrapped machine can be renewed while its own application is still open (as the service allows). */
const LINKABLE = ['registered', 'accepted', 'returned'];

/** The buyer's scrapped machines a purchase may renew: open, not voided, not renewed by another purchase. */
export function useLinkableScraps(farmer: { id: string; name: string }, purchaseId: string | undefined) {
  const list = useApiQuery(`linkable:${farmer.id}`, () => api.scraps.list({ farmerId: farmer.id, pageSize: 200 }));
  const items = (list.data?.items ?? []).filter(
    (s) =>
      !s.voidedAt && LINKABLE.includes(s.status) && (!s.linkedPurchaseId || s.linkedPurchaseId === purchaseId),
  );
  return { items, loading: list.loading, error: list.error };
}

export function scrapLabel(s: ScrapListItem): string {
  const no = s.plateNo ?? s.engineNo ?? s.frameNo ?? '';
  return `${s.item} ${s.model}${no ? `（${no}）` : ''} · ${s.bandLabel} · 报废并更新 ${formatFen(s.scrapReplaceFen)} 元 · ${STATUS_LABELS[s.status]}`;
}

interface Props {
  id?: string;
  scraps: ScrapListItem[];
  loading: boolean;
  value?: string | null;
  onChange?: (value: string | null) => void;
  onBlur?: () => void;
  status?: 'error';
  ref?: Ref<RefSelectProps>;
}

export function ScrapLinkSelect({ scraps, loading, value, onChange, onBlur, ...rest }: Props) {
  const openProps = useSelectOpen(onBlur);
  return (
    <Select
      {...rest}
      {...openProps}
      // an id that is not (or no longer) linkable is not shown as a raw id; saving names the problem
      value={value && (loading || scraps.some((s) => s.id === value)) ? value : undefined}
      onChange={(v: string | undefined) => onChange?.(v ?? null)}
      allowClear
      loading={loading}
      placeholder={scraps.length ? '选择该购机者已登记的报废农机（报废并更新）' : '该购机者没有可关联的报废农机'}
      notFoundContent="该购机者没有可关联的报废农机"
      showSearch={{ filterOption: (input, option) => Boolean(option?.label.includes(input.trim())) }}
      options={scraps.map((s) => ({ value: s.id, label: scrapLabel(s) }))}
      data-testid="scrap-link"
    />
  );
}
