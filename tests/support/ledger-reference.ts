import type Database from 'better-sqlite3';
import type { LedgerFilter } from '../../db/repositories/ledger-query';

/**
 * The ledger query as it was written before issue 16's plans (text through candidate rows, migration 018;
 * filters through the filter indexes, migration 019): a copy of ledgerSql's WHERE/ORDER BY building from
 * before them, run whole over a generated file. The new plans must return exactly these rows in this order.
 */
export function referenceIds(db: Database.Database, table: 'purchases' | 'scraps', filter: LedgerFilter): string[] {
  const dateExpr = table === 'purchases' ? 't.purchase_date' : 'COALESCE(t.handover_date, substr(t.created_at, 1, 10))';
  const amountExpr = table === 'purchases' ? 't.total_fen' : 't.scrap_fen';
  const numberCols =
    table === 'purchases' ? ['factory_no_norm', 'engine_no_norm', 'model_norm'] : ['engine_no_norm', 'frame_no_norm', 'plate_no_norm'];
  // --- copied from db/repositories/ledger-query.ts before migration 018 ---
  const parts: string[] = [];
  const params: Record<string, unknown> = {};
  if (filter.year && filter.sortBy === 'date') {
    parts.push(`${dateExpr} >= @yearStart AND ${dateExpr} < @yearEnd`);
    params.yearStart = `${filter.year}-01-01`;
    params.yearEnd = `${filter.year + 1}-01-01`;
  } else if (filter.year) {
    parts.push(`substr(${dateExpr}, 1, 4) = @yearText`);
    params.yearText = String(filter.year);
  }
  if (filter.farmerId) {
    parts.push('t.farmer_id = @farmerId');
    params.farmerId = filter.farmerId;
  }
  if (filter.townshipCode) {
    parts.push('t.buyer_township_code = @townshipCode');
    params.townshipCode = filter.townshipCode;
  }
  if (filter.status) {
    parts.push('+t.status = @status');
    params.status = filter.status;
  } else if (!filter.includeVoided) {
    parts.push('t.voided_at IS NULL');
  }
  if (filter.item) {
    parts.push('+t.item = @item');
    params.item = filter.item;
  }
  const q = filter.q.normalize('NFKC').trim();
  if (q) {
    const text = q.replace(/[\\%_]/g, (c) => `\\${c}`);
    const upper = q.replace(/[\s\-_/.·]/g, '').toUpperCase();
    const any = [
      "f.name LIKE '%' || @qText || '%' ESCAPE '\\'",
      "t.model LIKE '%' || @qText || '%' ESCAPE '\\'",
      "t.maker LIKE '%' || @qText || '%' ESCAPE '\\'",
      ...numberCols.map((c) => `t.${c} GLOB '*' || @qUpper || '*'`),
    ];
    if (/^[a-z]+$/i.test(q)) any.push("f.name_initials GLOB @qLower || '*'", "f.name_pinyin GLOB @qLower || '*'");
    if (/^\d{4,}X?$/i.test(upper)) any.push("f.id_number_rev GLOB @qRev || '*'");
    parts.push(`(${any.join(' OR ')})`);
    Object.assign(params, {
      qText: text,
      qUpper: upper.replace(/[*?[\]]/g, ''),
      qLower: q.toLowerCase(),
      qRev: [...upper].reverse().join(''),
    });
  }
  const exprs = {
    date: [dateExpr, 't.id'],
    createdAt: ['t.created_at', 't.id'],
    amount: [amountExpr, 't.id'],
    farmer: ['f.name_pinyin', 'f.id', 't.id'],
  }[filter.sortBy];
  const dir = filter.sortOrder === 'asc' ? 'ASC' : 'DESC';
  // --- end of the copy ---
  const where = parts.length ? `WHERE ${parts.join(' AND ')}` : '';
  const sql = `SELECT t.id FROM ${table} t JOIN farmers f ON f.id = t.farmer_id ${where} ORDER BY ${exprs.map((e) => `${e} ${dir}`).join(', ')}`;
  return db.prepare(sql).pluck().all(params) as string[];
}
