import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, App, Button, Card, Col, Form, InputNumber, Radio, Row, Skeleton, Space, Typography } from 'antd';
import { useState } from 'react';
import { useForm, type FieldErrors } from 'react-hook-form';
import type { z } from 'zod';
import { COUNTING_STAGE_LABELS, COUNTING_STAGES } from '../../../../shared/domain/counting';
import { targetsSetInput, type TargetsView } from '../../../../shared/schemas/targets';
import { api } from '../../api/client';
import { Field } from '../../components/form/Field';
import { enterToNext } from '../../components/form/enter-to-next';
import { applyServerErrors } from '../../components/form/server-errors';
import { useApiQuery } from '../../hooks/useApiQuery';
import { SharesTable } from './SharesTable';

type Values = z.input<typeof targetsSetInput>;
type Parsed = z.output<typeof targetsSetInput>;

const FIELDS = [
  'scrapCount',
  'purchaseCount',
  'mechanizationRate',
  'beidouCount',
  'dryingCapacityTpd',
  'coalDryersZeroByYear',
  'shares',
  'countingStage',
];

function valuesOf(t: TargetsView): Values {
  return {
    year: t.year,
    ...t.county,
    shares: t.shares.map((s) => ({
      townshipCode: s.townshipCode as NonNullable<Values['shares']>[number]['townshipCode'],
      scrapCount: s.scrapCount,
      purchaseCount: s.purchaseCount,
      beidouCount: s.beidouCount,
    })),
    countingStage: t.countingRule.stage,
    mechanizationWeights: t.mechanizationWeights,
  };
}

const numberInput = (props: { precision?: number; step?: number; suffix?: string; max?: number }) =>
  function NumberField(field: {
    value?: number | null;
    onChange: (v: number | null) => void;
    onBlur: () => void;
    id: string;
    status?: 'error';
  }) {
    return (
      <InputNumber
        id={field.id}
        value={field.value ?? null}
        onChange={field.onChange}
        onBlur={field.onBlur}
        status={field.status}
        min={0}
        max={props.max}
        precision={props.precision ?? 0}
        step={props.step}
        suffix={props.suffix}
        style={{ width: '100%' }}
      />
    );
  };

const Count = numberInput({ suffix: '台' });
const Rate = numberInput({ precision: 1, step: 0.5, suffix: '%', max: 100 });
const Weight = numberInput({ precision: 2, step: 0.05, max: 1 });
const Capacity = numberInput({ precision: 1, suffix: '吨/日' });
const YearInput = numberInput({ max: 2100 });

function sharesError(errors: FieldErrors<Values>): string | undefined {
  const e = errors.shares as { message?: string; root?: { message?: string } } | undefined;
  return e?.message ?? e?.root?.message;
}

function Editor({ targets, onSaved }: { targets: TargetsView; onSaved: () => void }) {
  const { message } = App.useApp();
  const [banner, setBanner] = useState<string | null>(null);
  const { control, handleSubmit, setError, setValue, formState } = useForm<Values, unknown, Parsed>({
    resolver: zodResolver(targetsSetInput),
    defaultValues: valuesOf(targets),
  });
  const submit = handleSubmit(async (values) => {
    setBanner(null);
    try {
      await api.targets.set(values);
      void message.success(`已保存 ${targets.year} 年目标`);
      onSaved();
    } catch (error) {
      setBanner(applyServerErrors(error, setError, FIELDS));
    }
  });
  const weightsError = formState.errors.mechanizationWeights?.tillage?.message ?? formState.errors.mechanizationWeights?.message;

  return (
    <Form layout="vertical" component="div" onKeyDown={enterToNext(() => void submit())} data-testid="targets-form">
      {banner && <Alert type="error" showIcon title={banner} style={{ marginBottom: 16 }} />}
      {targets.isDefault && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          title="本年度尚未保存目标，以下为县政府方案（冠政发〔2024〕4号）的默认值，保存后生效。"
        />
      )}
      <Card size="small" title={`${targets.year} 年全县目标`}>
        <Row gutter={16}>
          <Col xs={12} lg={6}>
            <Field control={control} name="scrapCount" label="报废农机（台，≥）" required render={(f) => <Count {...f} />} />
          </Col>
          <Col xs={12} lg={6}>
            <Field control={control} name="purchaseCount" label="新购农机（台，≥）" required render={(f) => <Count {...f} />} />
          </Col>
          <Col xs={12} lg={6}>
            <Field control={control} name="mechanizationRate" label="耕种收综合机械化率（≥）" required render={(f) => <Rate {...f} />} />
          </Col>
          <Col xs={12} lg={6}>
            <Field control={control} name="beidouCount" label="北斗/监测终端（台，可空）" render={(f) => <Count {...f} />} />
          </Col>
          <Col xs={12} lg={6}>
            <Field control={control} name="dryingCapacityTpd" label="烘干能力（吨/日，可空）" render={(f) => <Capacity {...f} />} />
          </Col>
          <Col xs={12} lg={6}>
            <Field control={control} name="coalDryersZeroByYear" label="燃煤烘干机清零年份（可空）" render={(f) => <YearInput {...f} />} />
          </Col>
        </Row>
      </Card>
      <Card size="small" title="计入口径与机械化率权重" style={{ marginTop: 16 }}>
        <Field
          control={control}
          name="countingStage"
          label="达到哪一阶段计入完成数（报废按交售日期、新购按购机日期计入年度，作废、退回的不计）"
          render={({ value, onChange, id }) => (
            <Radio.Group id={id} value={value} onChange={(e) => onChange(e.target.value)}>
              {COUNTING_STAGES.map((s) => (
                <Radio key={s} value={s}>
                  {COUNTING_STAGE_LABELS[s]}
                </Radio>
              ))}
            </Radio.Group>
          )}
        />
        <Row gutter={16}>
          {(['tillage', 'sowing', 'harvest'] as const).map((k) => (
            <Col xs={8} lg={4} key={k}>
              <Field
                control={control}
                name={`mechanizationWeights.${k}`}
                label={{ tillage: '机耕率权重', sowing: '机播率权重', harvest: '机收率权重' }[k]}
                render={(f) => <Weight {...f} />}
              />
            </Col>
          ))}
          <Col xs={24} lg={12}>
            <Typography.Paragraph type="secondary" style={{ marginTop: 30 }}>
              综合机械化率 = 机耕率 × 权重 + 机播率 × 权重 + 机收率 × 权重，三者之和为 1（NY/T 1408.1 惯例 0.4 / 0.3 / 0.3）。
            </Typography.Paragraph>
          </Col>
        </Row>
        {weightsError && <Typography.Text type="danger">{weightsError}</Typography.Text>}
      </Card>
      <Card size="small" title="分解到乡镇（街道）" style={{ marginTop: 16 }}>
        <SharesTable control={control} setValue={setValue} year={targets.year} error={sharesError(formState.errors)} />
      </Card>
      <Space style={{ marginTop: 16 }}>
        <Button type="primary" loading={formState.isSubmitting} onClick={() => void submit()} data-testid="targets-submit">
          保存目标
        </Button>
        <span className="kbd-hint">回车到下一项，Ctrl+回车 保存</span>
      </Space>
    </Form>
  );
}

/** 目标设置 (county): the year's targets, the counting rule, the rate weights and the township shares. */
export function TargetsForm({ year, onSaved }: { year: number; onSaved: () => void }) {
  const [version, setVersion] = useState(0);
  const targets = useApiQuery(`targets:${year}:${version}`, () => api.targets.get({ year }));
  if (targets.error) return <Alert type="error" showIcon title={targets.error} />;
  if (!targets.data || targets.data.year !== year || targets.loading) return <Skeleton active paragraph={{ rows: 10 }} />;
  return (
    <Editor
      key={`${year}:${version}`}
      targets={targets.data}
      onSaved={() => {
        setVersion((v) => v + 1);
        onSaved();
      }}
    />
  );
}
