import { z } from 'zod';
import { dayOfWeek } from '../domain/civil-date';
import { OFFICIAL_CALENDARS } from '../domain/official-calendar';
import { isoDate } from './common';

/** A later year's State Council notice, added in 设置: its days off and make-up working days (调休上班). */
export const calendarYearInput = z
  .strictObject({
    year: z.number().int().min(2027, '2025、2026 年的安排已内置；请添加以后年份').max(2100),
    source: z.string().trim().min(2, '请填写通知文号或发布日期').max(100, '文号不超过100字'),
    holidays: z.array(isoDate).min(1, '请至少填写一个放假日期').max(60),
    makeupWorkdays: z.array(isoDate).max(20),
  })
  .superRefine((v, ctx) => {
    if (OFFICIAL_CALENDARS[v.year]) ctx.addIssue({ code: 'custom', path: ['year'], message: `${v.year} 年的安排已内置` });
    const inYear = (d: string) => d.startsWith(`${v.year}-`);
    for (const [key, list] of [
      ['holidays', v.holidays],
      ['makeupWorkdays', v.makeupWorkdays],
    ] as const) {
      const bad = list.find((d) => !inYear(d));
      if (bad) ctx.addIssue({ code: 'custom', path: [key], message: `${bad} 不在 ${v.year} 年内` });
    }
    const weekday = v.makeupWorkdays.find((d) => dayOfWeek(d) !== 0 && dayOfWeek(d) !== 6);
    if (weekday) ctx.addIssue({ code: 'custom', path: ['makeupWorkdays'], message: `${weekday} 不是周末，调休上班日应为周六或周日` });
    const both = v.makeupWorkdays.find((d) => v.holidays.includes(d));
    if (both) ctx.addIssue({ code: 'custom', path: ['makeupWorkdays'], message: `${both} 同时填在放假和调休上班中` });
  });
export type CalendarYearInput = z.output<typeof calendarYearInput>;

export const calendarYears = z.object({
  years: z.array(
    z.object({
      year: z.number().int(),
      source: z.string(),
      builtIn: z.boolean(),
      holidays: z.array(isoDate),
      makeupWorkdays: z.array(isoDate),
    }),
  ),
});
export type CalendarYears = z.output<typeof calendarYears>;
