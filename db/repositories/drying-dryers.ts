import type { Database } from 'better-sqlite3';
import type { DryerKind, DryerStatus, HeatSource, RetirementPlan } from '../../shared/domain/drying-dryers';

export interface DryerRow {
  id: string;
  station_id: string;
  site_id: string;
  maker: string;
  model: string;
  kind: DryerKind;
  batch_t: number | null;
  daily_t: number | null;
  heat_source: HeatSource;
  year_installed: number | null;
  status: DryerStatus;
  notes: string | null;
  created_at: string;
  updated_at: string;
  voided_at: string | null;
  void_reason: string | null;
}

export interface RetirementRow {
  id: string;
  station_id: string;
  dryer_id: string;
  plan: RetirementPlan;
  planned_date: string;
  actual_date: string | null;
  new_heat_source: HeatSource | null;
  subsidy_fen: number | null;
  scrap_id: string | null;
  note: string | null;
  created_at: string;
  updated_at: string;
  voided_at: string | null;
  void_reason: string | null;
}

const DRYER_COLUMNS = `id, station_id, site_id, maker, model, kind, batch_t, daily_t, heat_source, year_installed, status, notes,
  created_at, updated_at, voided_at, void_reason`;

export function getDryer(db: Database, id: string): DryerRow | undefined {
  return db.prepare(`SELECT ${DRYER_COLUMNS} FROM dryers WHERE id = ?`).get(id) as DryerRow | undefined;
}

export function listDryersOfSites(db: Database, siteIds: readonly string[], includeVoided = false): DryerRow[] {
  if (!siteIds.length) return [];
  return db
    .prepare(
      `SELECT ${DRYER_COLUMNS} FROM dryers WHERE site_id IN (SELECT value FROM json_each(?)) ${includeVoided ? '' : 'AND voided_at IS NULL'}
       ORDER BY created_at, rowid`,
    )
    .all(JSON.stringify(siteIds)) as DryerRow[];
}

export function insertDryer(db: Database, row: DryerRow): void {
  db.prepare(
    `INSERT INTO dryers (${DRYER_COLUMNS}) VALUES (@id, @station_id, @site_id, @maker, @model, @kind, @batch_t, @daily_t, @heat_source,
      @year_installed, @status, @notes, @created_at, @updated_at, @voided_at, @void_reason)`,
  ).run(row);
}

export function updateDryer(db: Database, row: DryerRow): void {
  db.prepare(
    `UPDATE dryers SET maker = @maker, model = @model, kind = @kind, batch_t = @batch_t, daily_t = @daily_t, heat_source = @heat_source,
      year_installed = @year_installed, status = @status, notes = @notes, updated_at = @updated_at, voided_at = @voided_at,
      void_reason = @void_reason
     WHERE id = @id`,
  ).run(row);
}

const RETIREMENT_COLUMNS = `id, station_id, dryer_id, plan, planned_date, actual_date, new_heat_source, subsidy_fen, scrap_id, note,
  created_at, updated_at, voided_at, void_reason`;

export function liveRetirement(db: Database, dryerId: string): RetirementRow | undefined {
  return db.prepare(`SELECT ${RETIREMENT_COLUMNS} FROM dryer_retirements WHERE dryer_id = ? AND voided_at IS NULL`).get(dryerId) as
    RetirementRow | undefined;
}

/** The live retirements of these dryers, by dryer id. */
export function liveRetirementsOf(db: Database, dryerIds: readonly string[]): Map<string, RetirementRow> {
  if (!dryerIds.length) return new Map();
  const rows = db
    .prepare(`SELECT ${RETIREMENT_COLUMNS} FROM dryer_retirements WHERE voided_at IS NULL AND dryer_id IN (SELECT value FROM json_each(?))`)
    .all(JSON.stringify(dryerIds)) as RetirementRow[];
  return new Map(rows.map((r) => [r.dryer_id, r]));
}

/** The live retirement another dryer already links this 报废登记 to, if any. */
export function retirementByScrap(db: Database, scrapId: string, exceptDryerId: string): RetirementRow | undefined {
  return db
    .prepare(`SELECT ${RETIREMENT_COLUMNS} FROM dryer_retirements WHERE scrap_id = ? AND voided_at IS NULL AND dryer_id <> ?`)
    .get(scrapId, exceptDryerId) as RetirementRow | undefined;
}

export function insertRetirement(db: Database, row: RetirementRow): void {
  db.prepare(
    `INSERT INTO dryer_retirements (${RETIREMENT_COLUMNS}) VALUES (@id, @station_id, @dryer_id, @plan, @planned_date, @actual_date,
      @new_heat_source, @subsidy_fen, @scrap_id, @note, @created_at, @updated_at, @voided_at, @void_reason)`,
  ).run(row);
}

export function updateRetirement(db: Database, row: RetirementRow): void {
  db.prepare(
    `UPDATE dryer_retirements SET plan = @plan, planned_date = @planned_date, actual_date = @actual_date,
      new_heat_source = @new_heat_source, subsidy_fen = @subsidy_fen, scrap_id = @scrap_id, note = @note, updated_at = @updated_at,
      voided_at = @voided_at, void_reason = @void_reason
     WHERE id = @id`,
  ).run(row);
}

/** A 报废登记 as a retirement link shows it. */
export interface ScrapLinkRow {
  id: string;
  item: string;
  model: string;
  voided_at: string | null;
  status: string;
  farmer_name: string;
}

export function scrapForLink(db: Database, id: string): ScrapLinkRow | undefined {
  return db
    .prepare(
      `SELECT s.id, s.item, s.model, s.voided_at, s.status, f.name AS farmer_name
       FROM scraps s JOIN farmers f ON f.id = s.farmer_id WHERE s.id = ?`,
    )
    .get(id) as ScrapLinkRow | undefined;
}

/** Voids a site's live dryers and their live retirements (the site itself is voided by the caller). */
export function voidDryersOfSite(db: Database, siteId: string, reason: string, at: string): void {
  db.prepare(
    `UPDATE dryer_retirements SET voided_at = @at, void_reason = @reason, updated_at = @at
     WHERE voided_at IS NULL AND dryer_id IN (SELECT id FROM dryers WHERE site_id = @siteId AND voided_at IS NULL)`,
  ).run({ siteId, reason, at });
  db.prepare(
    'UPDATE dryers SET voided_at = @at, void_reason = @reason, updated_at = @at WHERE site_id = @siteId AND voided_at IS NULL',
  ).run({
    siteId,
    reason,
    at,
  });
}
