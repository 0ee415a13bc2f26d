import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, Button, Card, Col, Form, Row, Space } from 'antd';
import { useCallback, useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { scrapInput, type Scrap } from '../../../../shared/schemas/scraps';
import { api } from '../../api/client';
import { enterToNext } from '../../components/form/enter-to-next';
import { applyServerErrors } from '../../components/form/server-errors';
import { useBandPick, useCatalogItems } from '../applications/catalog';
import { ScrapBandPreview } from './ScrapBandPreview';
import { ScrapMachineFields } from './ScrapMachineFields';
import { useMachineCheck } from '../county-package/useMachineCheck';
import { ScrapRecyclingFields } from './ScrapRecyclingFields';
import { newScrapValues, SCRAP_FIELDS, scrapValuesOf, type ScrapFormValues, type ScrapParsed } from './scrap-values';

const SCRAP_NUMBERS = ['engineNo', 'frameNo', 'plateNo'] as const;

interface Props {
  farmerId: string;
  /** Editing this record; absent for a new one. */
  scrap?: Scrap;
  onSaved: (scrap: Scrap) => void;
  onCancel: () => void;
}

/** 报废登记: the machine, why it qualifies, the recycler and dates, with the band and amounts shown before saving. */
export function ScrapForm({ farmerId, scrap, onSaved, onCancel }: Props) {
  const [banner, setBanner] = useState<string | null>(null);
  const { control, handleSubmit, setError, setValue, getValues, clearErrors, formState } = useForm<ScrapFormValues, unknown, ScrapParsed>({
    resolver: zodResolver(scrapInput),
    defaultValues: scrap ? scrapValuesOf(scrap) : newScrapValues(farmerId),
  });
  type ScrapNumber = 'engineNo' | 'frameNo' | 'plateNo';
  const checkNumbers = useMachineCheck({
    purpose: 'scrap',
    fields: SCRAP_NUMBERS,
    read: useCallback((f) => getValues(f as ScrapNumber), [getValues]),
    mark: useCallback(
      (f, message) => (message ? setError(f as ScrapNumber, { type: 'machine', message }) : clearErrors(f as ScrapNumber)),
      [setError, clearErrors],
    ),
    exceptId: scrap?.id,
  });
  const [item, variant, paramValue, handoverDate] = useWatch({ control, name: ['item', 'variant', 'paramValue', 'handoverDate'] });
  const catalog = useCatalogItems('scrap', handoverDate);
  const current = catalog.items.find((i) => i.item === item);
  const pick = useBandPick({ year: catalog.year, item: item || undefined, value: paramValue, variant });

  const onItemChange = (next: string | undefined) => {
    const info = catalog.items.find((i) => i.item === next);
    const v = getValues('variant');
    if (!info || !v || !info.variants.includes(v)) setValue('variant', null);
    if (info?.param === 'none') setValue('paramValue', null);
  };

  const submit = handleSubmit(async (values) => {
    setBanner(null);
    try {
      const saved = scrap
        ? await api.scraps.update({ ...values, id: scrap.id, expectedUpdatedAt: scrap.updatedAt })
        : await api.scraps.create(values);
      onSaved(saved);
    } catch (error) {
      setBanner(applyServerErrors(error, setError, SCRAP_FIELDS));
    }
  });

  return (
    <Row gutter={16} align="top">
      <Col flex="1 1 640px" style={{ minWidth: 0 }}>
        <Form layout="vertical" component="div" onKeyDown={enterToNext(() => void submit())} data-testid="scrap-form">
          {banner && <Alert type="error" showIcon title={banner} style={{ marginBottom: 16 }} data-testid="form-banner" />}
          {catalog.error && <Alert type="error" showIcon title={`无法读取补贴额一览表：${catalog.error}`} style={{ marginBottom: 16 }} />}
          <Card title="机具信息" size="small" style={{ marginBottom: 16 }}>
            <ScrapMachineFields
              control={control}
              items={catalog.items}
              itemsLoading={catalog.loading}
              current={current}
              onItemChange={onItemChange}
              autoFocus
              onNumberBlur={() => void checkNumbers()}
            />
          </Card>
          <Card title="报废条件与回收拆解" size="small" style={{ marginBottom: 16 }}>
            <ScrapRecyclingFields control={control} />
          </Card>
          <Space>
            <Button type="primary" loading={formState.isSubmitting} onClick={() => void submit()} data-testid="scrap-submit">
              {scrap ? '保存修改' : '保存报废登记'}
            </Button>
            <Button onClick={onCancel}>取消</Button>
            <span className="kbd-hint">回车到下一项，最后一项回车或 Ctrl+回车 保存</span>
          </Space>
        </Form>
      </Col>
      <Col flex="0 0 340px">
        <ScrapBandPreview
          item={item || undefined}
          value={paramValue}
          variant={variant}
          variantRequired={current?.variantRequired ?? false}
          version={catalog.version}
          pick={pick}
        />
      </Col>
    </Row>
  );
}
