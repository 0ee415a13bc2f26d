import { Col, Radio, Row } from 'antd';
import type { Control } from 'react-hook-form';
import { ELIGIBILITY, ELIGIBILITY_LABELS } from '../../../../shared/schemas/scraps';
import { DateInput } from '../../components/DateInput';
import { Field } from '../../components/form/Field';
import { PartnerSelect } from '../partners/PartnerSelect';
import type { ScrapFormValues } from './scrap-values';
import { LimitedInput } from '../../components/LimitedInput';

/** 报废条件与回收拆解: why it qualifies, who dismantled it, the confirmation form and the dates. */
export function ScrapRecyclingFields({ control }: { control: Control<ScrapFormValues> }) {
  return (
    <>
      <Field
        control={control}
        name="eligibility"
        label="报废条件"
        required
        extra="按实际情形选择；用方向键切换"
        render={({ value, onChange, id, ref }) => (
          <Radio.Group
            id={id}
            value={value}
            onChange={(e) => onChange(e.target.value)}
            ref={ref}
            style={{ display: 'grid', gridTemplateColumns: 'repeat(2, minmax(0, 1fr))', rowGap: 6 }}
          >
            {ELIGIBILITY.map((k) => (
              <Radio key={k} value={k}>
                {ELIGIBILITY_LABELS[k]}
              </Radio>
            ))}
          </Radio.Group>
        )}
      />
      <Row gutter={16}>
        <Col span={12}>
          <Field
            control={control}
            name="recyclerId"
            label="回收拆解企业"
            render={(field) => <PartnerSelect {...field} kind="recycler" />}
          />
        </Col>
        <Col span={12}>
          <Field
            control={control}
            name="confirmFormNo"
            label="回收确认表编号"
            render={(field) => <LimitedInput {...field} value={field.value ?? ''} autoComplete="off" maxLength={40} />}
          />
        </Col>
      </Row>
      <Row gutter={16}>
        <Col span={12}>
          <Field control={control} name="handoverDate" label="交售日期" render={(field) => <DateInput {...field} noFuture />} />
        </Col>
        <Col span={12}>
          <Field control={control} name="dismantleDate" label="拆解日期" render={(field) => <DateInput {...field} noFuture />} />
        </Col>
      </Row>
    </>
  );
}
