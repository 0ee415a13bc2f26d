import { chinaTodayNow } from '../../../../shared/domain/civil-date';
import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, Button, Col, Form, InputNumber, Radio, Row, Space } from 'antd';
import { useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { CONFORMITY, CONFORMITY_LABELS } from '../../../../shared/domain/drying-stages';
import {
  MIN_AREA_MU,
  SITE_KIND_HELP,
  SITE_KIND_LABELS,
  SITE_KINDS,
  siteInput,
  type Site,
  type SiteInput,
  type SiteValues,
} from '../../../../shared/schemas/drying';
import type { TownshipCode } from '../../../../shared/domain/townships';
import { api } from '../../api/client';
import { DateInput } from '../../components/DateInput';
import { Field } from '../../components/form/Field';
import { enterToNext } from '../../components/form/enter-to-next';
import { applyServerErrors } from '../../components/form/server-errors';
import { MoneyInput } from '../../components/MoneyInput';
import { TownshipSelect } from '../../components/TownshipSelect';
import { OperatorSelect } from './OperatorSelect';
import { LimitedInput, LimitedTextArea } from '../../components/LimitedInput';

const FIELDS = [
  'name',
  'kind',
  'townshipCode',
  'village',
  'location',
  'operatorId',
  'plannedOn',
  'plannedCompletion',
  'conformity',
  'conformityDocNo',
  'investmentFen',
  'subsidyFen',
  'areaServedMu',
  'notes',
] as const;

function valuesOf(s: Site): SiteInput {
  return {
    name: s.name,
    kind: s.kind,
    townshipCode: s.townshipCode as TownshipCode,
    village: s.village,
    location: s.location ?? '',
    operatorId: s.operator?.id ?? null,
    plannedOn: s.stageDates.planned ?? '',
    plannedCompletion: s.plannedCompletion,
    conformity: s.conformity,
    conformityDocNo: s.conformityDocNo ?? '',
    investmentFen: s.investmentFen,
    subsidyFen: s.subsidyFen,
    areaServedMu: s.areaServedMu,
    notes: s.notes ?? '',
  };
}

interface Props {
  site?: Site;
  defaultTownship?: string | null;
  onSaved: (site: Site) => void;
  onCancel: () => void;
}

/** 新增 / 编辑烘干设施: the same zod schema as the service; its errors land under the fields. */
export function SiteForm({ site, defaultTownship, onSaved, onCancel }: Props) {
  const [banner, setBanner] = useState<string | null>(null);
  const { control, handleSubmit, setError, formState } = useForm<SiteInput, unknown, SiteValues>({
    resolver: zodResolver(siteInput),
    defaultValues: site
      ? valuesOf(site)
      : {
          name: '',
          kind: 'centre',
          townshipCode: (defaultTownship ?? undefined) as TownshipCode,
          village: '',
          plannedOn: chinaTodayNow(),
          conformity: 'pending',
        },
  });
  const [kind, conformity, area] = useWatch({ control, name: ['kind', 'conformity', 'areaServedMu'] });
  const belowArea = kind && typeof area === 'number' && area < MIN_AREA_MU[kind];

  const submit = handleSubmit(async (values) => {
    setBanner(null);
    try {
      const saved = site
        ? await api.drying.sites.update({ ...values, id: site.id, expectedUpdatedAt: site.updatedAt })
        : await api.drying.sites.create(values);
      onSaved(saved);
    } catch (error) {
      setBanner(applyServerErrors(error, setError, FIELDS));
    }
  });

  return (
    <Form layout="vertical" component="div" onKeyDown={enterToNext(() => void submit())} data-testid="site-form">
      {banner && <Alert type="error" showIcon title={banner} style={{ marginBottom: 16 }} data-testid="form-banner" />}
      <Field
        control={control}
        name="kind"
        label="设施类型"
        required
        extra={kind ? SITE_KIND_HELP[kind] : undefined}
        render={({ value, onChange, id }) => (
          <Radio.Group id={id} value={value} onChange={(e) => onChange(e.target.value)}>
            {SITE_KINDS.map((k) => (
              <Radio key={k} value={k}>
                {SITE_KIND_LABELS[k]}
              </Radio>
            ))}
          </Radio.Group>
        )}
      />
      <Field
        control={control}
        name="name"
        label="设施名称"
        required
        render={(f) => <LimitedInput {...f} autoFocus={!site} autoComplete="off" maxLength={60} placeholder="如 柳林镇粮食烘干中心" />}
      />
      <Row gutter={16}>
        <Col span={8}>
          <Field control={control} name="townshipCode" label="乡镇（街道）" required render={(f) => <TownshipSelect {...f} />} />
        </Col>
        <Col span={8}>
          <Field
            control={control}
            name="village"
            label="村（社区）"
            required
            render={(f) => <LimitedInput {...f} autoComplete="off" maxLength={40} />}
          />
        </Col>
        <Col span={8}>
          <Field
            control={control}
            name="location"
            label="位置说明"
            render={(f) => <LimitedInput {...f} value={f.value ?? ''} autoComplete="off" maxLength={120} placeholder="如 村北国道旁" />}
          />
        </Col>
      </Row>
      <Field
        control={control}
        name="operatorId"
        label="经营主体（须有统一社会信用代码）"
        extra="合作社、家庭农场或企业；未登记的请先在“登记台”登记"
        render={(f) => <OperatorSelect {...f} current={site?.operator} />}
      />
      <Row gutter={16}>
        <Col span={8}>
          <Field control={control} name="plannedOn" label="规划日期" required render={(f) => <DateInput {...f} noFuture />} />
        </Col>
        <Col span={8}>
          <Field control={control} name="plannedCompletion" label="计划建成投产日期" render={(f) => <DateInput {...f} />} />
        </Col>
      </Row>
      <Row gutter={16}>
        <Col span={10}>
          <Field
            control={control}
            name="conformity"
            label="是否符合国土空间规划"
            required
            extra="认定为“符合”并有文件文号后，才能转为“在建”"
            render={({ value, onChange, id }) => (
              <Radio.Group id={id} value={value} onChange={(e) => onChange(e.target.value)}>
                {CONFORMITY.map((c) => (
                  <Radio key={c} value={c}>
                    {CONFORMITY_LABELS[c]}
                  </Radio>
                ))}
              </Radio.Group>
            )}
          />
        </Col>
        <Col span={14}>
          <Field
            control={control}
            name="conformityDocNo"
            label="规划文件文号"
            required={conformity === 'yes'}
            render={(f) => (
              <LimitedInput {...f} value={f.value ?? ''} autoComplete="off" maxLength={60} placeholder="如 冠自然资规〔2025〕12号" />
            )}
          />
        </Col>
      </Row>
      <Row gutter={16}>
        <Col span={8}>
          <Field control={control} name="investmentFen" label="总投资" render={(f) => <MoneyInput {...f} />} />
        </Col>
        <Col span={8}>
          <Field control={control} name="subsidyFen" label="补贴资金" render={(f) => <MoneyInput {...f} />} />
        </Col>
        <Col span={8}>
          <Field
            control={control}
            name="areaServedMu"
            label="服务面积（亩）"
            extra={belowArea ? `低于${SITE_KIND_LABELS[kind]}标准（≥${MIN_AREA_MU[kind].toLocaleString('zh-CN')}亩）` : undefined}
            render={(f) => <InputNumber {...f} value={f.value ?? null} onChange={(v) => f.onChange(v)} min={0} style={{ width: '100%' }} />}
          />
        </Col>
      </Row>
      <Field
        control={control}
        name="notes"
        label="备注"
        render={(f) => <LimitedTextArea {...f} value={f.value ?? ''} rows={2} maxLength={500} />}
      />
      <Space>
        <Button type="primary" loading={formState.isSubmitting} onClick={() => void submit()} data-testid="site-submit">
          {site ? '保存修改' : '保存'}
        </Button>
        <Button onClick={onCancel}>取消</Button>
        <span className="kbd-hint">回车到下一项，最后一项回车或 Ctrl+回车 保存</span>
      </Space>
    </Form>
  );
}
