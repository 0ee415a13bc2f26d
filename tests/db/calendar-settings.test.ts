import { afterEach, describe, expect, it } from 'vitest';
import { workCalendar } from '../../db/services/config';
import { addWorkdays } from '../../shared/domain/workdays';
import type { CalendarYears } from '../../shared/schemas/calendar';
import { expectFail, expectOk, stationCore, type TempCore } from '../support/core';

let core: TempCore | undefined;
afterEach(() => core?.dispose());

const Y2027 = {
  year: 2027,
  source: '国办发明电〔2026〕X号（测试）',
  holidays: ['2027-02-08', '2027-02-09', '2027-02-10'],
  makeupWorkdays: ['2027-02-06'],
};

describe('设置: a later year’s working-day calendar', () => {
  it('ships 2025 and 2026 and adds 2027 from the notice; every deadline then counts it; audited', async () => {
    core = await stationCore();
    const shipped = expectOk<CalendarYears>(await core.call('settings.calendar', {}));
    expect(shipped.years.map((y) => [y.year, y.builtIn])).toEqual([
      [2025, true],
      [2026, true],
    ]);
    expect(shipped.years[1]?.makeupWorkdays).toEqual(['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10']);
    // Fri 5 Feb 2027 + 2 working days: Mon 8, Tue 9 without the list
    expect(addWorkdays('2027-02-05', 2, workCalendar(core.ctx))).toBe('2027-02-09');
    const after = expectOk<CalendarYears>(await core.call('settings.addCalendarYear', Y2027));
    expect(after.years.at(-1)).toEqual({ ...Y2027, builtIn: false });
    // with it: Sat 6 (make-up) and Thu 11
    expect(addWorkdays('2027-02-05', 2, workCalendar(core.ctx))).toBe('2027-02-11');
    const audit = core.db.prepare("SELECT method, after_json FROM audit_log WHERE entity_id = 'calendar-2027'").all() as {
      method: string;
      after_json: string;
    }[];
    expect(audit.map((a) => a.method)).toEqual(['settings.addCalendarYear']);
    expect(JSON.parse(audit[0]?.after_json ?? '{}')).toMatchObject({ holidays: Y2027.holidays, makeupWorkdays: Y2027.makeupWorkdays });
  });

  it('refuses a built-in year, dates outside the year, a weekday make-up day and a day in both lists', async () => {
    core = await stationCore();
    expectFail(
      await core.call('settings.addCalendarYear', { ...Y2027, year: 2026, holidays: ['2026-01-01'], makeupWorkdays: [] }),
      'VALIDATION',
    );
    const outside = expectFail(await core.call('settings.addCalendarYear', { ...Y2027, holidays: ['2028-01-01'] }), 'VALIDATION');
    expect(JSON.stringify(outside)).toContain('不在 2027 年内');
    const weekday = expectFail(await core.call('settings.addCalendarYear', { ...Y2027, makeupWorkdays: ['2027-02-03'] }), 'VALIDATION');
    expect(JSON.stringify(weekday)).toContain('调休上班日应为周六或周日');
    expectFail(
      await core.call('settings.addCalendarYear', { ...Y2027, makeupWorkdays: ['2027-02-06'], holidays: ['2027-02-06'] }),
      'VALIDATION',
    );
    expect(expectOk<CalendarYears>(await core.call('settings.calendar', {})).years).toHaveLength(2);
  });
});
