import { InputNumber, Select, type RefSelectProps } from 'antd';
import type { ComponentRef, Ref } from 'react';
import { nameSearchKeys } from '../../../../shared/domain/pinyin';
import { BAND_PARAMS, type BandParam } from '../../../../shared/schemas/catalog';
import { useSelectOpen } from '../../components/select-open';
import type { CatalogItem } from './catalog';

interface ItemSelectProps {
  id?: string;
  items: CatalogItem[];
  loading?: boolean;
  value?: string;
  onChange?: (item: string | undefined) => void;
  onBlur?: () => void;
  status?: 'error';
  ref?: Ref<RefSelectProps>;
  autoFocus?: boolean;
}

/** 机具品目 from the catalogue; type the name, its pinyin or initials (tlj → 拖拉机). */
export function ItemSelect({ items, loading, onBlur, ...props }: ItemSelectProps) {
  const openProps = useSelectOpen(onBlur);
  return (
    <Select
      {...props}
      {...openProps}
      loading={loading}
      placeholder="选择机具品目（可输入拼音首字母，如 tlj）"
      showSearch={{ filterOption: (input, option) => Boolean(option?.search.includes(input.trim().toLowerCase())) }}
      notFoundContent={loading ? '正在读取补贴额一览表…' : '补贴额一览表中没有匹配的品目'}
      options={items.map((i) => ({
        value: i.item,
        search: i.search,
        label: (
          <span>
            {i.item}
            <span style={{ color: '#8c8c8c', marginInlineStart: 8, fontSize: 12 }}>{i.subcategory}</span>
          </span>
        ),
      }))}
      optionLabelProp="value"
    />
  );
}

interface VariantSelectProps {
  id?: string;
  variants: string[];
  required?: boolean;
  value?: string | null;
  onChange?: (variant: string | null) => void;
  onBlur?: () => void;
  status?: 'error';
  ref?: Ref<RefSelectProps>;
}

/** 型式 (两驱/四驱, 人畜力/拖拉机配套) when the item's bands are split by one; type it or its initials (sq → 四驱). */
export function VariantSelect({ variants, required, value, onChange, onBlur, ...props }: VariantSelectProps) {
  const openProps = useSelectOpen(onBlur);
  return (
    <Select
      {...props}
      {...openProps}
      value={value ?? undefined}
      onChange={(v: string | undefined) => onChange?.(v ?? null)}
      allowClear={!required}
      placeholder={required ? '请选择型式' : '不区分（可不选）'}
      showSearch={{ filterOption: (input, option) => Boolean(option?.search.includes(input.trim().toLowerCase())) }}
      options={variants.map((v) => {
        const keys = nameSearchKeys(v);
        return { value: v, label: v, search: `${v}${keys.full}${keys.initials}` };
      })}
    />
  );
}

interface ParamInputProps {
  id?: string;
  param: BandParam;
  value?: number | null;
  onChange?: (value: number | null) => void;
  onBlur?: () => void;
  status?: 'error';
  ref?: Ref<ComponentRef<typeof InputNumber>>;
}

/** The band parameter (功率, 喂入量, 行数…) with its unit from the catalogue. */
export function ParamInput({ param, value, onChange, ...props }: ParamInputProps) {
  const p = BAND_PARAMS[param];
  return (
    <InputNumber<number>
      {...props}
      value={value ?? null}
      onChange={(v) => onChange?.(v ?? null)}
      min={0}
      max={100000}
      suffix={p.unit}
      placeholder={`${p.label}，如铭牌所示`}
      style={{ width: '100%' }}
      changeOnWheel={false}
      keyboard
    />
  );
}
