import type { Database } from 'better-sqlite3';
import type { Kind } from './applications';

export interface NoticeRow {
  id: string;
  station_id: string;
  year: number;
  seq: number;
  number: string;
  title: string;
  start_date: string;
  end_date: string;
  payable_from: string;
  objection_contact: string;
  operator: string;
  print_count: number;
  created_at: string;
  updated_at: string;
  voided_at: string | null;
  void_reason: string | null;
}

export interface NoticeItemRow {
  id: string;
  station_id: string;
  notice_id: string;
  kind: Kind;
  application_id: string;
  line_no: number;
  total_fen: number;
  created_at: string;
  updated_at: string;
  voided_at: string | null;
  void_reason: string | null;
}

export function nextNoticeSeq(db: Database, stationId: string, year: number): number {
  const row = db.prepare('SELECT coalesce(max(seq), 0) + 1 AS n FROM notices WHERE station_id = ? AND year = ?').get(stationId, year) as {
    n: number;
  };
  return row.n;
}

export function insertNotice(db: Database, row: NoticeRow): void {
  db.prepare(
    `INSERT INTO notices (id, station_id, year, seq, number, title, start_date, end_date, payable_from, objection_contact, operator,
       print_count, created_at, updated_at, voided_at, void_reason)
     VALUES (@id, @station_id, @year, @seq, @number, @title, @start_date, @end_date, @payable_from, @objection_contact, @operator,
       @print_count, @created_at, @updated_at, @voided_at, @void_reason)`,
  ).run(row);
}

export function insertNoticeItem(db: Database, row: NoticeItemRow): void {
  db.prepare(
    `INSERT INTO notice_items (id, station_id, notice_id, kind, application_id, line_no, total_fen, created_at, updated_at, voided_at, void_reason)
     VALUES (@id, @station_id, @notice_id, @kind, @application_id, @line_no, @total_fen, @created_at, @updated_at, @voided_at, @void_reason)`,
  ).run(row);
}

export function getNotice(db: Database, id: string): NoticeRow | undefined {
  return db.prepare('SELECT * FROM notices WHERE id = ?').get(id) as NoticeRow | undefined;
}

export function recordNoticePrint(db: Database, id: string, at: string): void {
  db.prepare('UPDATE notices SET print_count = print_count + 1, updated_at = ? WHERE id = ?').run(at, id);
}

export function noticeItems(db: Database, noticeId: string): NoticeItemRow[] {
  return db
    .prepare('SELECT * FROM notice_items WHERE notice_id = ? AND voided_at IS NULL ORDER BY line_no')
    .all(noticeId) as NoticeItemRow[];
}

/** The live notice an application was last published on (a re-published application has a newer one). */
export function latestNoticeOf(db: Database, applicationId: string): (NoticeRow & { item_id: string }) | undefined {
  return db
    .prepare(
      `SELECT n.*, i.id AS item_id FROM notice_items i JOIN notices n ON n.id = i.notice_id
       WHERE i.application_id = ? AND i.voided_at IS NULL AND n.voided_at IS NULL
       ORDER BY n.start_date DESC, n.created_at DESC LIMIT 1`,
    )
    .get(applicationId) as (NoticeRow & { item_id: string }) | undefined;
}

export interface NoticeListRow extends NoticeRow {
  count: number;
  total_fen: number;
  open_objections: number;
  paid_count: number;
}

const LIST_SELECT = `SELECT n.*,
    (SELECT count(*) FROM notice_items i WHERE i.notice_id = n.id AND i.voided_at IS NULL) AS count,
    (SELECT coalesce(sum(i.total_fen), 0) FROM notice_items i WHERE i.notice_id = n.id AND i.voided_at IS NULL) AS total_fen,
    (SELECT count(*) FROM objections o WHERE o.notice_id = n.id AND o.outcome IS NULL AND o.voided_at IS NULL) AS open_objections,
    (SELECT count(*) FROM payments p WHERE p.notice_id = n.id AND p.voided_at IS NULL) AS paid_count
  FROM notices n`;

export function listNotices(
  db: Database,
  q: { stationId: string; year?: number; limit: number; offset: number },
): { rows: NoticeListRow[]; total: number } {
  const where = `WHERE n.station_id = @stationId AND n.voided_at IS NULL ${q.year ? 'AND n.year = @year' : ''}`;
  const params = { stationId: q.stationId, year: q.year ?? null, limit: q.limit, offset: q.offset };
  const rows = db
    .prepare(`${LIST_SELECT} ${where} ORDER BY n.year DESC, n.seq DESC LIMIT @limit OFFSET @offset`)
    .all(params) as NoticeListRow[];
  const total = (db.prepare(`SELECT count(*) AS n FROM notices n ${where}`).get(params) as { n: number }).n;
  return { rows, total };
}

export function noticeSummaryRow(db: Database, id: string): NoticeListRow | undefined {
  return db.prepare(`${LIST_SELECT} WHERE n.id = ?`).get(id) as NoticeListRow | undefined;
}

/** What the notice prints about one application, from its current record. */
export interface NoticeLineSource {
  kind: Kind;
  application_id: string;
  line_no: number;
  total_fen: number;
  status: string;
  f_name: string;
  f_kind: string;
  f_township_code: string;
  f_village: string;
  item: string;
  maker: string;
  product_name: string | null;
  model: string;
  dealer_name: string | null;
  purchase_date: string | null;
  price_fen: number | null;
  factory_no: string | null;
}

export function noticeLines(db: Database, noticeId: string): NoticeLineSource[] {
  return db
    .prepare(
      `SELECT i.kind, i.application_id, i.line_no, i.total_fen,
         coalesce(p.status, s.status) AS status,
         f.name AS f_name, f.kind AS f_kind, f.township_code AS f_township_code, f.village AS f_village,
         coalesce(p.item, s.item) AS item, coalesce(p.maker, s.maker) AS maker, p.product_name,
         coalesce(p.model, s.model) AS model,
         (SELECT d.name FROM partners d WHERE d.id = p.dealer_id) AS dealer_name,
         p.purchase_date, p.price_fen, coalesce(p.factory_no, s.frame_no) AS factory_no
       FROM notice_items i
       LEFT JOIN purchases p ON i.kind = 'purchase' AND p.id = i.application_id
       LEFT JOIN scraps s ON i.kind = 'scrap' AND s.id = i.application_id
       JOIN farmers f ON f.id = coalesce(p.farmer_id, s.farmer_id)
       WHERE i.notice_id = ? AND i.voided_at IS NULL ORDER BY i.line_no`,
    )
    .all(noticeId) as NoticeLineSource[];
}

/** Applications of a station ready for 公示 (not renewed-scrap followers), with their 核验 time and last notice. */
export interface CandidateRow {
  kind: Kind;
  id: string;
  farmer_id: string;
  item: string;
  model: string;
  status_at: string;
  total_fen: number;
  f_township_code: string;
  previous_notice: string | null;
}

export function verifiedApplications(db: Database, stationId: string, townshipCode?: string): CandidateRow[] {
  const prev = (t: string) =>
    `(SELECT n.number FROM notice_items i JOIN notices n ON n.id = i.notice_id WHERE i.application_id = ${t}.id AND i.voided_at IS NULL
      ORDER BY n.start_date DESC LIMIT 1) AS previous_notice`;
  const town = townshipCode ? 'AND f.township_code = @townshipCode' : '';
  // verified, or published before notices existed (migration 009) and so on no notice yet
  const ready = (t: string) =>
    `(${t}.status = 'verified' OR (${t}.status = 'published' AND NOT EXISTS (SELECT 1 FROM notice_items i WHERE i.application_id = ${t}.id AND i.voided_at IS NULL)))`;
  return db
    .prepare(
      `SELECT 'purchase' AS kind, p.id, p.farmer_id, p.item, p.model, p.status_at, p.total_fen, f.township_code AS f_township_code, ${prev('p')}
       FROM purchases p JOIN farmers f ON f.id = p.farmer_id
       WHERE p.station_id = @stationId AND ${ready('p')} ${town}
       UNION ALL
       SELECT 'scrap' AS kind, s.id, s.farmer_id, s.item, s.model, s.status_at, s.scrap_fen AS total_fen, f.township_code, ${prev('s')}
       FROM scraps s JOIN farmers f ON f.id = s.farmer_id
       WHERE s.station_id = @stationId AND ${ready('s')} ${town}
         AND NOT EXISTS (SELECT 1 FROM purchases p WHERE p.scrap_id = s.id AND p.voided_at IS NULL)
       ORDER BY status_at`,
    )
    .all({ stationId, townshipCode: townshipCode ?? null }) as CandidateRow[];
}
