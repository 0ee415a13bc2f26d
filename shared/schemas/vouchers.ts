import { z } from '../api/zod-locale';
import { isoDate, isoDateTime, cursorPageInput, cursorPageOf, uuid } from './common';
import { applicationKind } from './applications';

const line = z.object({ label: z.string(), fen: z.number().int(), note: z.string().optional() });

/** Everything the voucher prints, frozen at issue: the paper and the record always say the same. */
export const voucherSnapshot = z.object({
  title: z.string(),
  unitName: z.string(),
  operator: z.string(),
  buyer: z.object({
    name: z.string(),
    kindLabel: z.string(),
    idNumber: z.string(),
    phone: z.string(),
    townshipName: z.string(),
    village: z.string(),
  }),
  payment: z.object({ method: z.string(), bankName: z.string().nullable(), cardLast4: z.string().nullable() }),
  scrapMachine: z
    .object({
      item: z.string(),
      bandLabel: z.string(),
      maker: z.string(),
      model: z.string(),
      engineNo: z.string().nullable(),
      frameNo: z.string().nullable(),
      plateNo: z.string().nullable(),
      confirmFormNo: z.string().nullable(),
      dismantleDate: z.string().nullable(),
    })
    .nullable(),
  newMachine: z
    .object({
      item: z.string(),
      bandLabel: z.string(),
      maker: z.string(),
      productName: z.string(),
      model: z.string(),
      factoryNo: z.string(),
      engineNo: z.string().nullable(),
      invoiceNo: z.string(),
      invoiceDate: z.string(),
      priceFen: z.number().int(),
      purchaseDate: z.string(),
    })
    .nullable(),
  lines: z.array(line),
});
export type VoucherSnapshot = z.output<typeof voucherSnapshot>;

/** What was paid (兑付), read live from the payment record: a voucher printed after payment shows it. */
export const voucherPayment = z.object({
  paidOn: isoDate,
  amountFen: z.number().int(),
  accountMasked: z.string(),
  bankName: z.string(),
  financeDoc: z.string(),
});
export type VoucherPayment = z.output<typeof voucherPayment>;

export const voucher = z.object({
  id: uuid,
  stationId: uuid,
  number: z.string(),
  year: z.number().int(),
  kind: applicationKind,
  applicationId: uuid,
  farmerId: uuid,
  issueDate: isoDate,
  purchaseFen: z.number().int(),
  scrapFen: z.number().int(),
  totalFen: z.number().int(),
  totalUpper: z.string(),
  checkCode: z.string(),
  qrPayload: z.string(),
  snapshot: voucherSnapshot,
  printCount: z.number().int(),
  lastPrintedAt: isoDateTime.nullable(),
  createdAt: isoDateTime,
  voidedAt: isoDateTime.nullable(),
  voidReason: z.string().nullable(),
  payment: voucherPayment.nullable(),
});
export type Voucher = z.output<typeof voucher>;

export const voucherListItem = z.object({
  id: uuid,
  number: z.string(),
  kind: applicationKind,
  applicationId: uuid,
  issueDate: isoDate,
  buyerName: z.string(),
  buyerIdMasked: z.string(),
  title: z.string(),
  totalFen: z.number().int(),
  printCount: z.number().int(),
  voidedAt: isoDateTime.nullable(),
  voidReason: z.string().nullable(),
});
export type VoucherListItem = z.output<typeof voucherListItem>;

export const issueInput = z.strictObject({ kind: applicationKind, applicationId: uuid });
export const voucherGetInput = z.strictObject({ id: uuid });
export const voucherListInput = z.strictObject({
  q: z.string().trim().max(40).default(''),
  year: z.number().int().min(2000).max(2100).optional(),
  applicationId: uuid.optional(),
  includeVoided: z.boolean().default(true),
  ...cursorPageInput,
});
export const voucherPage = cursorPageOf(voucherListItem);
export const voucherVoidInput = z.strictObject({ id: uuid, reason: z.string().trim().min(2, '请填写作废原因').max(200) });
/** Common reasons for a 补打 (reprint); free text is allowed too. */
export const REPRINT_REASONS = ['卡纸', '污损', '遗失', '打印不清', '信息页缺失'] as const;
/**
 * A print about to go out: counted first (the paper carries the server's number) and audited. A reprint (a
 * voucher printed before) needs its reason; `mode` says whether it goes to a printer or to a PDF file;
 * `expectedCounts` are the print counts the page showed, one per id: a stale page is refused.
 */
export const recordPrintInput = z
  .strictObject({
    ids: z.array(uuid).min(1).max(200),
    expectedCounts: z.array(z.number().int().min(0)).max(200).optional(),
    reprintReason: z.string().trim().max(100, '补打原因不超过100字').optional(),
    mode: z.enum(['print', 'pdf']).default('print'),
  })
  .refine((v) => !v.expectedCounts || v.expectedCounts.length === v.ids.length, {
    message: '打印次序与凭证数量不符，请刷新后重试',
    path: ['expectedCounts'],
  });
/**
 * 未打印成功: the last counted print of these vouchers did not come out (dialog cancelled, jammed, blank, wrong
 * printer); only its operator, soon after, a limited number of times.
 */
export const markPrintFailedInput = z.strictObject({
  ids: z.array(uuid).min(1).max(200),
  note: z.string().trim().max(100, '说明不超过100字').default(''),
});
export const recordPrintOutput = z.object({ items: z.array(voucher) });

export const verifyInput = z.strictObject({
  code: z.string().trim().min(1, '请扫描或输入凭证二维码/编号').max(300),
  /** The 校验码 printed on the voucher, typed with its number when there is no QR scan (spaces and dashes ignored). */
  checkCode: z
    .string()
    .trim()
    .max(20, '校验码为8位字母或数字')
    .transform((s) => s.replace(/[\s-]/g, '').toUpperCase())
    .refine((s) => s === '' || /^[0-9A-Z]{8}$/.test(s), '校验码为8位字母或数字')
    .optional(),
});
export const VERIFY_RESULTS = ['valid', 'voided', 'mismatch', 'not_found', 'number_only'] as const;
export const verifyOutput = z.object({
  result: z.enum(VERIFY_RESULTS),
  message: z.string(),
  voucher: z
    .object({
      number: z.string(),
      issueDate: isoDate,
      unitName: z.string(),
      buyerNameMasked: z.string(),
      title: z.string(),
      totalFen: z.number().int(),
      voidReason: z.string().nullable(),
    })
    .nullable(),
  /** Fingerprint of the station key that signed it (signed vouchers that verify). */
  signedBy: z.string().nullable().default(null),
  /** An old-style voucher (issued before signatures, checked by its HMAC check code). */
  legacy: z.boolean().default(false),
});
export type VerifyOutput = z.output<typeof verifyOutput>;
