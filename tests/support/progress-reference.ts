/**
 * The progress statements as they were before migration 021 (one range of the 005 progress indexes, then a
 * temporary B-tree for GROUP BY), kept verbatim as the reference the index-ordered statements must equal
 * (tests/db/progress-reference.test.ts). Statuses and township codes are the callers' known lists.
 */
const quoted = (values: readonly string[]) => values.map((v) => `'${v}'`).join(', ');

const RENEWED = 'EXISTS (SELECT 1 FROM purchases x WHERE x.scrap_id = s.id AND x.voided_at IS NULL)';

export const referencePurchaseTotalsSql = (
  read: readonly string[],
) => `SELECT p.buyer_township_code AS township, p.status AS status, p.terminal_kind AS terminal, count(*) AS n,
    sum(p.purchase_fen) AS purchase_fen, sum(p.scrap_part_fen) AS scrap_fen, max(p.purchase_date) AS last_date,
    sum(p.purchase_date >= @recentFrom) AS recent
  FROM purchases p
  WHERE p.status IN (${quoted(read)}) AND p.purchase_date >= @start AND p.purchase_date < @end AND p.voided_at IS NULL
    AND (@township IS NULL OR p.buyer_township_code = @township)
  GROUP BY p.buyer_township_code, p.status, p.terminal_kind`;

export const referenceScrapTotalsSql = (
  read: readonly string[],
) => `SELECT s.buyer_township_code AS township, s.status AS status, 'none' AS terminal, count(*) AS n,
    0 AS purchase_fen, sum(CASE WHEN ${RENEWED} THEN 0 ELSE s.scrap_fen END) AS scrap_fen, max(s.handover_date) AS last_date,
    sum(s.handover_date >= @recentFrom) AS recent
  FROM scraps s
  WHERE s.status IN (${quoted(read)}) AND s.handover_date >= @start AND s.handover_date < @end AND s.voided_at IS NULL
    AND (@township IS NULL OR s.buyer_township_code = @township)
  GROUP BY s.buyer_township_code, s.status`;

export function referencePurchaseMonthItemSql(counted: readonly string[], townships: readonly string[]): string {
  return `SELECT substr(p.purchase_date, 6, 2) AS month, p.item AS item, p.terminal_kind AS terminal, count(*) AS n
    FROM purchases p
    WHERE p.status IN (${quoted(counted)}) AND p.purchase_date >= @start AND p.purchase_date < @end AND p.voided_at IS NULL
      AND p.buyer_township_code IN (${quoted(townships)})
    GROUP BY month, p.item, p.terminal_kind`;
}

export function referenceScrapMonthItemSql(counted: readonly string[], townships: readonly string[]): string {
  return `SELECT substr(s.handover_date, 6, 2) AS month, s.item AS item, 'none' AS terminal, count(*) AS n
    FROM scraps s
    WHERE s.status IN (${quoted(counted)}) AND s.handover_date >= @start AND s.handover_date < @end AND s.voided_at IS NULL
      AND s.buyer_township_code IN (${quoted(townships)})
    GROUP BY month, s.item`;
}

/** What migration 022's purchase_year_totals must hold: the live purchases counted from scratch. */
export const REFERENCE_YEAR_TOTALS_SQL = `SELECT substr(purchase_date, 1, 4) AS year, coalesce(buyer_township_code, '') AS township, status,
    terminal_kind AS terminal, count(*) AS n, sum(purchase_fen) AS purchase_fen, sum(scrap_part_fen) AS scrap_fen
  FROM purchases WHERE voided_at IS NULL GROUP BY 1, 2, 3, 4`;

/** Rows in a fixed order (the statements' own order is not part of their answer: every caller adds them up). */
export const canonical = <T>(rows: readonly T[]): string[] => rows.map((r) => JSON.stringify(r)).sort();
