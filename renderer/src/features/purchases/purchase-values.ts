import type { DefaultValues } from 'react-hook-form';
import type { z } from 'zod';
import type { Purchase, purchaseInput } from '../../../../shared/schemas/purchases';

export type PurchaseFormValues = z.input<typeof purchaseInput>;
export type PurchaseParsed = z.output<typeof purchaseInput>;

/** Every field the service may name in an error, so its message lands under that field. */
export const PURCHASE_FIELDS = [
  'qrCode',
  'item',
  'variant',
  'paramValue',
  'maker',
  'productName',
  'model',
  'factoryNo',
  'engineNo',
  'purchaseDate',
  'invoiceNo',
  'invoiceDate',
  'priceFen',
  'dealerId',
  'terminalKind',
  'terminalId',
  'scrapId',
] as const;

/** Dates and price start empty: they must be typed from the invoice, never guessed. */
export function newPurchaseValues(farmerId: string, scrapId: string | null): DefaultValues<PurchaseFormValues> {
  return {
    farmerId,
    qrCode: '',
    item: '',
    variant: null,
    paramValue: null,
    maker: '',
    productName: '',
    model: '',
    factoryNo: '',
    engineNo: '',
    invoiceNo: '',
    dealerId: null,
    terminalKind: 'none',
    terminalId: '',
    scrapId,
    overrides: [],
  };
}

export function purchaseValuesOf(p: Purchase): PurchaseFormValues {
  return {
    farmerId: p.farmer.id,
    qrCode: p.qrCode ?? '',
    item: p.item,
    variant: p.variant,
    paramValue: p.paramValue,
    maker: p.maker,
    productName: p.productName,
    model: p.model,
    factoryNo: p.factoryNo,
    engineNo: p.engineNo ?? '',
    purchaseDate: p.purchaseDate,
    invoiceNo: p.invoiceNo,
    invoiceDate: p.invoiceDate,
    priceFen: p.priceFen,
    dealerId: p.dealerId,
    terminalKind: p.terminalKind,
    terminalId: p.terminalId ?? '',
    scrapId: p.scrapId,
    overrides: p.overrides.map(({ code, reason }) => ({ code, reason })),
  };
}
