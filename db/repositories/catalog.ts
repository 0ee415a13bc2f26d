import type { Database } from 'better-sqlite3';
import type { BandParam } from '../../shared/schemas/catalog';

export interface CatalogVersionRow {
  id: string;
  year: number;
  title: string;
  source: string;
  is_sample: 0 | 1;
  file_name: string | null;
  imported_at: string;
  imported_by: string;
  superseded_at: string | null;
}

/** A version with the number of its bands, as lists show it. */
export interface CatalogVersionListRow extends CatalogVersionRow {
  band_count: number;
}

export interface CatalogBandRow {
  id: string;
  version_id: string;
  year: number;
  sort: number;
  category: string;
  subcategory: string;
  item: string;
  item_pinyin: string;
  item_initials: string;
  band_label: string;
  variant: string | null;
  param: BandParam;
  lower: number | null;
  lower_inclusive: 0 | 1;
  upper: number | null;
  upper_inclusive: 0 | 1;
  purchase_fen: number | null;
  scrap_fen: number | null;
  scrap_replace_fen: number | null;
  cap_fen: number | null;
  cap_percent: number | null;
  price_low_fen: number | null;
  price_high_fen: number | null;
  scrap_scope: 0 | 1;
}

const VERSION_COLUMNS = 'id, year, title, source, is_sample, file_name, imported_at, imported_by, superseded_at';
const VERSION_WITH_COUNT = `SELECT ${VERSION_COLUMNS.split(', ')
  .map((c) => `v.${c}`)
  .join(', ')}, (SELECT count(*) FROM catalog_bands b WHERE b.version_id = v.id) AS band_count FROM catalog_versions v`;

const BAND_COLUMNS = `id, version_id, year, sort, category, subcategory, item, item_pinyin, item_initials, band_label, variant,
  param, lower, lower_inclusive, upper, upper_inclusive, purchase_fen, scrap_fen, scrap_replace_fen, cap_fen, cap_percent,
  price_low_fen, price_high_fen, scrap_scope`;

/** Every version, newest year first; within a year the live one, then the most recently imported. */
export function listVersions(db: Database): CatalogVersionListRow[] {
  return db
    .prepare(`${VERSION_WITH_COUNT} ORDER BY v.year DESC, v.superseded_at IS NULL DESC, v.imported_at DESC, v.rowid DESC`)
    .all() as CatalogVersionListRow[];
}

export function getVersion(db: Database, id: string): CatalogVersionListRow | undefined {
  return db.prepare(`${VERSION_WITH_COUNT} WHERE v.id = ?`).get(id) as CatalogVersionListRow | undefined;
}

/** The year's live (not superseded) version. */
export function getLiveVersion(db: Database, year: number): CatalogVersionListRow | undefined {
  return db.prepare(`${VERSION_WITH_COUNT} WHERE v.year = ? AND v.superseded_at IS NULL`).get(year) as CatalogVersionListRow | undefined;
}

/** The catalogue in force for a year: its own live version, else the newest live one before it. */
export function getVersionInForce(db: Database, year: number): CatalogVersionListRow | undefined {
  return db.prepare(`${VERSION_WITH_COUNT} WHERE v.superseded_at IS NULL AND v.year <= ? ORDER BY v.year DESC LIMIT 1`).get(year) as
    | CatalogVersionListRow
    | undefined;
}

/** The live version of the latest year that has one. */
export function getLatestLiveVersion(db: Database): CatalogVersionListRow | undefined {
  return db.prepare(`${VERSION_WITH_COUNT} WHERE v.superseded_at IS NULL ORDER BY v.year DESC LIMIT 1`).get() as
    CatalogVersionListRow | undefined;
}

export function insertVersion(db: Database, row: CatalogVersionRow): void {
  db.prepare(
    `INSERT INTO catalog_versions (${VERSION_COLUMNS})
     VALUES (@id, @year, @title, @source, @is_sample, @file_name, @imported_at, @imported_by, @superseded_at)`,
  ).run(row);
}

export function supersedeVersion(db: Database, id: string, at: string): void {
  db.prepare('UPDATE catalog_versions SET superseded_at = ? WHERE id = ? AND superseded_at IS NULL').run(at, id);
}

export function insertBands(db: Database, rows: readonly CatalogBandRow[]): void {
  const insert = db.prepare(
    `INSERT INTO catalog_bands (${BAND_COLUMNS})
     VALUES (@id, @version_id, @year, @sort, @category, @subcategory, @item, @item_pinyin, @item_initials, @band_label, @variant,
       @param, @lower, @lower_inclusive, @upper, @upper_inclusive, @purchase_fen, @scrap_fen, @scrap_replace_fen, @cap_fen,
       @cap_percent, @price_low_fen, @price_high_fen, @scrap_scope)`,
  );
  for (const row of rows) insert.run(row);
}

/** How the catalogue page narrows a version's bands; built by the service from the search box. */
export interface BandFilter {
  /** Lowercase letters: a substring of the item's full pinyin or of its initials. */
  pinyin?: string;
  /** A substring of the item name (LIKE, already escaped). */
  nameLike?: string;
  scrapScope?: boolean;
}

/** A version's bands in file order, optionally narrowed to matching items. */
export function listBands(db: Database, versionId: string, f: BandFilter = {}): CatalogBandRow[] {
  const where = ['version_id = @versionId'];
  const any: string[] = [];
  if (f.pinyin) any.push("item_initials GLOB '*' || @pinyin || '*'", "item_pinyin GLOB '*' || @pinyin || '*'");
  if (f.nameLike) any.push("item LIKE '%' || @nameLike || '%' ESCAPE '\\'");
  if (any.length) where.push(`(${any.join(' OR ')})`);
  if (f.scrapScope !== undefined) where.push('scrap_scope = @scrapScope');
  return db.prepare(`SELECT ${BAND_COLUMNS} FROM catalog_bands WHERE ${where.join(' AND ')} ORDER BY sort`).all({
    versionId,
    pinyin: f.pinyin ?? null,
    nameLike: f.nameLike ?? null,
    scrapScope: f.scrapScope === undefined ? null : f.scrapScope ? 1 : 0,
  }) as CatalogBandRow[];
}

/** The bands of one item of a version, in file order. */
export function bandsOfItem(db: Database, versionId: string, item: string): CatalogBandRow[] {
  return db
    .prepare(`SELECT ${BAND_COLUMNS} FROM catalog_bands WHERE version_id = ? AND item = ? ORDER BY sort`)
    .all(versionId, item) as CatalogBandRow[];
}

/** One band by id, whether its version is live or superseded. */
export function getBand(db: Database, id: string): CatalogBandRow | undefined {
  return db.prepare(`SELECT ${BAND_COLUMNS} FROM catalog_bands WHERE id = ?`).get(id) as CatalogBandRow | undefined;
}
