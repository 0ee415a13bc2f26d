import { expandRange, OFFICIAL_CALENDARS } from '../../shared/domain/official-calendar';
import type { CalendarYearInput, CalendarYears } from '../../shared/schemas/calendar';
import { writeTx, type ServiceContext } from '../context';
import { getConfig, setConfig } from './config';
import { writeAudit } from './audit';
import { requireInstallation } from './installation';

/** The working-day calendar by year: the built-in State Council lists and the years added in 设置. */
export function listCalendar(ctx: ServiceContext): CalendarYears {
  const years: CalendarYears['years'] = Object.entries(OFFICIAL_CALENDARS).map(([year, c]) => ({
    year: Number(year),
    source: c.source,
    builtIn: true,
    holidays: c.holidays.flatMap(([a, b]) => expandRange(a, b)),
    makeupWorkdays: [...c.makeupWorkdays],
  }));
  const holidays = getConfig(ctx, 'holidays');
  const makeup = getConfig(ctx, 'makeupWorkdays');
  const sources = getConfig(ctx, 'calendarSources');
  const added = new Set([...holidays, ...makeup].map((d) => Number(d.slice(0, 4))).filter((y) => !OFFICIAL_CALENDARS[y]));
  for (const year of [...added].sort()) {
    const of = (list: string[]) => list.filter((d) => d.startsWith(`${year}-`)).sort();
    years.push({ year, source: sources[String(year)] ?? '', builtIn: false, holidays: of(holidays), makeupWorkdays: of(makeup) });
  }
  return { years };
}

/**
 * Adds (or replaces) a later year's list from the State Council notice. Stored in config (`holidays`,
 * `makeupWorkdays`: flat YYYY-MM-DD lists; `calendarSources`: year → notice), which every deadline reads
 * through workCalendar(); the county package can carry the same keys. Audited with before and after.
 */
export function addCalendarYear(ctx: ServiceContext, input: CalendarYearInput): CalendarYears {
  return writeTx(ctx, () => {
    const installation = requireInstallation(ctx);
    const prefix = `${input.year}-`;
    const holidays = getConfig(ctx, 'holidays');
    const makeup = getConfig(ctx, 'makeupWorkdays');
    const sources = getConfig(ctx, 'calendarSources');
    const before = {
      holidays: holidays.filter((d) => d.startsWith(prefix)),
      makeupWorkdays: makeup.filter((d) => d.startsWith(prefix)),
      source: sources[String(input.year)] ?? null,
    };
    const nextHolidays = [...holidays.filter((d) => !d.startsWith(prefix)), ...new Set(input.holidays)].sort();
    const nextMakeup = [...makeup.filter((d) => !d.startsWith(prefix)), ...new Set(input.makeupWorkdays)].sort();
    setConfig(ctx, 'holidays', nextHolidays);
    setConfig(ctx, 'makeupWorkdays', nextMakeup);
    setConfig(ctx, 'calendarSources', { ...sources, [String(input.year)]: input.source });
    writeAudit(ctx, installation, {
      method: 'settings.addCalendarYear',
      entity: 'config',
      entityId: `calendar-${input.year}`,
      before,
      after: {
        holidays: [...new Set(input.holidays)].sort(),
        makeupWorkdays: [...new Set(input.makeupWorkdays)].sort(),
        source: input.source,
      },
    });
    return listCalendar(ctx);
  });
}
