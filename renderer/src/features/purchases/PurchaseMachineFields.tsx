import { Col, Row } from 'antd';
import type { Control } from 'react-hook-form';
import { Field } from '../../components/form/Field';
import { paramLabel, type CatalogItem } from '../applications/catalog';
import { ItemSelect, ParamInput, VariantSelect } from '../applications/MachineInputs';
import type { PurchaseFormValues } from './purchase-values';
import { LimitedInput } from '../../components/LimitedInput';
import { MachineNoInput } from '../applications/MachineNoInput';

interface Props {
  control: Control<PurchaseFormValues>;
  items: CatalogItem[];
  itemsLoading: boolean;
  current: CatalogItem | undefined;
  onItemChange: (item: string | undefined) => void;
  /** Leaving 出厂编号 or 发动机号: the live duplicate check (machineIndex.check). */
  onNumberBlur?: () => void;
}

/** 机具信息: item and band, maker, product and model, and the numbers on the nameplate. */
export function PurchaseMachineFields({ control, items, itemsLoading, current, onItemChange, onNumberBlur }: Props) {
  return (
    <>
      <Row gutter={16}>
        <Col span={12}>
          <Field
            control={control}
            name="item"
            label="机具品目"
            required
            render={(field) => (
              <ItemSelect
                {...field}
                value={field.value || undefined}
                onChange={(v) => {
                  field.onChange(v ?? '');
                  onItemChange(v);
                }}
                items={items}
                loading={itemsLoading}
              />
            )}
          />
        </Col>
        {current && current.variants.length > 0 && (
          <Col span={6}>
            <Field
              control={control}
              name="variant"
              label="型式"
              required={current.variantRequired}
              render={(field) => <VariantSelect {...field} variants={current.variants} required={current.variantRequired} />}
            />
          </Col>
        )}
        {current && current.param !== 'none' && (
          <Col span={6}>
            <Field
              control={control}
              name="paramValue"
              label={paramLabel(current.param)}
              required
              render={(field) => <ParamInput {...field} param={current.param} />}
            />
          </Col>
        )}
      </Row>
      <Row gutter={16}>
        <Col span={12}>
          <Field
            control={control}
            name="maker"
            label="生产厂家"
            required
            render={(field) => <LimitedInput {...field} value={field.value ?? ''} autoComplete="off" maxLength={60} />}
          />
        </Col>
        <Col span={12}>
          <Field
            control={control}
            name="productName"
            label="产品名称"
            required
            render={(field) => (
              <LimitedInput {...field} value={field.value ?? ''} autoComplete="off" maxLength={60} placeholder="如 轮式拖拉机" />
            )}
          />
        </Col>
      </Row>
      <Row gutter={16}>
        <Col span={12}>
          <Field
            control={control}
            name="model"
            label="购买机型（型号）"
            required
            extra="与发票、铭牌、目录上的型号逐字核对"
            render={(field) => <LimitedInput {...field} value={field.value ?? ''} autoComplete="off" maxLength={60} />}
          />
        </Col>
        <Col span={12}>
          <Field
            control={control}
            name="factoryNo"
            label="出厂编号"
            required
            render={(field) => <MachineNoInput {...field} maxLength={40} className="masked" onLeave={onNumberBlur} />}
          />
        </Col>
      </Row>
      <Row gutter={16}>
        <Col span={12}>
          <Field
            control={control}
            name="engineNo"
            label="发动机号"
            render={(field) => <MachineNoInput {...field} maxLength={40} className="masked" onLeave={onNumberBlur} />}
          />
        </Col>
      </Row>
    </>
  );
}
