import type { Database } from 'better-sqlite3';
import type { Kind } from './applications';

export interface PaymentRow {
  id: string;
  station_id: string;
  kind: Kind;
  application_id: string;
  notice_id: string;
  farmer_id: string;
  paid_on: string;
  approved_fen: number;
  amount_fen: number;
  amount_reason: string | null;
  account_kind: 'card' | 'corporate';
  account_name: string;
  account_no: string;
  bank_name: string;
  finance_doc: string;
  operator: string;
  created_at: string;
  updated_at: string;
  voided_at: string | null;
  void_reason: string | null;
}

export function insertPayment(db: Database, row: PaymentRow): void {
  db.prepare(
    `INSERT INTO payments (id, station_id, kind, application_id, notice_id, farmer_id, paid_on, approved_fen, amount_fen, amount_reason,
       account_kind, account_name, account_no, bank_name, finance_doc, operator, created_at, updated_at, voided_at, void_reason)
     VALUES (@id, @station_id, @kind, @application_id, @notice_id, @farmer_id, @paid_on, @approved_fen, @amount_fen, @amount_reason,
       @account_kind, @account_name, @account_no, @bank_name, @finance_doc, @operator, @created_at, @updated_at, @voided_at, @void_reason)`,
  ).run(row);
}

export function livePaymentOf(db: Database, applicationId: string): PaymentRow | undefined {
  return db.prepare('SELECT * FROM payments WHERE application_id = ? AND voided_at IS NULL').get(applicationId) as PaymentRow | undefined;
}
