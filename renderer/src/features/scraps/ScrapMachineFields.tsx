import { chinaYearNow } from '../../../../shared/domain/civil-date';
import { Col, InputNumber, Row } from 'antd';
import type { Control } from 'react-hook-form';
import { isPlateManaged } from '../../../../shared/schemas/scraps';
import { Field } from '../../components/form/Field';
import { paramLabel, type CatalogItem } from '../applications/catalog';
import { ItemSelect, ParamInput, VariantSelect } from '../applications/MachineInputs';
import type { ScrapFormValues } from './scrap-values';
import { FRAME_NO_LABEL } from '../../../../shared/domain/machine-terms';
import { LimitedInput } from '../../components/LimitedInput';
import { MachineNoInput } from '../applications/MachineNoInput';

interface Props {
  control: Control<ScrapFormValues>;
  items: CatalogItem[];
  itemsLoading: boolean;
  current: CatalogItem | undefined;
  onItemChange: (item: string | undefined) => void;
  autoFocus: boolean;
  /** Leaving the engine, frame or plate number: the live duplicate check (machineIndex.check). */
  onNumberBlur?: () => void;
}

/** 机具信息: what the machine is and the numbers that identify it (plate for tractors and combines). */
export function ScrapMachineFields({ control, items, itemsLoading, current, onItemChange, autoFocus, onNumberBlur }: Props) {
  const plateRequired = current ? isPlateManaged(current.item) : false;
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
                autoFocus={autoFocus}
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
            render={(field) => <LimitedInput {...field} autoComplete="off" maxLength={60} />}
          />
        </Col>
        <Col span={12}>
          <Field
            control={control}
            name="model"
            label="型号"
            required
            render={(field) => <LimitedInput {...field} autoComplete="off" maxLength={60} />}
          />
        </Col>
      </Row>
      <Row gutter={16}>
        <Col span={12}>
          <Field
            control={control}
            name="engineNo"
            label="发动机号"
            extra={`发动机号与${FRAME_NO_LABEL}至少填一项`}
            render={(field) => <MachineNoInput {...field} maxLength={40} onLeave={onNumberBlur} />}
          />
        </Col>
        <Col span={12}>
          <Field
            control={control}
            name="frameNo"
            label={FRAME_NO_LABEL}
            render={(field) => <MachineNoInput {...field} maxLength={40} onLeave={onNumberBlur} />}
          />
        </Col>
      </Row>
      <Row gutter={16}>
        <Col span={12}>
          <Field
            control={control}
            name="plateNo"
            label="号牌号码"
            required={plateRequired}
            extra={plateRequired ? '拖拉机、联合收割机须填写号牌号码' : undefined}
            render={(field) => <MachineNoInput {...field} maxLength={20} placeholder="如 鲁15-12345" onLeave={onNumberBlur} />}
          />
        </Col>
        <Col span={12}>
          <Field
            control={control}
            name="yearMade"
            label="出厂年份"
            render={(field) => (
              <InputNumber<number>
                {...field}
                value={field.value ?? null}
                onChange={(v) => field.onChange(v ?? null)}
                min={1950}
                max={chinaYearNow()}
                precision={0}
                placeholder="如 2008"
                changeOnWheel={false}
                style={{ width: '100%' }}
              />
            )}
          />
        </Col>
      </Row>
    </>
  );
}
