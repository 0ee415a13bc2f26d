import { z } from '../api/zod-locale';
import { TOWNSHIP_CODES } from '../domain/townships';
import { isoDate, isoDateTime, optionalText, pageInput, pageOf, requiredText, uuid } from './common';
import { applicationKind } from './applications';
import { status } from './machines';

/** One application, by kind and id. */
export const applicationRef = z.strictObject({ kind: applicationKind, id: uuid });
export type ApplicationRef = z.output<typeof applicationRef>;

/** 公示 candidates: verified applications not yet on a live notice, by township and 核验 date. */
export const noticeCandidatesInput = z.strictObject({
  townshipCode: z.enum(TOWNSHIP_CODES).optional(),
  verifiedFrom: isoDate.optional(),
  verifiedTo: isoDate.optional(),
});

export const noticeCandidate = z.object({
  kind: applicationKind,
  id: uuid,
  farmerName: z.string(),
  townshipName: z.string(),
  village: z.string(),
  item: z.string(),
  model: z.string(),
  verifiedOn: isoDate,
  totalFen: z.number().int(),
  /** Published before (a corrected application): the notice it was on. */
  previousNotice: z.string().nullable(),
});
export type NoticeCandidate = z.output<typeof noticeCandidate>;
export const noticeCandidates = z.object({ items: z.array(noticeCandidate) });

export const noticeCreateInput = z.strictObject({
  items: z.array(applicationRef).min(1, '请至少选择一条已核验的申请').max(500, '一批公示最多500条'),
  /** The day the notice is posted; the period is the 5 working days after it. */
  startDate: isoDate,
  title: optionalText(80, '公示标题'),
});
export type NoticeCreateInput = z.input<typeof noticeCreateInput>;

/** One line of the public notice (DOMAIN §4's columns): the buyer's name masked, nothing personal beyond. */
export const noticeRow = z.object({
  lineNo: z.number().int(),
  kind: applicationKind,
  applicationId: uuid,
  county: z.string(),
  townshipName: z.string(),
  village: z.string(),
  buyerNameMasked: z.string(),
  item: z.string(),
  maker: z.string(),
  productName: z.string(),
  model: z.string(),
  quantity: z.number().int(),
  dealer: z.string(),
  purchaseDate: isoDate.nullable(),
  priceFen: z.number().int().nullable(),
  unitSubsidyFen: z.number().int(),
  totalFen: z.number().int(),
  factoryNo: z.string(),
  /** 状态 as printed: 公示中 / 已兑付 / 有异议 … */
  stateLabel: z.string(),
  status,
  objectionOpen: z.boolean(),
  paid: z.boolean(),
});
export type NoticeRow = z.output<typeof noticeRow>;

export const noticeSummary = z.object({
  id: uuid,
  number: z.string(),
  title: z.string(),
  startDate: isoDate,
  endDate: isoDate,
  payableFrom: isoDate,
  count: z.number().int(),
  totalFen: z.number().int(),
  openObjections: z.number().int(),
  paidCount: z.number().int(),
  /** 公示中 until the period ends, then 公示期满. */
  phase: z.enum(['running', 'ended']),
  printCount: z.number().int(),
  operator: z.string(),
  createdAt: isoDateTime,
});
export type NoticeSummary = z.output<typeof noticeSummary>;

export const notice = noticeSummary.extend({
  /** Today in China by the service's clock: what payability is judged against. */
  today: isoDate,
  unitName: z.string(),
  objectionContact: z.string(),
  rows: z.array(noticeRow),
});
export type Notice = z.output<typeof notice>;

export const noticeListInput = z.strictObject({ year: z.number().int().min(2000).max(2100).optional(), ...pageInput });
export const noticePage = pageOf(noticeSummary);
export const noticeGetInput = z.strictObject({ id: uuid });

/** Where to object (异议受理), as the notice prints it: the station's address and phone, kept in 设置. */
export const noticeContact = z.object({ address: z.string(), phone: z.string() });
export const noticeContactInput = z.strictObject({
  address: requiredText(80, '异议受理地址'),
  phone: requiredText(30, '异议受理电话').regex(/^[0-9()（）+\- ]{5,30}$/, '电话只能包含数字、括号、空格和“-”'),
});

export const objectionInput = z.discriminatedUnion('action', [
  z.strictObject({
    action: z.literal('raise'),
    kind: applicationKind,
    id: uuid,
    raisedBy: requiredText(40, '异议人'),
    raisedOn: isoDate,
    content: requiredText(500, '异议内容', '填写', true),
  }),
  z.strictObject({
    action: z.literal('resolve'),
    objectionId: uuid,
    /** recheck: back to 核验 (已受理); returned: 退回 with the outcome as the reason. */
    outcome: z.enum(['recheck', 'returned']),
    note: requiredText(200, '处理结果'),
  }),
]);
export type ObjectionInput = z.input<typeof objectionInput>;

export const objection = z.object({
  id: uuid,
  kind: applicationKind,
  applicationId: uuid,
  noticeId: uuid,
  noticeNumber: z.string(),
  raisedBy: z.string(),
  raisedOn: isoDate,
  content: z.string(),
  recordedBy: z.string(),
  outcome: z.enum(['recheck', 'returned']).nullable(),
  outcomeNote: z.string().nullable(),
  resolvedAt: isoDateTime.nullable(),
  resolvedBy: z.string().nullable(),
  createdAt: isoDateTime,
});
export type Objection = z.output<typeof objection>;

export const OBJECTION_OUTCOME_LABELS = { recheck: '退回重新核验', returned: '退回申请' } as const;

/** Where one application stands in 公示/兑付: its notice, whether it may be paid and why not, objections, payment. */
export const applicationNoticeInput = z.strictObject({ id: uuid });
export const applicationNoticeState = z.object({
  today: isoDate,
  notice: noticeSummary.nullable(),
  payable: z.boolean(),
  blocker: z.string().nullable(),
  approvedFen: z.number().int(),
  objections: z.array(objection),
});
