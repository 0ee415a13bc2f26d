import type { Database } from 'better-sqlite3';
import type { Conformity, SiteStage } from '../../shared/domain/drying-stages';

export interface SiteRow {
  id: string;
  station_id: string;
  name: string;
  kind: 'centre' | 'point';
  township_code: string;
  village: string;
  location: string | null;
  operator_id: string | null;
  stage: SiteStage;
  planned_on: string;
  building_on: string | null;
  built_on: string | null;
  operating_on: string | null;
  closed_on: string | null;
  planned_completion: string | null;
  conformity: Conformity;
  conformity_doc_no: string | null;
  investment_fen: number | null;
  subsidy_fen: number | null;
  area_served_mu: number | null;
  notes: string | null;
  created_at: string;
  updated_at: string;
  voided_at: string | null;
  void_reason: string | null;
}

export interface SiteEventRow {
  id: string;
  station_id: string;
  site_id: string;
  from_stage: SiteStage | null;
  to_stage: SiteStage;
  stage_date: string;
  at: string;
  operator: string;
  note: string | null;
  created_at: string;
  updated_at: string;
  voided_at: string | null;
  void_reason: string | null;
}

const SITE_COLUMNS = `id, station_id, name, kind, township_code, village, location, operator_id, stage, planned_on, building_on,
  built_on, operating_on, closed_on, planned_completion, conformity, conformity_doc_no, investment_fen, subsidy_fen,
  area_served_mu, notes, created_at, updated_at, voided_at, void_reason`;

export function getSite(db: Database, id: string): SiteRow | undefined {
  return db.prepare(`SELECT ${SITE_COLUMNS} FROM drying_sites WHERE id = ?`).get(id) as SiteRow | undefined;
}

export function insertSite(db: Database, row: SiteRow): void {
  db.prepare(
    `INSERT INTO drying_sites (${SITE_COLUMNS}) VALUES (@id, @station_id, @name, @kind, @township_code, @village, @location,
      @operator_id, @stage, @planned_on, @building_on, @built_on, @operating_on, @closed_on, @planned_completion, @conformity,
      @conformity_doc_no, @investment_fen, @subsidy_fen, @area_served_mu, @notes, @created_at, @updated_at, @voided_at, @void_reason)`,
  ).run(row);
}

/** Writes every column but the id, the station and the creation time (stage moves included). */
export function updateSite(db: Database, row: SiteRow): void {
  db.prepare(
    `UPDATE drying_sites SET name = @name, kind = @kind, township_code = @township_code, village = @village, location = @location,
      operator_id = @operator_id, stage = @stage, planned_on = @planned_on, building_on = @building_on, built_on = @built_on,
      operating_on = @operating_on, closed_on = @closed_on, planned_completion = @planned_completion, conformity = @conformity,
      conformity_doc_no = @conformity_doc_no, investment_fen = @investment_fen, subsidy_fen = @subsidy_fen,
      area_served_mu = @area_served_mu, notes = @notes, updated_at = @updated_at, voided_at = @voided_at, void_reason = @void_reason
     WHERE id = @id`,
  ).run(row);
}

export function insertSiteEvent(db: Database, row: SiteEventRow): void {
  db.prepare(
    `INSERT INTO drying_site_events (id, station_id, site_id, from_stage, to_stage, stage_date, at, operator, note, created_at,
      updated_at, voided_at, void_reason)
     VALUES (@id, @station_id, @site_id, @from_stage, @to_stage, @stage_date, @at, @operator, @note, @created_at, @updated_at,
      @voided_at, @void_reason)`,
  ).run(row);
}

export function listSiteEvents(db: Database, siteId: string): SiteEventRow[] {
  return db
    .prepare('SELECT * FROM drying_site_events WHERE site_id = ? AND voided_at IS NULL ORDER BY at, rowid')
    .all(siteId) as SiteEventRow[];
}

export interface SiteFilter {
  townshipCode?: string;
  stage?: SiteStage;
  kind?: 'centre' | 'point';
  /** Only sites past their planned completion and not 投产 (nor 停用) on `today`. */
  overdueOnly?: boolean;
  q?: string;
  includeVoided?: boolean;
  today: string;
}

function where(f: SiteFilter): { sql: string; params: Record<string, unknown> } {
  const all: string[] = [];
  if (!f.includeVoided) all.push('s.voided_at IS NULL');
  if (f.townshipCode) all.push('s.township_code = @townshipCode');
  if (f.stage) all.push('s.stage = @stage');
  if (f.kind) all.push('s.kind = @kind');
  if (f.overdueOnly) all.push("s.stage IN ('planned', 'building', 'built') AND s.planned_completion < @today");
  if (f.q)
    all.push(
      "(s.name LIKE '%' || @q || '%' ESCAPE '\\' OR s.village LIKE '%' || @q || '%' ESCAPE '\\' OR f.name LIKE '%' || @q || '%' ESCAPE '\\')",
    );
  return {
    sql: all.length ? `WHERE ${all.join(' AND ')}` : '',
    params: {
      townshipCode: f.townshipCode ?? null,
      stage: f.stage ?? null,
      kind: f.kind ?? null,
      today: f.today,
      q: f.q ? f.q.replace(/[\\%_]/g, (c) => `\\${c}`) : null,
    },
  };
}

export type SiteListRow = SiteRow & { operator_name: string | null };

const FROM = 'FROM drying_sites s LEFT JOIN farmers f ON f.id = s.operator_id';

/** One page, by township (code order), then name. */
export function listSites(db: Database, f: SiteFilter, limit: number, offset: number): { rows: SiteListRow[]; total: number } {
  const w = where(f);
  const rows = db
    .prepare(`SELECT s.*, f.name AS operator_name ${FROM} ${w.sql} ORDER BY s.township_code, s.name, s.id LIMIT @limit OFFSET @offset`)
    .all({ ...w.params, limit, offset }) as SiteListRow[];
  const { n } = db.prepare(`SELECT count(*) AS n ${FROM} ${w.sql}`).get(w.params) as { n: number };
  return { rows, total: n };
}

/** Every matching site, for exports and the dashboard (a county has tens of sites, not thousands). */
export function allSites(db: Database, f: SiteFilter): SiteListRow[] {
  const w = where(f);
  return db
    .prepare(`SELECT s.*, f.name AS operator_name ${FROM} ${w.sql} ORDER BY s.township_code, s.name, s.id`)
    .all(w.params) as SiteListRow[];
}
