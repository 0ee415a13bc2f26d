import { z } from '../api/zod-locale';
import { isoDate, isoDateTime, optionalText, requiredText, uuid } from './common';
import { applicationKind } from './applications';
import { applicationRef } from './notices';

export const ACCOUNT_KINDS = ['card', 'corporate'] as const;
export const ACCOUNT_KIND_LABELS = { card: '个人银行卡（一卡通）', corporate: '对公账户' } as const;

/** 兑付: when, how much, under which finance document; the account is the one on the buyer's record. */
export const payInput = z
  .strictObject({
    kind: applicationKind,
    id: uuid,
    paidOn: isoDate,
    amountFen: z.number({ error: '请填写实付金额' }).int('金额精确到分').positive('实付金额必须大于0').max(100_000_000_00, '金额过大'),
    /** Required when the amount differs from the approved subsidy. */
    amountReason: optionalText(200, '金额不一致的原因'),
    financeDoc: requiredText(40, '财政拨付凭证号或批次号'),
  })
  .strict();
export type PayInput = z.input<typeof payInput>;

export const payment = z.object({
  id: uuid,
  kind: applicationKind,
  applicationId: uuid,
  noticeId: uuid,
  paidOn: isoDate,
  approvedFen: z.number().int(),
  amountFen: z.number().int(),
  amountReason: z.string().nullable(),
  accountKind: z.enum(ACCOUNT_KINDS),
  accountName: z.string(),
  accountMasked: z.string(),
  bankName: z.string(),
  financeDoc: z.string(),
  operator: z.string(),
  createdAt: isoDateTime,
});
export type Payment = z.output<typeof payment>;

export const paymentListInput = z.strictObject({
  items: z.array(applicationRef).min(1, '请至少选择一条可兑付的申请').max(2000, '一份清单最多2000条'),
});

export const paymentListLine = z.object({
  lineNo: z.number().int(),
  kind: applicationKind,
  applicationId: uuid,
  accountName: z.string(),
  accountMasked: z.string(),
  amountFen: z.number().int(),
  bankName: z.string(),
  purpose: z.string(),
  remark: z.string(),
});
export type PaymentListLine = z.output<typeof paymentListLine>;

/** The bank's file (full account numbers, 内部资料) and the lines again, masked, for the printed summary. */
export const paymentListOutput = z.object({
  fileName: z.string(),
  mime: z.string(),
  base64: z.string(),
  rowCount: z.number().int(),
  totalFen: z.number().int(),
  unitName: z.string(),
  exportedAt: isoDateTime,
  exportedBy: z.string(),
  lines: z.array(paymentListLine),
});
export type PaymentListOutput = z.output<typeof paymentListOutput>;
