import { z } from '../api/zod-locale';
import { parseBankCard } from '../domain/bankcard';
import { parseResidentId } from '../domain/idcard';
import { parseMobile } from '../domain/phone';
import { TOWNSHIP_CODES } from '../domain/townships';
import { parseUscc } from '../domain/uscc';
import { isoDate, isoDateTime, optionalText, pageInput, pageOf, requiredText, uuid, voidInput } from './common';

export const FARMER_KINDS = ['individual', 'family_farm', 'cooperative', 'enterprise'] as const;
export type FarmerKind = (typeof FARMER_KINDS)[number];
export const FARMER_KIND_LABELS: Record<FarmerKind, string> = {
  individual: '个人',
  family_farm: '家庭农场',
  cooperative: '农民专业合作社',
  enterprise: '农业企业',
};

/** Which identity documents a kind of buyer registers with. */
export function idRuleFor(kind: FarmerKind): 'resident' | 'uscc' | 'either' {
  if (kind === 'individual') return 'resident';
  if (kind === 'family_farm') return 'either';
  return 'uscc';
}

const compact = (s: string) => s.replace(/[\s-]/g, '');

const farmerFields = {
  kind: z.enum(FARMER_KINDS, { error: '请选择购机者类型' }),
  name: requiredText(60, '姓名或名称'),
  idNumber: requiredText(30, '证件号码').transform((s) => compact(s).toUpperCase()),
  contactName: optionalText(20, '负责人姓名'),
  phone: requiredText(20, '手机号')
    .transform(compact)
    .superRefine((s, ctx) => {
      const r = parseMobile(s);
      if (!r.ok) ctx.addIssue({ code: 'custom', message: r.reason });
    }),
  bankCard: z
    .string()
    .trim()
    .optional()
    .transform((s) => (s ? compact(s) : undefined))
    .superRefine((s, ctx) => {
      if (s === undefined) return;
      const r = parseBankCard(s);
      if (!r.ok) ctx.addIssue({ code: 'custom', message: r.reason });
    }),
  bankName: optionalText(40, '开户银行'),
  townshipCode: z.enum(TOWNSHIP_CODES, { error: '请选择乡镇' }),
  village: requiredText(40, '村（社区）'),
  address: optionalText(120, '详细地址'),
};

/** Why an ID document does not fit the kind of buyer, or undefined when it does. */
export function identityIssue(kind: FarmerKind, idNumber: string): string | undefined {
  const rule = idRuleFor(kind);
  if (rule === 'resident') {
    const r = parseResidentId(idNumber);
    return r.ok ? undefined : r.reason;
  }
  if (rule === 'uscc') {
    const r = parseUscc(idNumber);
    return r.ok ? undefined : r.reason;
  }
  // A family farm registers with its own USCC or with its head's resident ID.
  const asId = parseResidentId(idNumber);
  if (asId.ok) return undefined;
  const asUscc = parseUscc(idNumber);
  if (asUscc.ok) return undefined;
  return /^\d{17}[\dX]$/.test(idNumber) ? asId.reason : `${asUscc.reason}（家庭农场可填统一社会信用代码或负责人身份证号）`;
}

/** Cross-field rules: the ID document must fit the kind of buyer; a card needs its bank. */
function checkIdentity(v: { kind: FarmerKind; idNumber: string; bankCard?: string; bankName?: string }, ctx: z.RefinementCtx) {
  const issue = identityIssue(v.kind, v.idNumber);
  if (issue) ctx.addIssue({ code: 'custom', path: ['idNumber'], message: issue });
  if (v.bankCard && !v.bankName) {
    ctx.addIssue({ code: 'custom', path: ['bankName'], message: '填写了银行卡号，请同时填写开户银行' });
  }
}

export const farmerInput = z.strictObject(farmerFields).superRefine(checkIdentity);
export type FarmerInput = z.input<typeof farmerInput>;
export type FarmerValues = z.output<typeof farmerInput>;

export const farmerUpdateInput = z
  .strictObject({
    id: uuid,
    /** The updatedAt the editor loaded; a newer one in the database means someone else saved first. */
    expectedUpdatedAt: isoDateTime.optional(),
    ...farmerFields,
  })
  .superRefine(checkIdentity);
export type FarmerUpdateInput = z.input<typeof farmerUpdateInput>;

export const farmerVoidInput = voidInput;
export const farmerGetInput = z.strictObject({ id: uuid });

export const farmerSearchInput = z.strictObject({
  q: z.string().trim().max(40, '搜索内容过长').default(''),
  townshipCode: z.enum(TOWNSHIP_CODES).optional(),
  includeVoided: z.boolean().default(false),
  ...pageInput,
});
export type FarmerSearchInput = z.input<typeof farmerSearchInput>;

export const farmer = z.object({
  id: uuid,
  stationId: uuid,
  kind: z.enum(FARMER_KINDS),
  name: z.string(),
  idNumber: z.string(),
  birthDate: isoDate.nullable(),
  contactName: z.string().nullable(),
  phone: z.string(),
  bankCard: z.string().nullable(),
  bankName: z.string().nullable(),
  townshipCode: z.string(),
  townshipName: z.string(),
  village: z.string(),
  address: z.string().nullable(),
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
  voidedAt: isoDateTime.nullable(),
  voidReason: z.string().nullable(),
});
export type Farmer = z.output<typeof farmer>;

/** What lists show: personal numbers masked, never the full ones. */
export const farmerListItem = z.object({
  id: uuid,
  kind: z.enum(FARMER_KINDS),
  name: z.string(),
  idNumberMasked: z.string(),
  phoneMasked: z.string(),
  bankCardMasked: z.string(),
  townshipCode: z.string(),
  townshipName: z.string(),
  village: z.string(),
  updatedAt: isoDateTime,
  voidedAt: isoDateTime.nullable(),
});
export type FarmerListItem = z.output<typeof farmerListItem>;

export const farmerPage = pageOf(farmerListItem);
export type FarmerPage = z.output<typeof farmerPage>;
