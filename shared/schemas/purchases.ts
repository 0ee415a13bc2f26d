import { z } from '../api/zod-locale';
import { ledgerSource } from './ledger-source';
import { purchaseDateIssues } from '../domain/plausibility';
import { cursorPageOf, isoDate, isoDateTime, optionalText, requiredText, uuid } from './common';
import { farmerSummary, reviewState, machineNo, makerField, modelField, positiveParam, status } from './machines';

export const TERMINAL_KINDS = ['none', 'beidou', 'monitor'] as const;
export const TERMINAL_LABELS: Record<(typeof TERMINAL_KINDS)[number], string> = {
  none: '无',
  beidou: '北斗定位/辅助驾驶终端',
  monitor: '田间作业监测终端',
};

/** Warnings that may be overridden with a reason in words (DOMAIN.md §8). */
export const WARNING_CODES = ['buyer_many', 'model_near', 'price_outlier', 'price_floor', 'date_before_handover'] as const;
export type WarningCode = (typeof WARNING_CODES)[number];

export const warning = z.object({ code: z.enum(WARNING_CODES), message: z.string() });
export type Warning = z.output<typeof warning>;
export const override = z.object({
  code: z.enum(WARNING_CODES),
  reason: z.string().trim().min(2, '请说明原因（至少2个字）').max(200),
});

const purchaseFields = {
  farmerId: uuid,
  item: requiredText(60, '机具品目', '选择'),
  variant: z.string().trim().max(30).nullable().optional(),
  paramValue: positiveParam,
  maker: makerField,
  productName: requiredText(60, '产品名称'),
  model: modelField,
  factoryNo: requiredText(40, '出厂编号'),
  engineNo: machineNo('发动机号'),
  qrCode: optionalText(120, '铭牌二维码'),
  invoiceNo: requiredText(40, '发票号码'),
  invoiceDate: isoDate,
  priceFen: z.number({ error: '请填写单台销售价格' }).int('金额精确到分').positive('价格必须大于0').max(100_000_000_00, '价格过大'),
  dealerId: uuid.nullable().optional(),
  purchaseDate: isoDate,
  terminalKind: z.enum(TERMINAL_KINDS).default('none'),
  terminalId: optionalText(40, '终端编号'),
  /** The buyer's scrapped machine this purchase renews (报废更新). */
  scrapId: uuid.nullable().optional(),
  overrides: z.array(override).max(10).default([]),
};

type PurchaseShape = { terminalKind: string; terminalId?: string; invoiceDate: string; purchaseDate: string };

function checkPurchase(v: PurchaseShape, ctx: z.RefinementCtx) {
  if (v.terminalKind !== 'none' && !v.terminalId) {
    ctx.addIssue({ code: 'custom', path: ['terminalId'], message: '装有终端时请填写终端编号' });
  }
  for (const issue of purchaseDateIssues(v)) ctx.addIssue({ code: 'custom', path: [issue.path], message: issue.message });
}

export const purchaseInput = z.strictObject(purchaseFields).superRefine(checkPurchase);
export type PurchaseInput = z.input<typeof purchaseInput>;
export type PurchaseValues = z.output<typeof purchaseInput>;

export const purchaseUpdateInput = z
  .strictObject({ id: uuid, expectedUpdatedAt: isoDateTime.optional(), ...purchaseFields })
  .superRefine(checkPurchase);

export const subsidyLine = z.object({
  kind: z.enum(['purchase', 'scrap']),
  label: z.string(),
  fen: z.number().int(),
  note: z.string().optional(),
});

export const purchase = z.object({
  id: uuid,
  stationId: uuid,
  farmer: farmerSummary,
  catalogBandId: z.string().nullable(),
  catalogYear: z.number().int(),
  category: z.string(),
  item: z.string(),
  bandLabel: z.string(),
  variant: z.string().nullable(),
  paramValue: z.number().nullable(),
  maker: z.string(),
  productName: z.string(),
  model: z.string(),
  factoryNo: z.string(),
  engineNo: z.string().nullable(),
  qrCode: z.string().nullable(),
  invoiceNo: z.string(),
  invoiceDate: isoDate,
  priceFen: z.number().int(),
  dealerId: z.string().nullable(),
  dealerName: z.string().nullable(),
  purchaseDate: isoDate,
  terminalKind: z.enum(TERMINAL_KINDS),
  terminalId: z.string().nullable(),
  scrapId: z.string().nullable(),
  scrapSummary: z.string().nullable(),
  purchaseFen: z.number().int(),
  scrapPartFen: z.number().int(),
  totalFen: z.number().int(),
  subsidyNote: z.string().nullable(),
  overrides: z.array(override.extend({ message: z.string() })),
  /** Set when the record was imported from the station's old Excel ledger: such records get no voucher. */
  ledgerSource: ledgerSource.nullable(),
  ...reviewState,
});
export type Purchase = z.output<typeof purchase>;

export const purchaseListItem = z.object({
  id: uuid,
  /** Imported from a station's Excel ledger (历史台账导入): paid on paper, never given a voucher here. */
  fromLedger: z.boolean(),
  farmer: farmerSummary,
  item: z.string(),
  bandLabel: z.string(),
  maker: z.string(),
  model: z.string(),
  factoryNo: z.string(),
  purchaseDate: isoDate,
  priceFen: z.number().int(),
  purchaseFen: z.number().int(),
  scrapPartFen: z.number().int(),
  totalFen: z.number().int(),
  terminalKind: z.enum(TERMINAL_KINDS),
  scrapId: z.string().nullable(),
  status,
  statusAt: isoDateTime,
  createdAt: isoDateTime,
  voidedAt: isoDateTime.nullable(),
});
export type PurchaseListItem = z.output<typeof purchaseListItem>;
export const purchasePage = cursorPageOf(purchaseListItem);
export const purchaseGetInput = z.strictObject({ id: uuid });
