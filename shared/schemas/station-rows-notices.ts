import { z } from '../api/zod-locale';
import { date, fen, id, opt, text, travelling, ts } from './station-rows';

/** 公示, 异议 and 兑付 rows as the county reads them from a station's file (migration 009). */
const kind = z.enum(['scrap', 'purchase']);

export const noticeRow = z
  .object({
    ...travelling,
    year: z.number().int().min(2000).max(2100),
    seq: z.number().int().min(1),
    number: text(40),
    title: text(120),
    start_date: date,
    end_date: date,
    payable_from: date,
    objection_contact: text(200),
    operator: text(40),
    print_count: z.number().int().min(0),
  })
  .refine((r) => r.start_date < r.end_date && r.end_date < r.payable_from, { message: '公示期日期顺序不对', path: ['end_date'] });

export const noticeItemRow = z.object({
  ...travelling,
  notice_id: id,
  kind,
  application_id: id,
  line_no: z.number().int().min(1),
  total_fen: fen,
});

export const objectionRow = z.object({
  ...travelling,
  kind,
  application_id: id,
  notice_id: id,
  raised_by: text(40),
  raised_on: date,
  content: text(500),
  recorded_by: text(40),
  outcome: z.enum(['recheck', 'returned']).nullable(),
  outcome_note: opt(200),
  resolved_at: ts.nullable(),
  resolved_by: opt(40),
});

export const paymentRow = z
  .object({
    ...travelling,
    kind,
    application_id: id,
    notice_id: id,
    farmer_id: id,
    paid_on: date,
    approved_fen: fen,
    amount_fen: fen.refine((n) => n > 0),
    amount_reason: opt(200),
    account_kind: z.enum(['card', 'corporate']),
    account_name: text(60),
    account_no: z.string().regex(/^\d{8,30}$/),
    bank_name: text(40),
    finance_doc: text(40),
    operator: text(40),
  })
  .refine((r) => r.amount_fen <= r.approved_fen, { message: '实付金额超过核定补贴', path: ['amount_fen'] });
