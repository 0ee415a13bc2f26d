/**
 * Civil dates and clock times in China (UTC+8, no daylight saving), whatever the PC's own time zone:
 * a station in Guan County works on China's calendar even on a PC left on UTC.
 */
const OFFSET_MS = 8 * 60 * 60 * 1000;

function shifted(at: Date | string): Date {
  const t = typeof at === 'string' ? Date.parse(at) : at.getTime();
  return new Date(t + OFFSET_MS);
}

/** YYYY-MM-DD in China at that instant. */
export function chinaDate(at: Date | string): string {
  return shifted(at).toISOString().slice(0, 10);
}

/** YYYY-MM-DD HH:mm in China at that instant (for messages and printouts). */
export function chinaDateTime(at: Date | string): string {
  const iso = shifted(at).toISOString();
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)}`;
}

/** The year in China at that instant. */
export function chinaYear(at: Date | string): number {
  return shifted(at).getUTCFullYear();
}
