import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, App, AutoComplete, Button, InputNumber, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Controller, useFieldArray, useForm, useWatch, type Control } from 'react-hook-form';
import type { z } from 'zod';
import { CROPS, mechanizationRates, sumAreas, type MechanizationAreas } from '../../../../shared/domain/mechanization';
import { townshipName } from '../../../../shared/domain/townships';
import { mechanizationSaveInput, type MechanizationTownship } from '../../../../shared/schemas/mechanization';
import { api } from '../../api/client';
import { enterToNext } from '../../components/form/enter-to-next';
import { applyServerErrors } from '../../components/form/server-errors';

type Values = z.input<typeof mechanizationSaveInput>;
type Parsed = z.output<typeof mechanizationSaveInput>;
type AreaKey = keyof MechanizationAreas;

const AREAS: { key: AreaKey; label: string }[] = [
  { key: 'tillageBaseMu', label: '应耕面积' },
  { key: 'tilledMu', label: '机耕面积' },
  { key: 'sownMu', label: '农作物播种面积' },
  { key: 'machineSownMu', label: '机播面积' },
  { key: 'machineHarvestedMu', label: '机收面积' },
];

const blankRow = (crop = '') => ({ crop, tillageBaseMu: 0, tilledMu: 0, sownMu: 0, machineSownMu: 0, machineHarvestedMu: 0 });

function AreaCell({ control, index, area }: { control: Control<Values>; index: number; area: (typeof AREAS)[number] }) {
  return (
    <Controller
      control={control}
      name={`rows.${index}.${area.key}`}
      render={({ field, fieldState }) => (
        <div>
          <InputNumber
            {...field}
            value={field.value ?? null}
            min={0}
            step={100}
            status={fieldState.error ? 'error' : undefined}
            aria-label={`第${index + 1}行${area.label}`}
            data-testid={`mech-${index}-${area.key}`}
            style={{ width: 120 }}
          />
          {fieldState.error && <div style={{ color: '#cf1322', fontSize: 12, maxWidth: 140 }}>{fieldState.error.message}</div>}
        </div>
      )}
    />
  );
}

const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : 0);

interface Props {
  year: number;
  township: MechanizationTownship;
  weights: { tillage: number; sowing: number; harvest: number };
  targetPct: number;
  onSaved: () => void;
}

/** A township's areas for a year, crop by crop, in mu; rates are previewed as typed and checked by the same schema the service uses. */
export function MechanizationForm({ year, township, weights, targetPct, onSaved }: Props) {
  const { message } = App.useApp();
  const [banner, setBanner] = useState<string | null>(null);
  const { control, handleSubmit, setError, formState } = useForm<Values, unknown, Parsed>({
    resolver: zodResolver(mechanizationSaveInput),
    defaultValues: {
      year,
      townshipCode: township.townshipCode as Values['townshipCode'],
      rows: township.crops.length
        ? township.crops.map(({ crop, tillageBaseMu, tilledMu, sownMu, machineSownMu, machineHarvestedMu }) => ({
            crop,
            tillageBaseMu,
            tilledMu,
            sownMu,
            machineSownMu,
            machineHarvestedMu,
          }))
        : [blankRow('小麦'), blankRow('玉米')],
    },
  });
  const { fields, append, remove } = useFieldArray({ control, name: 'rows' });
  const rows = useWatch({ control, name: 'rows' }) ?? [];
  const areas = rows.map((r) => ({
    tillageBaseMu: num(r?.tillageBaseMu),
    tilledMu: num(r?.tilledMu),
    sownMu: num(r?.sownMu),
    machineSownMu: num(r?.machineSownMu),
    machineHarvestedMu: num(r?.machineHarvestedMu),
  }));
  const total = mechanizationRates(sumAreas(areas), weights);

  const submit = handleSubmit(async (values) => {
    setBanner(null);
    try {
      const saved = await api.mechanization.save(values);
      void message.success(`已保存${townshipName(saved.townshipCode)} ${year} 年面积：综合机械化率 ${saved.rates.comprehensive ?? '—'}%`);
      onSaved();
    } catch (error) {
      setBanner(
        applyServerErrors(
          error,
          setError,
          rows.flatMap((_, i) => ['crop', ...AREAS.map((a) => a.key)].map((k) => `rows.${i}.${k}`)),
        ),
      );
    }
  });

  const columns = [
    {
      title: '作物',
      key: 'crop',
      render: (_: unknown, __: unknown, i: number) => (
        <Controller
          control={control}
          name={`rows.${i}.crop`}
          render={({ field, fieldState }) => (
            <div>
              <AutoComplete
                {...field}
                options={CROPS.map((value) => ({ value }))}
                status={fieldState.error ? 'error' : undefined}
                style={{ width: 110 }}
                aria-label={`第${i + 1}行作物`}
                data-testid={`mech-${i}-crop`}
              />
              {fieldState.error && <div style={{ color: '#cf1322', fontSize: 12 }}>{fieldState.error.message}</div>}
            </div>
          )}
        />
      ),
    },
    ...AREAS.map((a) => ({
      title: `${a.label}（亩）`,
      key: a.key,
      render: (_: unknown, __: unknown, i: number) => <AreaCell control={control} index={i} area={a} />,
    })),
    {
      title: '综合',
      key: 'rate',
      render: (_: unknown, __: unknown, i: number) => {
        const r = mechanizationRates(areas[i] ?? blankRow(), weights).comprehensive;
        return r === null ? '—' : `${r.toFixed(1)}%`;
      },
    },
    {
      title: '',
      key: 'remove',
      render: (_: unknown, __: unknown, i: number) => (
        <Button type="text" icon={<DeleteOutlined />} aria-label={`删除第${i + 1}行`} onClick={() => remove(i)} data-enter-skip />
      ),
    },
  ];

  return (
    <div onKeyDown={enterToNext(() => void submit())} data-testid="mechanization-form">
      {banner && <Alert type="error" showIcon title={banner} style={{ marginBottom: 12 }} />}
      <Table
        size="small"
        rowKey={(_, i) => fields[i ?? 0]?.id ?? String(i)}
        pagination={false}
        dataSource={fields}
        columns={columns}
        scroll={{ x: 'max-content' }}
      />
      <Space style={{ marginTop: 12 }} wrap>
        <Button icon={<PlusOutlined />} onClick={() => append(blankRow())} data-testid="mech-add-row">
          添加作物
        </Button>
        <Typography.Text>
          合计：机耕率 {total.tillage ?? '—'}%，机播率 {total.sowing ?? '—'}%，机收率 {total.harvest ?? '—'}%，综合{' '}
          <Tag color={total.comprehensive !== null && total.comprehensive >= targetPct ? 'green' : 'red'} data-testid="mech-preview">
            {total.comprehensive === null ? '—' : `${total.comprehensive.toFixed(1)}%`}
          </Tag>
        </Typography.Text>
      </Space>
      <div style={{ marginTop: 16 }}>
        <Space>
          <Button type="primary" loading={formState.isSubmitting} onClick={() => void submit()} data-testid="mech-submit">
            保存
          </Button>
          <span className="kbd-hint">机耕面积不能大于应耕面积，机播、机收面积不能大于播种面积；删除的作物保存后作废</span>
        </Space>
      </div>
    </div>
  );
}
