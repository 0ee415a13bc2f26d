import { z } from '../api/zod-locale';
import { ledgerSource } from './ledger-source';
import { cursorPageOf, isoDate, isoDateTime, optionalText, requiredText, uuid } from './common';
import { farmerSummary, reviewState, machineNo, makerField, modelField, optionalDate, positiveParam, status } from './machines';
import { FRAME_NO_LABEL } from '../domain/machine-terms';

/** The scrapping conditions a technician chooses from. */
export const ELIGIBILITY = ['beyond_repair', 'repair_over_half', 'past_age', 'obsolete', 'banned'] as const;
/** What a record may hold: also 'unrecorded', for a scrap imported from an old ledger that did not record its condition. */
export const STORED_ELIGIBILITY = [...ELIGIBILITY, 'unrecorded'] as const;
export type StoredEligibility = (typeof STORED_ELIGIBILITY)[number];
export const ELIGIBILITY_LABELS: Record<StoredEligibility, string> = {
  beyond_repair: '因故障无法修复',
  repair_over_half: '修理费用超过新机价格的50%',
  past_age: '达到或超过报废年限',
  obsolete: '安全隐患大或技术落后淘汰',
  banned: '国家明令禁止使用',
  unrecorded: '台账未记载',
};

export const PHOTO_KINDS = ['before', 'during', 'after', 'nameplate', 'form', 'other'] as const;
export const PHOTO_KIND_LABELS: Record<(typeof PHOTO_KINDS)[number], string> = {
  before: '拆解前',
  during: '拆解中',
  after: '拆解后',
  nameplate: '铭牌/号牌',
  form: '回收确认表',
  other: '其他',
};

/** Tractors and combines carry plates (号牌) and must bring them. */
export function isPlateManaged(item: string): boolean {
  return /拖拉机|联合收割机|联合收获机/.test(item);
}

const scrapFields = {
  farmerId: uuid,
  item: requiredText(60, '机具品目', '选择'),
  variant: z.string().trim().max(30).nullable().optional(),
  paramValue: positiveParam,
  maker: makerField,
  model: modelField,
  engineNo: machineNo('发动机号'),
  frameNo: machineNo(FRAME_NO_LABEL),
  plateNo: machineNo('号牌号码', 20),
  yearMade: z.number().int().min(1950, '出厂年份不早于1950年').max(2100).nullable().optional(),
  eligibility: z.enum(ELIGIBILITY, { error: '请选择报废条件' }),
  recyclerId: uuid.nullable().optional(),
  confirmFormNo: optionalText(40, '回收确认表编号'),
  handoverDate: optionalDate,
  dismantleDate: optionalDate,
};

type ScrapShape = { item: string; engineNo?: string; frameNo?: string; plateNo?: string; handoverDate?: string; dismantleDate?: string };

function checkScrap(v: ScrapShape, ctx: z.RefinementCtx) {
  if (!v.engineNo && !v.frameNo) {
    ctx.addIssue({ code: 'custom', path: ['engineNo'], message: `发动机号和${FRAME_NO_LABEL}至少填写一项` });
  }
  if (isPlateManaged(v.item) && !v.plateNo) {
    ctx.addIssue({ code: 'custom', path: ['plateNo'], message: '拖拉机、联合收割机须填写号牌号码' });
  }
  if (v.dismantleDate && !v.handoverDate) {
    ctx.addIssue({ code: 'custom', path: ['handoverDate'], message: '已拆解的农机须填写交售日期' });
  }
  if (v.dismantleDate && v.handoverDate && v.dismantleDate < v.handoverDate) {
    ctx.addIssue({ code: 'custom', path: ['dismantleDate'], message: '拆解日期不能早于交售日期' });
  }
}

export const scrapInput = z.strictObject(scrapFields).superRefine(checkScrap);
export type ScrapInput = z.input<typeof scrapInput>;
export type ScrapValues = z.output<typeof scrapInput>;

export const scrapUpdateInput = z
  .strictObject({ id: uuid, expectedUpdatedAt: isoDateTime.optional(), ...scrapFields })
  .superRefine(checkScrap);

export const scrapPhoto = z.object({
  id: uuid,
  kind: z.enum(PHOTO_KINDS),
  fileName: z.string(),
  sha256: z.string(),
  sizeBytes: z.number().int(),
  mime: z.string(),
  createdAt: isoDateTime,
});

export const scrap = z.object({
  id: uuid,
  stationId: uuid,
  farmer: farmerSummary,
  catalogBandId: z.string().nullable(),
  catalogYear: z.number().int(),
  item: z.string(),
  bandLabel: z.string(),
  variant: z.string().nullable(),
  paramValue: z.number().nullable(),
  maker: z.string(),
  model: z.string(),
  engineNo: z.string().nullable(),
  frameNo: z.string().nullable(),
  plateNo: z.string().nullable(),
  yearMade: z.number().int().nullable(),
  eligibility: z.enum(STORED_ELIGIBILITY),
  recyclerId: z.string().nullable(),
  recyclerName: z.string().nullable(),
  confirmFormNo: z.string().nullable(),
  handoverDate: isoDate.nullable(),
  dismantleDate: isoDate.nullable(),
  scrapFen: z.number().int(),
  scrapReplaceFen: z.number().int(),
  /** The live purchase that renews this machine (报废并更新), if any. */
  linkedPurchaseId: z.string().nullable(),
  photos: z.array(scrapPhoto),
  /** Set when the record was imported from the station's old Excel ledger: such records get no voucher. */
  ledgerSource: ledgerSource.nullable(),
  ...reviewState,
});
export type Scrap = z.output<typeof scrap>;

export const scrapListItem = z.object({
  id: uuid,
  /** Imported from a station's Excel ledger (历史台账导入): paid on paper, never given a voucher here. */
  fromLedger: z.boolean(),
  farmer: farmerSummary,
  item: z.string(),
  bandLabel: z.string(),
  maker: z.string(),
  model: z.string(),
  engineNo: z.string().nullable(),
  frameNo: z.string().nullable(),
  plateNo: z.string().nullable(),
  handoverDate: isoDate.nullable(),
  dismantleDate: isoDate.nullable(),
  scrapFen: z.number().int(),
  scrapReplaceFen: z.number().int(),
  linkedPurchaseId: z.string().nullable(),
  status,
  statusAt: isoDateTime,
  createdAt: isoDateTime,
  voidedAt: isoDateTime.nullable(),
});
export type ScrapListItem = z.output<typeof scrapListItem>;
export const scrapPage = cursorPageOf(scrapListItem);

export const scrapGetInput = z.strictObject({ id: uuid });

export const MAX_PHOTO_BYTES = 15 * 1024 * 1024;
export const addPhotoInput = z.strictObject({
  scrapId: uuid,
  kind: z.enum(PHOTO_KINDS),
  fileName: requiredText(120, '文件名'),
  mime: z.enum(['image/jpeg', 'image/png'], { error: '只接受 JPG 或 PNG 图片' }),
  base64: z
    .string()
    .min(1)
    .max(Math.ceil((MAX_PHOTO_BYTES * 4) / 3) + 4, '照片不能超过 15 MB'),
});
export const photoGetInput = z.strictObject({ id: uuid });
export const photoData = z.object({ id: uuid, mime: z.string(), base64: z.string(), sha256: z.string(), verified: z.boolean() });
