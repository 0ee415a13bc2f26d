import { isRealDate } from './civil-date';
import { expandRange } from './official-calendar';

/**
 * Dates typed as a notice lists them: one per line or separated by commas/、, a range as
 * "2027-02-06~2027-02-12" or "2027-02-06 至 2027-02-12". Returns the dates, or the first bad entry.
 */
export function parseDateList(text: string): { ok: true; dates: string[] } | { ok: false; reason: string } {
  const dates: string[] = [];
  for (const raw of text.split(/[\n,，、;；]+/)) {
    const part = raw.trim();
    if (!part) continue;
    const [a = '', b, extra] = part.split(/\s*(?:~|～|至|到)\s*/);
    if (extra !== undefined || !isRealDate(a) || (b !== undefined && !isRealDate(b))) {
      return { ok: false, reason: `“${part}”不是日期或日期范围（如 2027-02-06 或 2027-02-06~2027-02-12）` };
    }
    if (b !== undefined && b < a) return { ok: false, reason: `“${part}”的结束日期早于开始日期` };
    if (b !== undefined && expandRange(a, b).length > 31) return { ok: false, reason: `“${part}”超过31天` };
    dates.push(...(b === undefined ? [a] : expandRange(a, b)));
  }
  return { ok: true, dates: [...new Set(dates)].sort() };
}
