import { App, Button, InputNumber, Space, Table, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { Controller, useWatch, type Control, type UseFormSetValue } from 'react-hook-form';
import type { z } from 'zod';
import type { targetsSetInput } from '../../../../shared/schemas/targets';
import { townshipName } from '../../../../shared/domain/townships';
import { api, ApiError } from '../../api/client';

type Values = z.input<typeof targetsSetInput>;
type Share = NonNullable<Values['shares']>[number];
type Measure = 'scrapCount' | 'purchaseCount' | 'beidouCount';

interface Props {
  control: Control<Values>;
  setValue: UseFormSetValue<Values>;
  year: number;
  error?: string;
}

const MEASURES: { key: Measure; label: string; total: 'scrapCount' | 'purchaseCount' | 'beidouCount' }[] = [
  { key: 'scrapCount', label: '报废（台）', total: 'scrapCount' },
  { key: 'purchaseCount', label: '新购（台）', total: 'purchaseCount' },
  { key: 'beidouCount', label: '北斗/监测终端（台，可空）', total: 'beidouCount' },
];

/** The county targets split among the 18 townships: typed, or proposed by targets.apportion and then adjusted. */
export function SharesTable({ control, setValue, year, error }: Props) {
  const { message } = App.useApp();
  const [notes, setNotes] = useState<string[]>([]);
  const [basis, setBasis] = useState<Map<string, { scraps: number; purchases: number }> | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const shares = (useWatch({ control, name: 'shares' }) ?? []) as Share[];
  const totals = useWatch({ control, name: ['scrapCount', 'purchaseCount', 'beidouCount'] });

  const propose = async (basis: 'lastYear' | 'even') => {
    setBusy(basis);
    try {
      const [scrapCount, purchaseCount, beidouCount] = totals;
      const r = await api.targets.apportion({
        year,
        basis,
        scrapCount: typeof scrapCount === 'number' ? scrapCount : undefined,
        purchaseCount: typeof purchaseCount === 'number' ? purchaseCount : undefined,
        beidouCount: typeof beidouCount === 'number' ? beidouCount : null,
      });
      setValue(
        'shares',
        r.shares.map((s) => ({
          townshipCode: s.townshipCode as Share['townshipCode'],
          scrapCount: s.scrapCount,
          purchaseCount: s.purchaseCount,
          beidouCount: s.beidouCount,
        })),
        { shouldDirty: true, shouldValidate: true },
      );
      setNotes(r.notes);
      setBasis(r.lastYear ? new Map(r.lastYear.map((b) => [b.townshipCode, b])) : null);
    } catch (e) {
      void message.error(e instanceof ApiError ? e.message : '分解失败，请重试');
    } finally {
      setBusy(null);
    }
  };

  const sum = (key: Measure) => shares.reduce((a, s) => a + (typeof s?.[key] === 'number' ? (s[key] as number) : 0), 0);
  const columns = [
    { title: '乡镇（街道）', key: 'name', width: 120, render: (_: unknown, r: Share) => townshipName(r.townshipCode) },
    ...(basis
      ? [
          {
            title: `${year - 1}年实绩（报废/新购）`,
            key: 'basis',
            width: 150,
            render: (_: unknown, r: Share) => {
              const b = basis.get(r.townshipCode);
              return <Typography.Text type="secondary">{b ? `${b.scraps} / ${b.purchases}` : '—'}</Typography.Text>;
            },
          },
        ]
      : []),
    ...MEASURES.map((m) => ({
      title: m.label,
      key: m.key,
      render: (_: unknown, r: Share, i: number) => (
        <Controller
          control={control}
          name={`shares.${i}.${m.key}` as const}
          render={({ field, fieldState }) => (
            <Tooltip title={fieldState.error?.message} open={fieldState.error ? undefined : false}>
              <InputNumber
                {...field}
                value={field.value ?? null}
                min={0}
                precision={0}
                status={fieldState.error ? 'error' : undefined}
                aria-label={`${townshipName(r.townshipCode)}${m.label}`}
                data-testid={`share-${r.townshipCode}-${m.key}`}
                style={{ width: 130 }}
              />
            </Tooltip>
          )}
        />
      ),
    })),
  ];

  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Space wrap>
        <Button onClick={() => void propose('lastYear')} loading={busy === 'lastYear'} data-testid="apportion-last-year">
          按上年实绩比例分解
        </Button>
        <Button onClick={() => void propose('even')} loading={busy === 'even'} data-testid="apportion-even">
          平均分解
        </Button>
        <Typography.Text type="secondary">分解后可逐项修改；各乡镇之和不得少于全县目标。</Typography.Text>
      </Space>
      {notes.length > 0 && <Typography.Text type="secondary">{notes.join('；')}</Typography.Text>}
      <Table<Share>
        size="small"
        rowKey="townshipCode"
        pagination={false}
        dataSource={shares}
        columns={columns}
        data-testid="shares-table"
        summary={() => (
          <Table.Summary.Row>
            <Table.Summary.Cell index={0}>合计</Table.Summary.Cell>
            {basis && <Table.Summary.Cell index={1} />}
            {MEASURES.map((m, i) => {
              const target = totals[i];
              const short = typeof target === 'number' && sum(m.key) < target;
              return (
                <Table.Summary.Cell key={m.key} index={i + (basis ? 2 : 1)}>
                  <Typography.Text type={short ? 'danger' : undefined} data-testid={`shares-sum-${m.key}`}>
                    {sum(m.key)}
                    {typeof target === 'number' ? ` / 全县 ${target}` : ''}
                  </Typography.Text>
                </Table.Summary.Cell>
              );
            })}
          </Table.Summary.Row>
        )}
      />
      {error && <Typography.Text type="danger">{error}</Typography.Text>}
    </Space>
  );
}
