import type { Database, Statement } from 'better-sqlite3';

/**
 * Raw rows for generated files (the benchmark's 1M-record county file, the progress test fixture): only the
 * columns the schema requires, with plausible filler. Written straight to SQLite (no services, no audit) so that
 * millions of rows go in within seconds; the services' own tests cover the real write path.
 */
export interface RawFarmer {
  id: string;
  stationId: string;
  townshipCode: string;
  name: string;
  idNumber: string;
  at: string;
  /** Pinyin keys and phone as the services derive them; absent, fixed filler ('nonghu', 'nh', 13800000000). */
  namePinyin?: string;
  nameInitials?: string;
  phone?: string;
}

export interface RawScrap {
  id: string;
  stationId: string;
  farmerId: string;
  item: string;
  handoverDate: string | null;
  scrapFen: number;
  status: string;
  at: string;
  /** When the record last changed (status_at, updated_at); absent, `at`. */
  updatedAt?: string;
  /** The buyer's township as a loader would copy it; absent, the triggers of migration 005 derive it. */
  buyerTownshipCode?: string;
}

export interface RawPurchase {
  id: string;
  stationId: string;
  farmerId: string;
  item: string;
  purchaseDate: string;
  terminalKind: 'none' | 'beidou' | 'monitor';
  purchaseFen: number;
  scrapPartFen: number;
  scrapId: string | null;
  status: string;
  at: string;
  updatedAt?: string;
  /** As for RawScrap. */
  buyerTownshipCode?: string;
}

export interface RowWriter {
  farmer(f: RawFarmer): void;
  scrap(s: RawScrap): void;
  purchase(p: RawPurchase): void;
}

const voided = (status: string, at: string) =>
  status === 'voided' ? { voided_at: at, void_reason: '生成数据：作废' } : { voided_at: null, void_reason: null };

export function rowWriter(db: Database): RowWriter {
  const farmer: Statement = db.prepare(
    `INSERT INTO farmers (id, station_id, kind, name, name_pinyin, name_initials, id_number, id_number_rev, phone, township_code, village,
       created_at, updated_at)
     VALUES (@id, @station_id, 'individual', @name, @name_pinyin, @name_initials, @id_number, @id_number_rev, @phone, @township_code, '示例村',
       @at, @at)`,
  );
  const scrap: Statement = db.prepare(
    `INSERT INTO scraps (id, station_id, farmer_id, catalog_year, item, band_label, maker, model, engine_no, engine_no_norm, eligibility,
       confirm_form_no, handover_date, dismantle_date, scrap_fen, scrap_replace_fen, status, status_at, created_at, updated_at, voided_at, void_reason,
       buyer_township_code)
     VALUES (@id, @station_id, @farmer_id, 2025, @item, '示例档', '示例厂', 'X-1', @engine_no, @engine_no, 'past_age',
       @form_no, @handover_date, @handover_date, @scrap_fen, @scrap_fen, @status, @updated_at, @at, @updated_at, @voided_at, @void_reason, @township)`,
  );
  const purchase: Statement = db.prepare(
    `INSERT INTO purchases (id, station_id, farmer_id, catalog_year, category, item, band_label, maker, product_name, model, model_norm,
       factory_no, factory_no_norm, invoice_no, invoice_date, price_fen, purchase_date, terminal_kind, terminal_id, scrap_id,
       purchase_fen, scrap_part_fen, total_fen, status, status_at, created_at, updated_at, voided_at, void_reason, buyer_township_code)
     VALUES (@id, @station_id, @farmer_id, 2025, '示例大类', @item, '示例档', '示例厂', @item, 'M-1', 'M1',
       @factory_no, @factory_no, 'INV', @purchase_date, 10000000, @purchase_date, @terminal_kind, @terminal_id, @scrap_id,
       @purchase_fen, @scrap_part_fen, @total_fen, @status, @updated_at, @at, @updated_at, @voided_at, @void_reason, @township)`,
  );
  return {
    farmer: (f) =>
      farmer.run({
        id: f.id,
        station_id: f.stationId,
        name: f.name,
        id_number: f.idNumber,
        id_number_rev: [...f.idNumber].reverse().join(''),
        township_code: f.townshipCode,
        name_pinyin: f.namePinyin ?? 'nonghu',
        name_initials: f.nameInitials ?? 'nh',
        phone: f.phone ?? '13800000000',
        at: f.at,
      }),
    scrap: (s) =>
      scrap.run({
        id: s.id,
        station_id: s.stationId,
        farmer_id: s.farmerId,
        item: s.item,
        engine_no: `E${s.id.slice(0, 12)}`,
        form_no: s.handoverDate ? `F${s.id.slice(0, 8)}` : null,
        handover_date: s.handoverDate,
        scrap_fen: s.scrapFen,
        status: s.status,
        at: s.at,
        updated_at: s.updatedAt ?? s.at,
        township: s.buyerTownshipCode ?? null,
        ...voided(s.status, s.updatedAt ?? s.at),
      }),
    purchase: (p) =>
      purchase.run({
        id: p.id,
        station_id: p.stationId,
        farmer_id: p.farmerId,
        item: p.item,
        factory_no: `S${p.id.slice(0, 13)}`,
        purchase_date: p.purchaseDate,
        terminal_kind: p.terminalKind,
        terminal_id: p.terminalKind === 'none' ? null : `T${p.id.slice(0, 8)}`,
        scrap_id: p.scrapId,
        purchase_fen: p.purchaseFen,
        scrap_part_fen: p.scrapPartFen,
        total_fen: p.purchaseFen + p.scrapPartFen,
        status: p.status,
        at: p.at,
        updated_at: p.updatedAt ?? p.at,
        township: p.buyerTownshipCode ?? null,
        ...voided(p.status, p.updatedAt ?? p.at),
      }),
  };
}

/** A small deterministic random source (mulberry32), so a seed gives the same file every time. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}
