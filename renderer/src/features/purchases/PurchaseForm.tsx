import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, Button, Card, Col, Form, Row, Space, Typography } from 'antd';
import { useCallback, useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { purchaseInput, type Purchase, type Warning, type WarningCode } from '../../../../shared/schemas/purchases';
import { api } from '../../api/client';
import { Field } from '../../components/form/Field';
import { enterToNext } from '../../components/form/enter-to-next';
import { applyServerErrors } from '../../components/form/server-errors';
import { useBandPick, useCatalogItems } from '../applications/catalog';
import type { FarmerSummary } from '../applications/FarmerBrief';
import { NameplateQrInput } from './NameplateQrInput';
import { PurchaseInvoiceFields, PurchaseTerminalFields } from './PurchaseInvoiceFields';
import { PurchaseMachineFields } from './PurchaseMachineFields';
import { useMachineCheck } from '../county-package/useMachineCheck';
import { newPurchaseValues, PURCHASE_FIELDS, purchaseValuesOf, type PurchaseFormValues, type PurchaseParsed } from './purchase-values';
import { SubsidyPreview } from './SubsidyPreview';
import { useLinkableScraps } from './ScrapLinkSelect';
import { WarningOverrides, warningsOf } from './WarningOverrides';

const PURCHASE_NUMBERS = ['factoryNo', 'engineNo'] as const;

interface Props {
  farmer: FarmerSummary;
  purchase?: Purchase;
  /** A scrapped machine to renew, when opened from its page. */
  scrapId?: string | null;
  onSaved: (purchase: Purchase) => void;
  onCancel: () => void;
}

type Reasons = Partial<Record<WarningCode, string>>;

/** 购置登记: scan the nameplate, describe the machine and invoice, see the subsidy live, explain any warning. */
export function PurchaseForm({ farmer, purchase, scrapId, onSaved, onCancel }: Props) {
  const [banner, setBanner] = useState<string | null>(null);
  const [scanned, setScanned] = useState<string | null>(null);
  const [warnings, setWarnings] = useState<Warning[]>([]);
  const [reasons, setReasons] = useState<Reasons>(() => Object.fromEntries((purchase?.overrides ?? []).map((o) => [o.code, o.reason])));
  const [reasonErrors, setReasonErrors] = useState<Reasons>({});
  const { control, handleSubmit, setError, setValue, getValues, clearErrors, formState } = useForm<
    PurchaseFormValues,
    unknown,
    PurchaseParsed
  >({
    resolver: zodResolver(purchaseInput),
    defaultValues: purchase ? purchaseValuesOf(purchase) : newPurchaseValues(farmer.id, scrapId ?? null),
  });
  type PurchaseNumber = 'factoryNo' | 'engineNo';
  const checkNumbers = useMachineCheck({
    purpose: 'purchase',
    fields: PURCHASE_NUMBERS,
    read: useCallback((f) => getValues(f as PurchaseNumber), [getValues]),
    mark: useCallback(
      (f, message) => (message ? setError(f as PurchaseNumber, { type: 'machine', message }) : clearErrors(f as PurchaseNumber)),
      [setError, clearErrors],
    ),
    exceptId: purchase?.id,
  });
  const [item, variant, paramValue, purchaseDate, priceFen, terminalKind, linkedId] = useWatch({
    control,
    name: ['item', 'variant', 'paramValue', 'purchaseDate', 'priceFen', 'terminalKind', 'scrapId'],
  });
  const catalog = useCatalogItems('purchase', purchaseDate);
  const current = catalog.items.find((i) => i.item === item);
  const pick = useBandPick({ year: catalog.year, item: item || undefined, value: paramValue, variant });
  const scraps = useLinkableScraps(farmer, purchase?.id);
  const linked = scraps.items.find((s) => s.id === linkedId);

  const onItemChange = (next: string | undefined) => {
    const info = catalog.items.find((i) => i.item === next);
    const v = getValues('variant');
    if (!info || !v || !info.variants.includes(v)) setValue('variant', null);
    if (info?.param === 'none') setValue('paramValue', null);
    if (info && !getValues('productName')) setValue('productName', info.item);
  };

  /** `checkReasons`: from 说明原因后保存 — every warning shown must have its reason before asking again. */
  const save = (checkReasons: boolean) =>
    handleSubmit(async (values) => {
      setBanner(null);
      const missing: Reasons = {};
      if (checkReasons)
        for (const w of warnings) if ((reasons[w.code] ?? '').trim().length < 2) missing[w.code] = '请说明原因（至少2个字）';
      setReasonErrors(missing);
      if (Object.keys(missing).length) return;
      const overrides = Object.entries(reasons)
        .filter(([, r]) => (r ?? '').trim().length >= 2)
        .map(([code, reason]) => ({ code: code as WarningCode, reason: (reason ?? '').trim() }));
      try {
        const input = { ...values, overrides };
        const saved = purchase
          ? await api.purchases.update({ ...input, id: purchase.id, expectedUpdatedAt: purchase.updatedAt })
          : await api.purchases.create(input);
        onSaved(saved);
      } catch (error) {
        const found = warningsOf(error);
        if (!found.length) {
          setBanner(applyServerErrors(error, setError, PURCHASE_FIELDS));
          return;
        }
        // the service names only the warnings still without a reason; those answered stay on screen
        setWarnings((prev) => [...prev.filter((p) => !found.some((f) => f.code === p.code)), ...found]);
        const seen = new Set(warnings.map((w) => w.code));
        setReasonErrors(Object.fromEntries(found.filter((f) => seen.has(f.code)).map((f) => [f.code, '请说明原因（至少2个字）'])));
      }
    })();
  const submit = () => save(false);

  return (
    <Row gutter={16} align="top">
      <Col flex="1 1 640px" style={{ minWidth: 0 }}>
        <Form layout="vertical" component="div" onKeyDown={enterToNext(() => void save(warnings.length > 0))} data-testid="purchase-form">
          {banner && <Alert type="error" showIcon title={banner} style={{ marginBottom: 16 }} data-testid="form-banner" />}
          {catalog.error && <Alert type="error" showIcon title={`无法读取补贴额一览表：${catalog.error}`} style={{ marginBottom: 16 }} />}
          <Card title="铭牌二维码（一机一码）" size="small" style={{ marginBottom: 16 }}>
            <Field
              control={control}
              name="qrCode"
              label="扫描二维码"
              render={(field) => (
                <NameplateQrInput
                  {...field}
                  value={field.value ?? ''}
                  onScanned={({ serial }) => {
                    clearErrors('qrCode');
                    setValue('factoryNo', serial, { shouldValidate: true });
                    setScanned(serial);
                    void checkNumbers({ factoryNo: serial });
                  }}
                  onUnreadable={(message) => setError('qrCode', { type: 'scan', message })}
                />
              )}
            />
            {scanned && (
              <Typography.Text type="success" data-testid="qr-filled">
                已从二维码读出出厂编号 {scanned}
              </Typography.Text>
            )}
          </Card>
          <Card title="机具信息" size="small" style={{ marginBottom: 16 }}>
            <PurchaseMachineFields
              control={control}
              items={catalog.items}
              itemsLoading={catalog.loading}
              current={current}
              onItemChange={onItemChange}
              onNumberBlur={() => void checkNumbers()}
            />
          </Card>
          <Card title="发票与购机" size="small" style={{ marginBottom: 16 }}>
            <PurchaseInvoiceFields control={control} priceFen={priceFen} />
          </Card>
          <Card title="终端与报废更新" size="small" style={{ marginBottom: 16 }}>
            <PurchaseTerminalFields control={control} terminalKind={terminalKind} scraps={scraps} />
          </Card>
          <WarningOverrides
            warnings={warnings}
            reasons={reasons}
            errors={reasonErrors}
            onReason={(code, reason) => setReasons((r) => ({ ...r, [code]: reason }))}
            onSubmit={() => void save(true)}
            busy={formState.isSubmitting}
          />
          <Space>
            <Button type="primary" loading={formState.isSubmitting} onClick={() => void submit()} data-testid="purchase-submit">
              {purchase ? '保存修改' : '保存购置登记'}
            </Button>
            <Button onClick={onCancel}>取消</Button>
            <span className="kbd-hint">回车到下一项，最后一项回车或 Ctrl+回车 保存</span>
          </Space>
        </Form>
      </Col>
      <Col flex="0 0 340px">
        <SubsidyPreview
          item={item || undefined}
          value={paramValue}
          variant={variant}
          variantRequired={current?.variantRequired ?? false}
          version={catalog.version}
          pick={pick}
          priceFen={priceFen}
          scrap={linked}
        />
      </Col>
    </Row>
  );
}
