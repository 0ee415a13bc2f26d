import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, AutoComplete, Button, Col, Form, Radio, Row, Space } from 'antd';
import { useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import type { z } from 'zod';
import { FARMER_KIND_LABELS, FARMER_KINDS, farmerInput, idRuleFor, type Farmer } from '../../../../shared/schemas/farmers';
import { api } from '../../api/client';
import { Field } from '../../components/form/Field';
import { enterToNext } from '../../components/form/enter-to-next';
import { applyServerErrors } from '../../components/form/server-errors';
import { TownshipSelect } from '../../components/TownshipSelect';
import { useSelectOpen } from '../../components/select-open';
import { OldIdConfirm } from './OldIdConfirm';
import { LimitedInput } from '../../components/LimitedInput';

type Values = z.input<typeof farmerInput>;
type Parsed = z.output<typeof farmerInput>;
const FIELDS = ['kind', 'name', 'idNumber', 'contactName', 'phone', 'bankCard', 'bankName', 'townshipCode', 'village', 'address'] as const;

const BANKS = ['中国农业银行', '中国邮政储蓄银行', '山东冠县农村商业银行', '中国工商银行', '中国建设银行', '中国银行', '交通银行'].map(
  (value) => ({ value }),
);

const ID_LABEL = { resident: '身份证号', uscc: '统一社会信用代码', either: '统一社会信用代码或负责人身份证号' } as const;

/** Bank name with suggestions; its list closes when Enter moves on. */
function BankNameInput({ onBlur, ...field }: { value?: string; onChange: (v: string) => void; onBlur: () => void; id: string }) {
  const openState = useSelectOpen(onBlur);
  return <AutoComplete {...field} value={field.value ?? ''} options={BANKS} {...openState} />;
}

export interface FarmerFormProps {
  /** Editing an existing record; absent to register a new one. */
  farmer?: Farmer;
  defaults?: Partial<Values>;
  onSaved: (farmer: Farmer) => void;
  onCancel?: () => void;
}

function valuesOf(f: Farmer): Values {
  return {
    kind: f.kind,
    name: f.name,
    idNumber: f.idNumber,
    contactName: f.contactName ?? '',
    phone: f.phone,
    bankCard: f.bankCard ?? '',
    bankName: f.bankName ?? '',
    townshipCode: f.townshipCode as Values['townshipCode'],
    village: f.village,
    address: f.address ?? '',
  };
}

/** Register or edit a buyer; the same zod schema as the service, server errors land under their fields. */
export function FarmerForm({ farmer, defaults, onSaved, onCancel }: FarmerFormProps) {
  const [banner, setBanner] = useState<string | null>(null);
  const { control, handleSubmit, setError, setValue, formState } = useForm<Values, unknown, Parsed>({
    resolver: zodResolver(farmerInput),
    defaultValues: farmer ? valuesOf(farmer) : { kind: 'individual', name: '', idNumber: '', phone: '', village: '', ...defaults },
  });
  const kind = useWatch({ control, name: 'kind' });
  const isPerson = kind === 'individual';

  const submit = handleSubmit(async (values) => {
    setBanner(null);
    try {
      const saved = farmer
        ? await api.farmers.update({ ...values, id: farmer.id, expectedUpdatedAt: farmer.updatedAt })
        : await api.farmers.create(values);
      onSaved(saved);
    } catch (error) {
      setBanner(applyServerErrors(error, setError, FIELDS));
    }
  });

  return (
    <Form layout="vertical" component="div" onKeyDown={enterToNext(() => void submit())} data-testid="farmer-form">
      {banner && <Alert type="error" showIcon message={banner} style={{ marginBottom: 16 }} />}
      <Field
        control={control}
        name="kind"
        label="购机者类型"
        required
        render={({ value, onChange, id }) => (
          <Radio.Group id={id} value={value} onChange={(e) => onChange(e.target.value)}>
            {FARMER_KINDS.map((k) => (
              <Radio key={k} value={k}>
                {FARMER_KIND_LABELS[k]}
              </Radio>
            ))}
          </Radio.Group>
        )}
      />
      <Row gutter={16}>
        <Col span={12}>
          <Field
            control={control}
            name="name"
            label={isPerson ? '姓名' : '名称'}
            required
            render={(field) => <LimitedInput {...field} autoFocus={!farmer} autoComplete="off" maxLength={60} />}
          />
        </Col>
        <Col span={12}>
          <Field
            control={control}
            name="idNumber"
            label={ID_LABEL[idRuleFor(kind ?? 'individual')]}
            required
            extra={isPerson ? '可用身份证阅读器读入；末位 X 大小写均可' : undefined}
            render={(field) => (
              <div>
                <LimitedInput {...field} autoComplete="off" maxLength={30} className="masked" />
                {isPerson || kind === 'family_farm' ? (
                  <OldIdConfirm value={field.value} onUse={(id) => setValue('idNumber', id, { shouldValidate: true })} />
                ) : null}
              </div>
            )}
          />
        </Col>
      </Row>
      <Row gutter={16}>
        {!isPerson && (
          <Col span={12}>
            <Field
              control={control}
              name="contactName"
              label="负责人（法定代表人）"
              render={(field) => <LimitedInput {...field} value={field.value ?? ''} autoComplete="off" maxLength={20} />}
            />
          </Col>
        )}
        <Col span={12}>
          <Field
            control={control}
            name="phone"
            label="手机号"
            required
            render={(field) => <LimitedInput {...field} autoComplete="off" maxLength={13} inputMode="numeric" />}
          />
        </Col>
      </Row>
      <Row gutter={16}>
        <Col span={12}>
          <Field
            control={control}
            name="bankCard"
            label="补贴银行卡号（直补到卡）"
            render={(field) => <LimitedInput {...field} value={field.value ?? ''} autoComplete="off" maxLength={23} inputMode="numeric" />}
          />
        </Col>
        <Col span={12}>
          <Field control={control} name="bankName" label="开户银行" render={(field) => <BankNameInput {...field} />} />
        </Col>
      </Row>
      <Row gutter={16}>
        <Col span={12}>
          <Field control={control} name="townshipCode" label="乡镇（街道）" required render={(field) => <TownshipSelect {...field} />} />
        </Col>
        <Col span={12}>
          <Field
            control={control}
            name="village"
            label="村（社区）"
            required
            render={(field) => <LimitedInput {...field} autoComplete="off" maxLength={40} />}
          />
        </Col>
      </Row>
      <Field
        control={control}
        name="address"
        label="详细地址"
        render={(field) => <LimitedInput {...field} value={field.value ?? ''} autoComplete="off" maxLength={120} />}
      />
      <Space>
        <Button type="primary" loading={formState.isSubmitting} onClick={() => void submit()} data-testid="farmer-submit">
          {farmer ? '保存修改' : '登记'}
        </Button>
        {onCancel && <Button onClick={onCancel}>取消</Button>}
        <span className="kbd-hint">回车到下一项，最后一项回车或 Ctrl+回车 保存</span>
      </Space>
    </Form>
  );
}
