import { z } from '../api/zod-locale';
import { parseUscc } from '../domain/uscc';
import { isoDateTime, optionalText, requiredText, uuid } from './common';

/** Managed lists: dealers (经销商) and recycling/dismantling enterprises (回收拆解企业). */
export const PARTNER_KINDS = ['dealer', 'recycler'] as const;
export const PARTNER_LABELS = { dealer: '经销商', recycler: '回收拆解企业' } as const;

export const partnerInput = z
  .strictObject({
    kind: z.enum(PARTNER_KINDS),
    name: requiredText(80, '企业名称'),
    uscc: optionalText(18, '统一社会信用代码').transform((s) => s?.toUpperCase()),
    licenseNo: optionalText(40, '资质编号'),
    phone: optionalText(20, '联系电话'),
    address: optionalText(120, '地址'),
  })
  .superRefine((v, ctx) => {
    if (!v.uscc) return;
    const r = parseUscc(v.uscc);
    if (!r.ok) ctx.addIssue({ code: 'custom', path: ['uscc'], message: r.reason });
  });

export const partner = z.object({
  id: uuid,
  kind: z.enum(PARTNER_KINDS),
  name: z.string(),
  uscc: z.string().nullable(),
  licenseNo: z.string().nullable(),
  phone: z.string().nullable(),
  address: z.string().nullable(),
  createdAt: isoDateTime,
  voidedAt: isoDateTime.nullable(),
});
export type Partner = z.output<typeof partner>;
export const partnerListInput = z.strictObject({ kind: z.enum(PARTNER_KINDS), includeVoided: z.boolean().default(false) });
export const partnerList = z.object({ items: z.array(partner) });
export const partnerVoidInput = z.strictObject({
  kind: z.enum(PARTNER_KINDS),
  id: uuid,
  reason: z.string().trim().min(2, '请填写作废原因').max(200),
});
