import { PlusOutlined } from '@ant-design/icons';
import { Button, Select, Space, type RefSelectProps } from 'antd';
import { useEffect, useMemo, useRef, useState, type Ref } from 'react';
import { nameSearchKeys } from '../../../../shared/domain/pinyin';
import { PARTNER_LABELS, type Partner } from '../../../../shared/schemas/partners';
import { api } from '../../api/client';
import { useSelectOpen } from '../../components/select-open';
import { useApiQuery } from '../../hooks/useApiQuery';
import { PartnerCreateModal } from './PartnerCreateModal';

interface Props {
  kind: 'dealer' | 'recycler';
  id?: string;
  value?: string | null;
  onChange?: (value: string | null) => void;
  onBlur?: () => void;
  status?: 'error';
  ref?: Ref<RefSelectProps>;
  /** Hide the 新增 button (read-only installations). */
  readOnly?: boolean;
}

/** Dealers or recycling enterprises from the managed list; type a name or its pinyin initials; add one in place. */
export function PartnerSelect({ kind, value, onChange, onBlur, readOnly, ...rest }: Props) {
  const openProps = useSelectOpen(onBlur);
  const [tick, setTick] = useState(0);
  const [adding, setAdding] = useState(false);
  const [typed, setTyped] = useState('');
  // A partner just added shows by name while the list reloads.
  const [created, setCreated] = useState<Partner | null>(null);
  const list = useApiQuery(`partners:${kind}:${tick}`, () => api.partners.list({ kind }));
  const label = PARTNER_LABELS[kind];
  // The picker itself, to give the keyboard back when the 新增 dialog closes (saved or cancelled): the dialog
  // unmounts and would leave the focus on <body>, where Enter and Ctrl+Enter no longer reach the form.
  const box = useRef<HTMLDivElement>(null);
  const refocus = useRef(false);
  const closeDialog = () => {
    refocus.current = true;
    setAdding(false);
  };
  // after the commit that removed the dialog (and its focus trap)
  useEffect(() => {
    if (adding || !refocus.current) return;
    refocus.current = false;
    box.current?.querySelector<HTMLInputElement>('input[role=combobox]')?.focus();
  }, [adding]);

  const options = useMemo(() => {
    const items = list.data?.items ?? [];
    const all = created && !items.some((p) => p.id === created.id) ? [...items, created] : items;
    return all.map((p: Partner) => {
      const keys = nameSearchKeys(p.name);
      return { value: p.id, label: p.name, search: `${p.name}${keys.full}${keys.initials}`.toLowerCase() };
    });
  }, [list.data, created]);

  return (
    <>
      <div ref={box}>
        <Space.Compact style={{ width: '100%' }}>
          <Select
            {...rest}
            {...openProps}
            value={value ?? undefined}
            onChange={(v: string | undefined) => onChange?.(v ?? null)}
            allowClear
            loading={list.loading}
            options={options}
            placeholder={`选择${label}（可输入拼音首字母）`}
            showSearch={{
              filterOption: (input, option) => Boolean(option?.search.includes(input.trim().toLowerCase())),
              onSearch: setTyped,
            }}
            notFoundContent={list.error ?? (list.loading ? '正在读取…' : `没有匹配的${label}，可点右侧“新增”`)}
            style={{ flex: 1, minWidth: 0 }}
          />
          {!readOnly && (
            <Button icon={<PlusOutlined />} onClick={() => setAdding(true)} aria-label={`新增${label}`} data-testid={`add-${kind}`}>
              新增
            </Button>
          )}
        </Space.Compact>
      </div>
      <PartnerCreateModal
        kind={kind}
        open={adding}
        initialName={typed}
        onClose={closeDialog}
        onCreated={(p) => {
          closeDialog();
          setCreated(p);
          setTick((t) => t + 1);
          onChange?.(p.id);
        }}
      />
    </>
  );
}
