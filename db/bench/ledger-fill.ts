/**
 * The generated county file carries purchases, scraps and farmers but no vouchers and almost no audit rows,
 * while a real county receives both from every station (both tables travel). `fillVouchersAndAudit` adds them
 * to a bench copy in bulk SQL, in the proportions a station writes them: a voucher per paid or published
 * purchase (a few voided), and an audit row per farmer, purchase, scrap, application step and voucher issued.
 */
import Database from 'better-sqlite3';

/** A random RFC 4122 version-4 UUID in SQL (the schemas check ids with z.uuid()). */
const SQL_UUID = `lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2) || '-' ||
  substr('89ab', 1 + (abs(random()) % 4), 1) || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6)))`;

export interface FillResult {
  vouchers: number;
  audit: number;
  seconds: number;
}

export function fillVouchersAndAudit(file: string): FillResult {
  const started = performance.now();
  const db = new Database(file);
  try {
    // a bulk load into a throw-away copy, as the generator writes it
    db.pragma('journal_mode = OFF');
    db.pragma('synchronous = OFF');
    db.pragma('cache_size = -400000');
    db.pragma('temp_store = MEMORY');
    const count = (t: string) => db.prepare(`SELECT count(*) FROM ${t}`).pluck().get() as number;
    // a prepared file (BENCH_COUNTY_FILE) may carry them already
    if (count('vouchers') > 0) return { vouchers: count('vouchers'), audit: count('audit_log'), seconds: 0 };
    const stationId = db.prepare('SELECT station_id FROM installation').pluck().get() as string;
    db.transaction(() => {
      // numbered per year in issue order, as a station's counter does; issued when the purchase was last moved on
      db.prepare(
        `INSERT INTO vouchers (id, station_id, number, year, seq, kind, application_id, farmer_id, issue_date, purchase_fen,
           scrap_fen, total_fen, check_code, signature, snapshot_json, print_count, last_printed_at, created_at, updated_at,
           voided_at, void_reason)
         SELECT ${SQL_UUID}, @stationId, 'GX-' || substr(buyer_township_code, -3) || '-' || y || '-' || printf('%06d', seq), y, seq,
           'purchase', id, farmer_id, substr(updated_at, 1, 10), purchase_fen, scrap_part_fen, purchase_fen + scrap_part_fen,
           upper(substr(hex(randomblob(4)), 1, 8)), substr(hex(randomblob(43)), 1, 86),
           json_object('title', '农机购置与应用补贴凭证', 'item', item, 'purchaseDate', purchase_date, 'note', hex(randomblob(60))),
           1, updated_at, updated_at, updated_at,
           CASE WHEN abs(random()) % 100 < 3 THEN updated_at END, NULL
         FROM (SELECT p.*, CAST(substr(p.updated_at, 1, 4) AS INTEGER) AS y,
                 row_number() OVER (PARTITION BY substr(p.updated_at, 1, 4) ORDER BY p.updated_at, p.id) AS seq
               FROM purchases p WHERE p.status IN ('paid', 'published'))`,
      ).run({ stationId });
      db.prepare("UPDATE vouchers SET void_reason = '信息有误，重新出具' WHERE voided_at IS NOT NULL").run();
      const audit = (select: string) =>
        db
          .prepare(
            `INSERT INTO audit_log (id, station_id, at, operator, method, entity, entity_id, before_json, after_json, user_id)
             SELECT ${SQL_UUID}, @stationId, at, '站长', method, entity, entity_id, before_json, after_json, NULL FROM (${select})`,
          )
          .run({ stationId });
      audit(`SELECT created_at AS at, 'farmers.create' AS method, 'farmer' AS entity, id AS entity_id, NULL AS before_json,
               json_object('name', name, 'townshipCode', township_code) AS after_json FROM farmers`);
      audit(`SELECT created_at AS at, 'purchases.create' AS method, 'purchase' AS entity, id AS entity_id, NULL AS before_json,
               json_object('item', item, 'priceFen', purchase_fen) AS after_json FROM purchases`);
      audit(`SELECT updated_at AS at, 'applications.transition' AS method, 'purchase' AS entity, id AS entity_id,
               json_object('status', 'verified') AS before_json, json_object('status', status) AS after_json
             FROM purchases WHERE status <> 'registered'`);
      audit(`SELECT created_at AS at, 'scraps.create' AS method, 'scrap' AS entity, id AS entity_id, NULL AS before_json,
               json_object('item', item) AS after_json FROM scraps`);
      audit(`SELECT created_at AS at, 'vouchers.issue' AS method, 'voucher' AS entity, id AS entity_id, NULL AS before_json,
               json_object('number', number, 'applicationId', application_id, 'totalFen', total_fen) AS after_json FROM vouchers`);
      audit(`SELECT voided_at AS at, 'vouchers.void' AS method, 'voucher' AS entity, id AS entity_id, NULL AS before_json,
               json_object('voidReason', void_reason) AS after_json FROM vouchers WHERE voided_at IS NOT NULL`);
    })();
    db.pragma('journal_mode = WAL');
    return { vouchers: count('vouchers'), audit: count('audit_log'), seconds: (performance.now() - started) / 1000 };
  } finally {
    db.close();
  }
}
