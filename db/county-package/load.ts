import { AppError } from '../../shared/api/errors';
import { normalizeFingerprint } from '../../shared/domain/fingerprint';
import { chinaDateTime } from '../../shared/domain/civil-date';
import type { CountyPackageBody, ImportPackageOutput, PackageSettings } from '../../shared/schemas/county-package';
import { isoNow, writeTx, type ServiceContext } from '../context';
import type { InstallationRow } from '../repositories/installation';
import * as catalog from '../repositories/catalog';
import { writeAudit } from '../services/audit';
import { backupBeforeImport } from '../services/county-import';
import { writeCatalogVersion } from '../services/catalog';
import { getConfig, setConfig } from '../services/config';
import { requireInstallation } from '../services/installation';
import { setTargets } from '../services/targets';
import { versionBands } from './contents';
import { openPackage } from './envelope';
import { summarise } from './export';
import { latestLoad, pinnedCountyKey } from './status';

const sameJson = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** A catalogue the station does not have yet becomes the year's live version, exactly as a hand import would. */
function applyCatalogs(ctx: ServiceContext, installation: InstallationRow, body: CountyPackageBody, fileName: string): boolean[] {
  return body.catalogs.map((c) => {
    const live = catalog.getLiveVersion(ctx.db, c.year);
    if (live && live.title === c.title && sameJson(versionBands(ctx, live.id), c.bands)) return false;
    writeCatalogVersion(ctx, installation, {
      year: c.year,
      title: c.title,
      source: `县局下发包：${c.source}`.slice(0, 200),
      isSample: false,
      fileName,
      bands: c.bands,
      method: 'settings.importPackage',
    });
    return true;
  });
}

/**
 * The county's calendar, year by year: for every year the package carries, that year's holidays and
 * make-up working days are replaced by the county's (so a corrected date is removed, never kept beside
 * its correction), exactly as settings.addCalendarYear replaces a year. Years the package does not carry
 * keep the station's own lists. Audited with each replaced year's lists before and after.
 */
function applyCalendar(ctx: ServiceContext, installation: InstallationRow, body: CountyPackageBody) {
  const cal = body.calendar;
  const yearOf = (d: string) => d.slice(0, 4);
  const years = new Set([...cal.holidays, ...cal.makeupWorkdays].map(yearOf));
  for (const y of Object.keys(cal.sources ?? {})) years.add(y);
  if (years.size === 0) return;
  const carried = (d: string) => years.has(yearOf(d));
  const holidays = getConfig(ctx, 'holidays');
  const makeup = getConfig(ctx, 'makeupWorkdays');
  const sources = getConfig(ctx, 'calendarSources');
  const nextHolidays = [...new Set([...holidays.filter((d) => !carried(d)), ...cal.holidays])].sort();
  const nextMakeup = [...new Set([...makeup.filter((d) => !carried(d)), ...cal.makeupWorkdays])].sort();
  const nextSources = { ...sources, ...cal.sources };
  const view = (h: string[], m: string[], src: Record<string, string>) =>
    [...years].sort().map((year) => ({
      year: Number(year),
      holidays: h.filter((d) => yearOf(d) === year).sort(),
      makeupWorkdays: m.filter((d) => yearOf(d) === year).sort(),
      source: src[year] ?? null,
    }));
  const before = view(holidays, makeup, sources);
  const after = view(nextHolidays, nextMakeup, nextSources);
  if (sameJson(before, after)) return;
  setConfig(ctx, 'holidays', nextHolidays);
  setConfig(ctx, 'makeupWorkdays', nextMakeup);
  setConfig(ctx, 'calendarSources', nextSources);
  writeAudit(ctx, installation, {
    method: 'settings.importPackage',
    entity: 'config',
    entityId: 'calendar',
    before: { years: before },
    after: { years: after },
  });
}

/** County-wide settings the station follows: the changed ones are audited with their earlier values. */
function applySettings(ctx: ServiceContext, installation: InstallationRow, body: CountyPackageBody) {
  const keys = Object.keys(body.settings) as (keyof PackageSettings)[];
  const before: Record<string, unknown> = {};
  const after: Record<string, unknown> = {};
  for (const key of keys) {
    const old = getConfig(ctx, key);
    if (sameJson(old, body.settings[key])) continue;
    before[key] = old;
    after[key] = body.settings[key];
    setConfig(ctx, key, body.settings[key] as never);
  }
  if (Object.keys(after).length === 0) return;
  writeAudit(ctx, installation, { method: 'settings.importPackage', entity: 'config', entityId: 'county-settings', before, after });
}

function replaceMachineIndex(ctx: ServiceContext, body: CountyPackageBody) {
  ctx.db.prepare('DELETE FROM machine_index').run();
  const insert = ctx.db.prepare(
    'INSERT INTO machine_index (no_norm, field, kind, station_id, township_code, year, status) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  for (const m of body.machineIndex) insert.run(m.no, m.field, m.kind, m.stationId, m.townshipCode, m.year, m.status);
}

const when = (iso: string) => chinaDateTime(iso).slice(0, 16);

/**
 * settings.importPackage: a station loads the county package. The file is checked before anything is
 * believed (envelope, signature, pinned key, contents); the county key is pinned once, after the station
 * head confirmed its fingerprint; an older package than the loaded one is refused. Everything it brings
 * is applied in one transaction.
 */
export function importCountyPackage(
  ctx: ServiceContext,
  input: { fileName: string; base64: string; confirmFingerprint?: string },
): ImportPackageOutput {
  return loadPackage(ctx, input, false);
}

/**
 * settings.repinCountyKey: the county lost its key and signs with a new one. The station head loads a
 * package signed by the new key and types the new fingerprint as the county reads it out over the phone;
 * only when they match is the new key pinned (audited with the old and new fingerprint) and the package
 * loaded, in the same transaction.
 */
export function repinCountyKey(
  ctx: ServiceContext,
  input: { fileName: string; base64: string; confirmFingerprint: string },
): ImportPackageOutput {
  return loadPackage(ctx, input, true);
}

const MISTYPED = '所填指纹与下发包的县局密钥指纹不一致，未导入。请再次与县农业农村局逐组核对；确实不一致时不要导入，并上报';

function loadPackage(
  ctx: ServiceContext,
  input: { fileName: string; base64: string; confirmFingerprint?: string },
  repin: boolean,
): ImportPackageOutput {
  const installation = requireInstallation(ctx);
  if (installation.role !== 'station') throw new AppError('FORBIDDEN', '县局下发包由乡镇农机站导入');
  const bytes = Buffer.from(input.base64, 'base64');
  const pinned = pinnedCountyKey(ctx);
  if (repin && !pinned) throw new AppError('VALIDATION', '本站尚未登记县局密钥：请直接导入下发包，首次导入时核对并登记');
  // a re-pin checks the signature with the file's own key; the new key is believed only after the typed fingerprint
  const opened = openPackage(bytes, repin ? null : (pinned?.public_key ?? null));
  const { body } = opened;
  const typed = input.confirmFingerprint ? normalizeFingerprint(input.confirmFingerprint) : '';
  if (repin) {
    if (opened.publicKey === pinned?.public_key) {
      throw new AppError('VALIDATION', '该下发包由本站已登记的县局密钥签名，无需重新登记，请直接导入');
    }
    if (typed !== opened.fingerprint) throw AppError.field('VALIDATION', ['confirmFingerprint'], MISTYPED);
  } else if (!pinned) {
    if (!typed)
      return { status: 'needsConfirmation', fingerprint: opened.fingerprint, exportedAt: body.exportedAt, exportedBy: body.exportedBy };
    if (typed !== opened.fingerprint) throw AppError.field('VALIDATION', ['confirmFingerprint'], MISTYPED);
  }
  const last = latestLoad(ctx);
  if (last && last.package_id === body.packageId) {
    return {
      status: 'alreadyLoaded',
      fingerprint: opened.fingerprint,
      exportedAt: body.exportedAt,
      message: '该下发包已经导入过，无需重复导入',
    };
  }
  if (last && body.exportedAt <= last.exported_at) {
    throw new AppError(
      'VALIDATION',
      `该下发包导出于 ${when(body.exportedAt)}，早于本站已导入的下发包（导出于 ${when(last.exported_at)}），未导入。请使用县局最新导出的下发包`,
    );
  }
  // like a county import: a verified backup first, so a package that brought the wrong catalogue can be undone
  backupBeforeImport(ctx);
  return writeTx(ctx, () => {
    const at = isoNow(ctx);
    if (!pinned) {
      ctx.db
        .prepare('INSERT INTO county_key (id, station_id, public_key, fingerprint, pinned_at, pinned_by) VALUES (1, ?, ?, ?, ?, ?)')
        .run(body.countyStationId, opened.publicKey, opened.fingerprint, at, installation.operator);
      writeAudit(ctx, installation, {
        method: 'settings.importPackage',
        entity: 'county_key',
        entityId: body.countyStationId,
        before: null,
        after: { fingerprint: opened.fingerprint },
      });
    } else if (repin) {
      ctx.db
        .prepare('UPDATE county_key SET station_id = ?, public_key = ?, fingerprint = ?, pinned_at = ?, pinned_by = ? WHERE id = 1')
        .run(body.countyStationId, opened.publicKey, opened.fingerprint, at, installation.operator);
      writeAudit(ctx, installation, {
        method: 'settings.repinCountyKey',
        entity: 'county_key',
        entityId: body.countyStationId,
        before: { fingerprint: pinned.fingerprint, countyStationId: pinned.station_id, pinnedAt: pinned.pinned_at, pinnedBy: pinned.pinned_by },
        after: { fingerprint: opened.fingerprint, countyStationId: body.countyStationId },
      });
    }
    const applied = applyCatalogs(ctx, installation, body, input.fileName);
    for (const t of body.targets) setTargets(ctx, t);
    applyCalendar(ctx, installation, body);
    applySettings(ctx, installation, body);
    replaceMachineIndex(ctx, body);
    const summary = summarise(body, applied);
    const id = ctx.newId();
    ctx.db
      .prepare(
        `INSERT INTO county_package_loads (id, package_id, exported_at, exported_by, fingerprint, sha256, file_name, summary_json, loaded_at, loaded_by)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        id,
        body.packageId,
        body.exportedAt,
        body.exportedBy,
        opened.fingerprint,
        opened.sha256,
        input.fileName,
        JSON.stringify(summary),
        at,
        installation.operator,
      );
    writeAudit(ctx, installation, {
      method: 'settings.importPackage',
      entity: 'county_package',
      entityId: body.packageId,
      before: last ? { packageId: last.package_id, exportedAt: last.exported_at } : null,
      after: { packageId: body.packageId, exportedAt: body.exportedAt, sha256: opened.sha256, ...summary },
    });
    const newCatalogs = summary.catalogs.filter((c) => c.applied).map((c) => `${c.year}年补贴额一览表`);
    const message = [
      `已导入县局下发包（导出于 ${when(body.exportedAt)}）`,
      newCatalogs.length ? `更新了${newCatalogs.join('、')}` : '补贴额一览表无变化',
      summary.targetYears.length ? `${summary.targetYears.join('、')}年目标及本乡镇分解数` : '',
      `全县农机号码 ${summary.machineIndex} 条`,
    ]
      .filter(Boolean)
      .join('；');
    return { status: 'loaded', fingerprint: opened.fingerprint, exportedAt: body.exportedAt, summary, message };
  });
}
