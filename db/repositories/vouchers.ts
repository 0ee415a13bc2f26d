import type { Database } from 'better-sqlite3';
import type { PageRequest } from './keyset';
import { ledgerPage, pageStatements, type FilterSql, type LedgerPage, type PageStatements } from './ledger-page';
import { denseTextCount, voucherCandidates, voucherSearchText } from './voucher-candidates';
import { COUNT_BUDGET, sampledTotal, textSampleSql, type TextSample } from './bounded-count';

export interface VoucherRow {
  id: string;
  station_id: string;
  number: string;
  year: number;
  seq: number;
  kind: 'scrap' | 'purchase';
  application_id: string;
  farmer_id: string;
  issue_date: string;
  purchase_fen: number;
  scrap_fen: number;
  total_fen: number;
  check_code: string;
  /** Ed25519 by the station key (migration 012); null on vouchers issued before (HMAC check code). */
  signature: string | null;
  snapshot_json: string;
  print_count: number;
  last_printed_at: string | null;
  created_at: string;
  updated_at: string;
  voided_at: string | null;
  void_reason: string | null;
}

const COLUMNS = `id, station_id, number, year, seq, kind, application_id, farmer_id, issue_date, purchase_fen, scrap_fen,
  total_fen, check_code, signature, snapshot_json, print_count, last_printed_at, created_at, updated_at, voided_at, void_reason`;

/** The next number in a station's year, taken inside the issuing transaction: gapless, never reused. */
export function nextSeq(db: Database, stationId: string, year: number): number {
  const row = db
    .prepare(
      `INSERT INTO voucher_counters (station_id, year, last_seq) VALUES (?, ?, 1)
       ON CONFLICT (station_id, year) DO UPDATE SET last_seq = last_seq + 1 RETURNING last_seq`,
    )
    .get(stationId, year) as { last_seq: number };
  return row.last_seq;
}

export function insertVoucher(db: Database, row: VoucherRow): void {
  const names = COLUMNS.split(',').map((c) => `@${c.trim()}`);
  db.prepare(`INSERT INTO vouchers (${COLUMNS}) VALUES (${names.join(', ')})`).run(row);
}

export function getVoucher(db: Database, id: string): VoucherRow | undefined {
  return db.prepare(`SELECT ${COLUMNS} FROM vouchers WHERE id = ?`).get(id) as VoucherRow | undefined;
}

export function findByNumber(db: Database, number: string): VoucherRow | undefined {
  return db.prepare(`SELECT ${COLUMNS} FROM vouchers WHERE number = ? ORDER BY created_at DESC LIMIT 1`).get(number) as
    VoucherRow | undefined;
}

export function liveForApplication(db: Database, applicationId: string): VoucherRow | undefined {
  return db.prepare(`SELECT ${COLUMNS} FROM vouchers WHERE application_id = ? AND voided_at IS NULL`).get(applicationId) as
    VoucherRow | undefined;
}

export function voidVoucher(db: Database, id: string, reason: string, at: string): void {
  db.prepare('UPDATE vouchers SET voided_at = ?, void_reason = ?, updated_at = ? WHERE id = ?').run(at, reason, at, id);
}

export function recordPrint(db: Database, id: string, at: string): void {
  db.prepare('UPDATE vouchers SET print_count = print_count + 1, last_printed_at = ?, updated_at = ? WHERE id = ?').run(at, at, id);
}

/** Takes back the last counted print (未打印成功); last_printed_at stays: it is when the attempt was made. */
export function unrecordPrint(db: Database, id: string, at: string): void {
  db.prepare('UPDATE vouchers SET print_count = print_count - 1, updated_at = ? WHERE id = ? AND print_count > 0').run(at, id);
}

export interface VoucherFilter {
  q: string;
  year?: number;
  applicationId?: string;
  includeVoided: boolean;
}

/** Newest first; the order index (created_at, seq, id) of migration 011, or a year's (020), serves it. */
const VOUCHER_ORDER = { exprs: ['v.created_at', 'v.seq', 'v.id'], dir: 'DESC' as const };

const TEXT_TERM = "(v.number LIKE '%' || @q || '%' OR f.name LIKE '%' || @q || '%' OR f.name_initials GLOB lower(@q) || '*')";

function voucherFilterSql(f: VoucherFilter): FilterSql {
  const terms: string[] = [];
  if (f.year) terms.push('v.year = @year');
  if (f.applicationId) terms.push('v.application_id = @applicationId');
  if (!f.includeVoided) terms.push('v.voided_at IS NULL');
  if (f.q) terms.push(TEXT_TERM);
  const params = { year: f.year ?? null, applicationId: f.applicationId ?? null, q: voucherSearchText(f.q) };
  return { terms, order: VOUCHER_ORDER, params };
}

const VOUCHER_SELECT = 'SELECT v.*, f.name AS f_name, f.id_number AS f_id_number';
const VOUCHER_FROM = 'FROM vouchers v JOIN farmers f ON f.id = v.farmer_id';
/** Only the candidate rows (a JSON array of rowids, voucher-candidates.ts), read by rowid and then sorted. */
const CANDIDATES_FROM = 'FROM json_each(@_candidates) _c CROSS JOIN vouchers v ON v.rowid = _c.value JOIN farmers f ON f.id = v.farmer_id';
/** Without the search text no term reads the buyer, and every voucher has one (foreign key): count vouchers alone. */
const COUNT_FROM = 'FROM vouchers v';

interface VoucherPlan {
  sql: FilterSql;
  from: string;
  countFrom: string | undefined;
}

function plan(f: VoucherFilter, candidates: number[] | null): VoucherPlan {
  const sql = voucherFilterSql(f);
  if (candidates) return { sql: { ...sql, params: { ...sql.params, _candidates: JSON.stringify(candidates) } }, from: CANDIDATES_FROM, countFrom: undefined };
  if (!f.q) return { sql, from: VOUCHER_FROM, countFrom: COUNT_FROM };
  // dense text: the page walks the sort index with the buyer joined (matches come quickly); the count reads
  // vouchers alone, the buyers' side of the text as sets of farmer ids
  const dense = denseTextCount(String(sql.params.q));
  const countTerms = sql.terms.map((t) => (t === TEXT_TERM ? dense.term : t));
  return { sql: { ...sql, countTerms, params: { ...sql.params, ...dense.params } }, from: VOUCHER_FROM, countFrom: COUNT_FROM };
}

/** The sample statement of a dense search text's total (bounded-count.ts; query-plan tests read it too). */
export function voucherTextSample(f: VoucherFilter, budget = COUNT_BUDGET): { sql: string; params: Record<string, unknown> } {
  const sql = voucherFilterSql(f);
  const others = sql.terms.filter((t) => t !== TEXT_TERM);
  // number and buyer from vouchers_ledger_text (covering), the buyer's name by its key
  const inner = `SELECT v.number AS number, v.farmer_id AS farmer_id FROM vouchers v ${others.length ? `WHERE ${others.join(' AND ')}` : ''}`;
  const term = TEXT_TERM.replace('v.number', 's.number');
  return { sql: textSampleSql(inner, 'JOIN farmers f ON f.id = s.farmer_id', term, 'NULL', budget), params: sql.params };
}

/** A dense search text's total: exact, a lower bound, or null when it is rare among the sample (count exactly). */
function sampledTextTotal(db: Database, f: VoucherFilter, budget: number): { total: number; totalCapped: boolean } | null {
  const st = voucherTextSample(f, budget);
  return sampledTotal(db.prepare(st.sql).get(st.params) as TextSample, budget);
}

export function listVouchers(
  db: Database,
  f: VoucherFilter,
  page: PageRequest,
  /** Vouchers a dense text is checked on for its total; tests pass a small one. */
  countBudget = COUNT_BUDGET,
): LedgerPage<VoucherRow & { f_name: string; f_id_number: string }> {
  const candidates = voucherCandidates(db, f);
  const p = plan(f, candidates);
  const known = !candidates && f.q ? sampledTextTotal(db, f, countBudget) : null;
  return ledgerPage(db, VOUCHER_SELECT, p.from, p.sql, page, p.countFrom, known ?? undefined);
}

/** The statements `listVouchers` runs (query-plan tests); `candidates` as voucherCandidates found them. */
export const voucherPageStatements = (f: VoucherFilter, page: PageRequest, candidates: number[] | null = null): PageStatements => {
  const p = plan(f, candidates);
  return pageStatements(VOUCHER_SELECT, p.from, p.sql, page, p.countFrom);
};

/** The signing secret of the station that issued a voucher: this installation's own, for now. */
export function stationSecret(db: Database, stationId: string): string | undefined {
  const own = db.prepare('SELECT voucher_secret FROM installation WHERE station_id = ?').get(stationId) as
    { voucher_secret: string | null } | undefined;
  return own?.voucher_secret ?? undefined;
}
