import { Col, Radio, Row } from 'antd';
import type { Control } from 'react-hook-form';
import { fenToUppercase } from '../../../../shared/domain/money';
import { TERMINAL_KINDS, TERMINAL_LABELS } from '../../../../shared/schemas/purchases';
import type { ScrapListItem } from '../../../../shared/schemas/scraps';
import { DateInput } from '../../components/DateInput';
import { Field } from '../../components/form/Field';
import { MoneyInput } from '../../components/MoneyInput';
import { PartnerSelect } from '../partners/PartnerSelect';
import type { PurchaseFormValues } from './purchase-values';
import { ScrapLinkSelect } from './ScrapLinkSelect';
import { LimitedInput } from '../../components/LimitedInput';

interface Props {
  control: Control<PurchaseFormValues>;
  priceFen: number | undefined;
  terminalKind: PurchaseFormValues['terminalKind'];
  scraps: { items: ScrapListItem[]; loading: boolean };
}

/** 发票与购机: dates, invoice, price and dealer. */
export function PurchaseInvoiceFields({ control, priceFen }: Pick<Props, 'control' | 'priceFen'>) {
  return (
    <>
      <Row gutter={16}>
        <Col span={12}>
          <Field control={control} name="purchaseDate" label="购机日期" required render={(field) => <DateInput {...field} noFuture />} />
        </Col>
        <Col span={12}>
          <Field
            control={control}
            name="invoiceNo"
            label="发票号码"
            required
            render={(field) => <LimitedInput {...field} autoComplete="off" maxLength={40} className="masked" />}
          />
        </Col>
      </Row>
      <Row gutter={16}>
        <Col span={12}>
          <Field control={control} name="invoiceDate" label="开票日期" required render={(field) => <DateInput {...field} />} />
        </Col>
        <Col span={12}>
          <Field
            control={control}
            name="priceFen"
            label="单台销售价格（发票金额）"
            required
            extra={priceFen ? fenToUppercase(priceFen) : '按发票填写，单位：元'}
            render={(field) => <MoneyInput {...field} placeholder="如 68000" data-testid="price-input" />}
          />
        </Col>
      </Row>
      <Field control={control} name="dealerId" label="经销商" render={(field) => <PartnerSelect {...field} kind="dealer" />} />
    </>
  );
}

/** 终端与报废更新: BeiDou / monitoring terminal, and the scrapped machine this purchase renews. */
export function PurchaseTerminalFields({ control, terminalKind, scraps }: Omit<Props, 'priceFen'>) {
  return (
    <>
      <Row gutter={16}>
        <Col span={14}>
          <Field
            control={control}
            name="terminalKind"
            label="北斗/作业监测终端"
            render={({ value, onChange, id, ref }) => (
              <Radio.Group id={id} value={value} onChange={(e) => onChange(e.target.value)} ref={ref}>
                {TERMINAL_KINDS.map((k) => (
                  <Radio key={k} value={k}>
                    {k === 'none' ? '无' : k === 'beidou' ? '北斗' : '作业监测'}
                  </Radio>
                ))}
              </Radio.Group>
            )}
          />
        </Col>
        {terminalKind !== 'none' && (
          <Col span={10}>
            <Field
              control={control}
              name="terminalId"
              label={`${TERMINAL_LABELS[terminalKind ?? 'none']}编号`}
              required
              render={(field) => <LimitedInput {...field} value={field.value ?? ''} autoComplete="off" maxLength={40} />}
            />
          </Col>
        )}
      </Row>
      <Field
        control={control}
        name="scrapId"
        label="关联报废农机（报废并更新）"
        extra="购机者同时报废旧机的，选择其报废登记；报废补贴按“报废并更新”金额随本申请一并办理"
        render={(field) => <ScrapLinkSelect {...field} scraps={scraps.items} loading={scraps.loading} />}
      />
    </>
  );
}
