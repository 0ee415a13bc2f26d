import { AppError } from '../../shared/api/errors';
import { pickBand } from '../../shared/domain/bands';
import { nameSearchKeys, normalizeSearchQuery } from '../../shared/domain/pinyin';
import type { CatalogBand, CatalogBandValues, CatalogVersion } from '../../shared/schemas/catalog';
import type { CatalogBandWithVersion, CatalogList, CatalogPickBandResult } from '../../shared/schemas/catalog-api';
import { isoNow, type ServiceContext } from '../context';
import * as repo from '../repositories/catalog';
import type { BandFilter, CatalogBandRow, CatalogVersionListRow } from '../repositories/catalog';
import type { InstallationRow } from '../repositories/installation';
import { writeAudit } from './audit';

const ENTITY = 'catalog_version';

export function toVersion(r: CatalogVersionListRow): CatalogVersion {
  return {
    id: r.id,
    year: r.year,
    title: r.title,
    source: r.source,
    isSample: r.is_sample === 1,
    fileName: r.file_name,
    bandCount: r.band_count,
    importedAt: r.imported_at,
    importedBy: r.imported_by,
    supersededAt: r.superseded_at,
  };
}

export function toBand(r: CatalogBandRow): CatalogBand {
  return {
    id: r.id,
    versionId: r.version_id,
    year: r.year,
    category: r.category,
    subcategory: r.subcategory,
    item: r.item,
    bandLabel: r.band_label,
    variant: r.variant,
    param: r.param,
    lower: r.lower,
    lowerInclusive: r.lower_inclusive === 1,
    upper: r.upper,
    upperInclusive: r.upper_inclusive === 1,
    purchaseFen: r.purchase_fen,
    scrapFen: r.scrap_fen,
    scrapReplaceFen: r.scrap_replace_fen,
    capFen: r.cap_fen,
    capPercent: r.cap_percent,
    priceLowFen: r.price_low_fen,
    priceHighFen: r.price_high_fen,
    scrapScope: r.scrap_scope === 1,
  };
}

/** Groups bands by item, items in order of first appearance, bands in file order within an item. */
function groupedByItem(rows: CatalogBandRow[]): CatalogBandRow[] {
  const groups = new Map<string, CatalogBandRow[]>();
  for (const r of rows) {
    const group = groups.get(r.item);
    if (group) group.push(r);
    else groups.set(r.item, [r]);
  }
  return [...groups.values()].flat();
}

/** Reads the search box: letters search pinyin (full or initials, anywhere in the name), anything else the name. */
export function parseCatalogQuery(q: string): BandFilter {
  const n = normalizeSearchQuery(q);
  if (!n.text) return {};
  const compact = n.lower.replace(/\s+/g, '');
  if (/^[a-z]+$/.test(compact)) return { pinyin: compact };
  return { nameLike: n.text.replace(/[\\%_]/g, (c) => `\\${c}`) };
}

function resolveVersion(ctx: ServiceContext, input: { year?: number; inForceFor?: number; versionId?: string }): CatalogVersionListRow | undefined {
  if (input.versionId) {
    const v = repo.getVersion(ctx.db, input.versionId);
    if (!v) throw new AppError('NOT_FOUND', '未找到该版本的补贴额一览表');
    if (input.year !== undefined && v.year !== input.year)
      throw new AppError('VALIDATION', `该版本属于 ${v.year} 年，不是 ${input.year} 年`);
    return v;
  }
  if (input.year !== undefined) return repo.getLiveVersion(ctx.db, input.year);
  if (input.inForceFor !== undefined) return repo.getVersionInForce(ctx.db, input.inForceFor);
  return repo.getLatestLiveVersion(ctx.db);
}

export function listCatalog(
  ctx: ServiceContext,
  input: { year?: number; inForceFor?: number; versionId?: string; q: string; scrapScope?: boolean },
): CatalogList {
  const version = resolveVersion(ctx, input);
  const versions = repo.listVersions(ctx.db).map(toVersion);
  if (!version) return { version: null, versions, bands: [] };
  const rows = repo.listBands(ctx.db, version.id, { ...parseCatalogQuery(input.q), scrapScope: input.scrapScope });
  return { version: toVersion(version), versions, bands: groupedByItem(rows).map(toBand) };
}

/** The year's live catalogue, or NOT_FOUND naming the year. */
export function requireLiveVersion(ctx: ServiceContext, year: number): CatalogVersionListRow {
  const version = repo.getLiveVersion(ctx.db, year);
  if (!version) throw new AppError('NOT_FOUND', `没有 ${year} 年的补贴额一览表，请先在“补贴额一览表”中导入`);
  return version;
}

/**
 * The catalogue in force for a machine bought or scrapped in `year`: that year's own, else the newest
 * earlier one (a new year's table is often published months in), else NOT_FOUND.
 */
export function versionInForce(ctx: ServiceContext, year: number): CatalogVersionListRow {
  const version = repo.getVersionInForce(ctx.db, year);
  if (!version) throw new AppError('NOT_FOUND', `没有 ${year} 年或更早的补贴额一览表，请先在“补贴额一览表”中导入`);
  return version;
}

/**
 * The band a machine falls in (shared/domain/bands.ts pickBand) in the catalogue in force for its
 * year, with all of the item's bands. The forms preview with this; scraps and purchases freeze it.
 */
export function pickCatalogBand(
  ctx: ServiceContext,
  input: { year: number; item: string; value: number | null; variant?: string | null },
): CatalogPickBandResult {
  const version = versionInForce(ctx, input.year);
  const candidates = repo.bandsOfItem(ctx.db, version.id, input.item).map(toBand);
  const variant = input.variant ? input.variant : null;
  return { band: pickBand(candidates, input.value, variant) ?? null, candidates, catalogYear: version.year };
}

/** Any band by id, live or superseded: records keep showing the band they were computed with. */
export function getCatalogBand(ctx: ServiceContext, id: string): CatalogBandWithVersion {
  const band = repo.getBand(ctx.db, id);
  if (!band) throw new AppError('NOT_FOUND', '未找到该补贴档次');
  const version = repo.getVersion(ctx.db, band.version_id);
  if (!version) throw new AppError('NOT_FOUND', '未找到该补贴档次所属的目录版本');
  return { band: toBand(band), version: toVersion(version) };
}

export function bandRow(ctx: ServiceContext, versionId: string, year: number, sort: number, b: CatalogBandValues): CatalogBandRow {
  const keys = nameSearchKeys(b.item);
  return {
    id: ctx.newId(),
    version_id: versionId,
    year,
    sort,
    category: b.category,
    subcategory: b.subcategory,
    item: b.item,
    item_pinyin: keys.full,
    item_initials: keys.initials,
    band_label: b.bandLabel,
    variant: b.variant,
    param: b.param,
    lower: b.lower,
    lower_inclusive: b.lowerInclusive ? 1 : 0,
    upper: b.upper,
    upper_inclusive: b.upperInclusive ? 1 : 0,
    purchase_fen: b.purchaseFen,
    scrap_fen: b.scrapFen,
    scrap_replace_fen: b.scrapReplaceFen,
    cap_fen: b.capFen,
    cap_percent: b.capPercent,
    price_low_fen: b.priceLowFen,
    price_high_fen: b.priceHighFen,
    scrap_scope: b.scrapScope ? 1 : 0,
  };
}

export interface NewCatalogVersion {
  year: number;
  title: string;
  source: string;
  isSample: boolean;
  fileName: string | null;
  bands: readonly CatalogBandValues[];
  /** The method named in the audit log; null when the caller's own audit row covers it (the sample seeded by settings.setup). */
  method: string | null;
}

/**
 * Makes `v` the year's live catalogue: the previous live version gets superseded_at (its bands stay,
 * so earlier records keep their amounts), the new version and its bands are inserted, and the change
 * is audited (unless `method` is null). Call it inside the caller's transaction.
 */
export function writeCatalogVersion(
  ctx: ServiceContext,
  installation: InstallationRow,
  v: NewCatalogVersion,
): { version: CatalogVersion; replaced: CatalogVersion | null } {
  const at = isoNow(ctx);
  const previous = repo.getLiveVersion(ctx.db, v.year);
  if (previous) repo.supersedeVersion(ctx.db, previous.id, at);
  const id = ctx.newId();
  repo.insertVersion(ctx.db, {
    id,
    year: v.year,
    title: v.title,
    source: v.source,
    is_sample: v.isSample ? 1 : 0,
    file_name: v.fileName,
    imported_at: at,
    imported_by: installation.operator,
    superseded_at: null,
  });
  repo.insertBands(
    ctx.db,
    v.bands.map((b, i) => bandRow(ctx, id, v.year, i + 1, b)),
  );
  const stored = repo.getVersion(ctx.db, id);
  if (!stored) throw new Error('catalogue version vanished inside its own transaction');
  const version = toVersion(stored);
  const replaced = previous ? toVersion({ ...previous, superseded_at: at }) : null;
  const method = v.method;
  if (method !== null) {
    if (previous && replaced) {
      writeAudit(ctx, installation, { method, entity: ENTITY, entityId: previous.id, before: toVersion(previous), after: replaced });
    }
    writeAudit(ctx, installation, {
      method,
      entity: ENTITY,
      entityId: id,
      before: null,
      after: { ...version, replaces: previous?.id ?? null },
    });
  }
  return { version, replaced };
}

/** The year's live version, for reports that say what an import would replace. */
export function liveVersion(ctx: ServiceContext, year: number): CatalogVersion | null {
  const v = repo.getLiveVersion(ctx.db, year);
  return v ? toVersion(v) : null;
}

/** The version an export reads: the given one (of that year) or the year's live one. */
export function versionForExport(ctx: ServiceContext, input: { year: number; versionId?: string }): CatalogVersionListRow {
  const v = resolveVersion(ctx, input);
  if (!v) throw new AppError('NOT_FOUND', `没有 ${input.year} 年的补贴额一览表可导出`);
  return v;
}

export function bandsOfVersion(ctx: ServiceContext, versionId: string): CatalogBand[] {
  return repo.listBands(ctx.db, versionId).map(toBand);
}
