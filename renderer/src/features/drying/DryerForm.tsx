import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, Button, Col, Form, InputNumber, Radio, Row, Space } from 'antd';
import { useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import {
  DRYER_KIND_LABELS,
  DRYER_KINDS,
  DRYER_STATUS_LABELS,
  MANUAL_DRYER_STATUSES,
  dailyCapacity,
} from '../../../../shared/domain/drying-dryers';
import { dryerInput, type Dryer, type DryerInput, type DryerValues } from '../../../../shared/schemas/drying';
import { api } from '../../api/client';
import { Field } from '../../components/form/Field';
import { enterToNext } from '../../components/form/enter-to-next';
import { applyServerErrors } from '../../components/form/server-errors';
import { HeatSourceSelect } from './HeatSourceSelect';
import { formatT } from './labels';
import { LimitedInput, LimitedTextArea } from '../../components/LimitedInput';

const FIELDS = ['maker', 'model', 'kind', 'batchT', 'dailyT', 'heatSource', 'yearInstalled', 'status', 'notes'] as const;

interface Props {
  siteId: string;
  dryer?: Dryer;
  batchesPerDay: number;
  onSaved: (dryer: Dryer) => void;
  onCancel: () => void;
}

const num = (f: { value?: number | null; onChange: (v: number | null) => void }) => ({
  value: f.value ?? null,
  onChange: (v: number | null) => f.onChange(v),
});

/** 添加 / 编辑烘干机: t/批 for batch dryers, t/日 entered or derived with the batches-per-day factor. */
export function DryerForm({ siteId, dryer, batchesPerDay, onSaved, onCancel }: Props) {
  const [banner, setBanner] = useState<string | null>(null);
  const { control, handleSubmit, setError, formState } = useForm<DryerInput, unknown, DryerValues>({
    resolver: zodResolver(dryerInput),
    defaultValues: dryer
      ? {
          siteId,
          maker: dryer.maker,
          model: dryer.model,
          kind: dryer.kind,
          batchT: dryer.batchT,
          dailyT: dryer.dailyTEntered,
          heatSource: dryer.heatSource,
          yearInstalled: dryer.yearInstalled,
          status: dryer.status === 'stopped' ? 'stopped' : 'in_use',
          notes: dryer.notes ?? '',
        }
      : { siteId, maker: '', model: '', kind: 'batch', batchT: null, dailyT: null, status: 'in_use' },
  });
  const [kind, batchT, dailyT] = useWatch({ control, name: ['kind', 'batchT', 'dailyT'] });
  const derived = dailyCapacity({ kind: kind ?? 'batch', batchT: batchT ?? null, dailyT: null }, batchesPerDay);

  const submit = handleSubmit(async ({ siteId: _site, ...values }) => {
    setBanner(null);
    try {
      const saved = dryer
        ? await api.drying.dryers.update({ ...values, id: dryer.id, expectedUpdatedAt: dryer.updatedAt })
        : await api.drying.dryers.create({ ...values, siteId });
      onSaved(saved);
    } catch (error) {
      setBanner(applyServerErrors(error, setError, FIELDS));
    }
  });

  return (
    <Form layout="vertical" component="div" onKeyDown={enterToNext(() => void submit())} data-testid="dryer-form">
      {banner && <Alert type="error" showIcon title={banner} style={{ marginBottom: 16 }} data-testid="form-banner" />}
      <Row gutter={16}>
        <Col span={14}>
          <Field
            control={control}
            name="maker"
            label="生产厂家"
            required
            render={(f) => <LimitedInput {...f} autoFocus autoComplete="off" maxLength={60} />}
          />
        </Col>
        <Col span={10}>
          <Field
            control={control}
            name="model"
            label="型号"
            required
            render={(f) => <LimitedInput {...f} autoComplete="off" maxLength={60} placeholder="如 5HXG-15" />}
          />
        </Col>
      </Row>
      <Field
        control={control}
        name="kind"
        label="类型"
        required
        render={({ value, onChange, id }) => (
          <Radio.Group id={id} value={value} onChange={(e) => onChange(e.target.value)}>
            {DRYER_KINDS.map((k) => (
              <Radio key={k} value={k}>
                {DRYER_KIND_LABELS[k]}
              </Radio>
            ))}
          </Radio.Group>
        )}
      />
      <Row gutter={16}>
        <Col span={12}>
          <Field
            control={control}
            name="batchT"
            label="批处理量（吨/批）"
            required={kind === 'batch'}
            render={(f) => <InputNumber {...f} {...num(f)} min={0} step={1} style={{ width: '100%' }} />}
          />
        </Col>
        <Col span={12}>
          <Field
            control={control}
            name="dailyT"
            label="日处理量（吨/日）"
            required={kind === 'continuous'}
            extra={
              kind === 'batch'
                ? dailyT
                  ? '按填报数计'
                  : `不填则按每日 ${batchesPerDay} 批折算${derived !== null ? `：${formatT(derived)} 吨/日` : ''}`
                : undefined
            }
            render={(f) => <InputNumber {...f} {...num(f)} min={0} style={{ width: '100%' }} data-testid="dryer-daily" />}
          />
        </Col>
      </Row>
      <Row gutter={16}>
        <Col span={12}>
          <Field
            control={control}
            name="heatSource"
            label="热源"
            required
            render={(f) => <HeatSourceSelect {...f} disabled={Boolean(dryer?.retirement)} />}
          />
        </Col>
        <Col span={12}>
          <Field
            control={control}
            name="yearInstalled"
            label="安装年份"
            render={(f) => <InputNumber {...f} {...num(f)} min={1980} max={2100} style={{ width: '100%' }} placeholder="如 2018" />}
          />
        </Col>
      </Row>
      <Field
        control={control}
        name="status"
        label="使用状态"
        required
        extra="已淘汰、已改造在“淘汰/改造”中登记"
        render={({ value, onChange, id }) => (
          <Radio.Group id={id} value={value} onChange={(e) => onChange(e.target.value)}>
            {MANUAL_DRYER_STATUSES.map((s) => (
              <Radio key={s} value={s}>
                {DRYER_STATUS_LABELS[s]}
              </Radio>
            ))}
          </Radio.Group>
        )}
      />
      <Field
        control={control}
        name="notes"
        label="备注"
        render={(f) => <LimitedTextArea {...f} value={f.value ?? ''} rows={2} maxLength={300} />}
      />
      <Space>
        <Button type="primary" loading={formState.isSubmitting} onClick={() => void submit()} data-testid="dryer-submit">
          {dryer ? '保存修改' : '添加烘干机'}
        </Button>
        <Button onClick={onCancel}>取消</Button>
        <span className="kbd-hint">回车到下一项，最后一项回车或 Ctrl+回车 保存</span>
      </Space>
    </Form>
  );
}
