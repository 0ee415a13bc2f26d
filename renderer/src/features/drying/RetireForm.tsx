import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, Button, Col, Form, Radio, Row, Space } from 'antd';
import { useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { HEAT_SOURCE_LABELS, HEAT_SOURCES, RETIREMENT_PLAN_LABELS, RETIREMENT_PLANS } from '../../../../shared/domain/drying-dryers';
import { dryerRetireInput, type Dryer, type DryerRetireInput, type DryerRetireValues } from '../../../../shared/schemas/drying';
import { api } from '../../api/client';
import { DateInput } from '../../components/DateInput';
import { Field } from '../../components/form/Field';
import { enterToNext } from '../../components/form/enter-to-next';
import { applyServerErrors } from '../../components/form/server-errors';
import { MoneyInput } from '../../components/MoneyInput';
import { DryerScrapSelect } from './DryerScrapSelect';
import { HeatSourceSelect } from './HeatSourceSelect';
import { LimitedInput } from '../../components/LimitedInput';

const FIELDS = ['plan', 'plannedDate', 'actualDate', 'newHeatSource', 'subsidyFen', 'scrapId', 'note'] as const;

interface Props {
  dryer: Dryer;
  onSaved: (dryer: Dryer) => void;
  onCancel: () => void;
}

/** 淘汰/改造: plan it, then come back and enter the completion date; the dryer becomes 已淘汰 / 已改造. */
export function RetireForm({ dryer, onSaved, onCancel }: Props) {
  const [banner, setBanner] = useState<string | null>(null);
  const r = dryer.retirement;
  const options = HEAT_SOURCES.filter((h) => h !== dryer.heatSource && h !== 'coal').map((h) => ({
    value: h,
    label: HEAT_SOURCE_LABELS[h],
  }));
  // heat pumps are what the six ministries' opinion puts first
  const preferred = options.find((o) => o.value === 'electric')?.value ?? options[0]?.value ?? null;
  const { control, handleSubmit, setError, setValue, formState } = useForm<DryerRetireInput, unknown, DryerRetireValues>({
    resolver: zodResolver(dryerRetireInput),
    defaultValues: r
      ? {
          dryerId: dryer.id,
          plan: r.plan,
          plannedDate: r.plannedDate,
          actualDate: r.actualDate,
          newHeatSource: r.newHeatSource,
          subsidyFen: r.subsidyFen,
          scrapId: r.scrapId,
          note: r.note ?? '',
        }
      : { dryerId: dryer.id, plan: 'convert', plannedDate: '', newHeatSource: preferred },
  });
  const plan = useWatch({ control, name: 'plan' });

  const submit = handleSubmit(async (values) => {
    setBanner(null);
    try {
      onSaved(await api.drying.dryers.retire({ ...values, expectedUpdatedAt: dryer.updatedAt }));
    } catch (error) {
      setBanner(applyServerErrors(error, setError, FIELDS));
    }
  });

  return (
    <Form layout="vertical" component="div" onKeyDown={enterToNext(() => void submit())} data-testid="retire-form">
      {banner && <Alert type="error" showIcon title={banner} style={{ marginBottom: 16 }} data-testid="form-banner" />}
      <Field
        control={control}
        name="plan"
        label="方式"
        required
        render={({ value, onChange, id }) => (
          <Radio.Group
            id={id}
            value={value}
            onChange={(e) => {
              onChange(e.target.value);
              // the other way's fields do not apply: 淘汰 has no new heat source, 改造 no scrap record
              setValue('newHeatSource', e.target.value === 'convert' ? preferred : null);
              if (e.target.value === 'convert') setValue('scrapId', null);
            }}
          >
            {RETIREMENT_PLANS.map((p) => (
              <Radio key={p} value={p}>
                {RETIREMENT_PLAN_LABELS[p]}
              </Radio>
            ))}
          </Radio.Group>
        )}
      />
      <Row gutter={16}>
        <Col span={12}>
          <Field control={control} name="plannedDate" label="计划完成日期" required render={(f) => <DateInput {...f} />} />
        </Col>
        <Col span={12}>
          <Field
            control={control}
            name="actualDate"
            label="实际完成日期"
            extra="完成后填写；填写后烘干机记为已淘汰/已改造"
            render={(f) => <DateInput {...f} noFuture />}
          />
        </Col>
      </Row>
      <Row gutter={16}>
        {plan === 'convert' && (
          <Col span={12}>
            <Field
              control={control}
              name="newHeatSource"
              label="改造后热源"
              required
              render={(f) => (
                <HeatSourceSelect
                  {...f}
                  onChange={(v) => f.onChange(v ?? null)}
                  exclude={['coal', dryer.heatSource]}
                  placeholder="选择新热源"
                  data-testid="new-heat"
                />
              )}
            />
          </Col>
        )}
        <Col span={12}>
          <Field control={control} name="subsidyFen" label="补贴金额" render={(f) => <MoneyInput {...f} />} />
        </Col>
      </Row>
      {plan === 'scrap' && (
        <Field
          control={control}
          name="scrapId"
          label="关联报废登记（按报废更新补贴报废的）"
          render={(f) => <DryerScrapSelect {...f} current={r?.scrapId && r.scrapLabel ? { id: r.scrapId, label: r.scrapLabel } : null} />}
        />
      )}
      <Field
        control={control}
        name="note"
        label="说明"
        render={(f) => <LimitedInput {...f} value={f.value ?? ''} autoComplete="off" maxLength={200} />}
      />
      <Space>
        <Button type="primary" loading={formState.isSubmitting} onClick={() => void submit()} data-testid="retire-submit">
          保存
        </Button>
        <Button onClick={onCancel}>取消</Button>
      </Space>
    </Form>
  );
}
