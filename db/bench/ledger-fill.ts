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

/**
 * Drying sites and dryers at the scale of a province's merged records (the generated file has none): `sites`
 * sites over every township (most operating, some planned, building or overdue), two to three dryers each, a
 * third of them coal-fired with a retirement planned or done. For the drying dashboard's bench.
 */
export function fillDrying(file: string, sites = 5_000): { sites: number; dryers: number; seconds: number } {
  const started = performance.now();
  const db = new Database(file);
  try {
    const count = (t: string) => db.prepare(`SELECT count(*) FROM ${t}`).pluck().get() as number;
    if (count('drying_sites') > 0) return { sites: count('drying_sites'), dryers: count('dryers'), seconds: 0 };
    const stationId = db.prepare('SELECT station_id FROM installation').pluck().get() as string;
    db.transaction(() => {
      db.prepare(
        `INSERT INTO drying_sites (id, station_id, name, kind, township_code, village, stage, planned_on, building_on, built_on, operating_on,
           planned_completion, conformity, conformity_doc_no, investment_fen, subsidy_fen, area_served_mu, created_at, updated_at)
         SELECT ${SQL_UUID}, @stationId, '烘干点' || n, CASE WHEN n % 4 = 0 THEN 'centre' ELSE 'point' END, township_code, '示例村',
           stage, '2022-03-01', CASE WHEN stage <> 'planned' THEN '2022-05-01' END,
           CASE WHEN stage IN ('built', 'operating') THEN '2022-09-01' END, CASE WHEN stage = 'operating' THEN '2022-10-01' END,
           CASE WHEN stage IN ('planned', 'building', 'built') THEN CASE WHEN n % 2 = 0 THEN '2024-06-30' ELSE '2027-06-30' END END,
           CASE WHEN stage = 'planned' THEN 'pending' ELSE 'yes' END, CASE WHEN stage = 'planned' THEN NULL ELSE '国土规' || n END,
           100000000, 30000000, 5000, '2022-03-01T02:00:00.000Z', '2022-10-01T02:00:00.000Z'
         FROM (SELECT rowid AS n, township_code,
                 CASE rowid % 10 WHEN 0 THEN 'planned' WHEN 1 THEN 'building' WHEN 2 THEN 'built' ELSE 'operating' END AS stage
               FROM farmers WHERE rowid <= @sites)`,
      ).run({ stationId, sites });
      db.prepare(
        `INSERT INTO dryers (id, station_id, site_id, maker, model, kind, batch_t, daily_t, heat_source, year_installed, status, created_at, updated_at)
         SELECT ${SQL_UUID}, @stationId, s.id, '示例烘干机厂', '5HXG-' || (k * 10), 'batch', 10 + k * 5, NULL,
           CASE (s.rowid + k) % 3 WHEN 0 THEN 'coal' WHEN 1 THEN 'biomass' ELSE 'electric' END, 2015 + k, 'in_use', s.created_at, s.updated_at
         FROM drying_sites s JOIN (SELECT 1 AS k UNION ALL SELECT 2 UNION ALL SELECT 3) ON k <= 2 + s.rowid % 2`,
      ).run({ stationId });
      db.prepare(
        `INSERT INTO dryer_retirements (id, station_id, dryer_id, plan, planned_date, actual_date, new_heat_source, created_at, updated_at)
         SELECT ${SQL_UUID}, @stationId, id, CASE WHEN rowid % 2 = 0 THEN 'convert' ELSE 'scrap' END, '2025-09-30',
           CASE WHEN rowid % 3 = 0 THEN '2025-08-15' END, CASE WHEN rowid % 2 = 0 THEN 'gas' END, created_at, updated_at
         FROM dryers WHERE heat_source = 'coal' AND rowid % 5 <> 0`,
      ).run({ stationId });
    })();
    return { sites: count('drying_sites'), dryers: count('dryers'), seconds: (performance.now() - started) / 1000 };
  } finally {
    db.close();
  }
}
