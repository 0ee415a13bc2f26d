import { describe, expect, it } from 'vitest';
import { chooseKept, RETENTION } from '../../db/backup/rotate';

/** China-time calendar fields, computed independently of the code under test (Intl, Asia/Shanghai). */
const fmt = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  hourCycle: 'h23',
});
const cache = new Map<number, { hour: string; day: string; week: string; month: string }>();
function china(t: number) {
  const hit = cache.get(t);
  if (hit) return hit;
  const p = Object.fromEntries(fmt.formatToParts(new Date(t)).map((x) => [x.type, x.value]));
  const day = `${p.year}-${p.month}-${p.day}`;
  const dow = new Date(`${day}T00:00:00Z`).getUTCDay();
  const monday = new Date(Date.parse(`${day}T00:00:00Z`) - ((dow + 6) % 7) * 86_400_000).toISOString().slice(0, 10);
  const out = { hour: `${day} ${p.hour}`, day, week: monday, month: day.slice(0, 7) };
  cache.set(t, out);
  return out;
}

/** The promise, stated directly: for each period, the last backup of each of its N most recent periods. */
function promised(all: number[]): Set<number> {
  const keep = new Set<number>();
  const periods = [
    ['hour', RETENTION.hourly],
    ['day', RETENTION.daily],
    ['week', RETENTION.weekly],
    ['month', RETENTION.monthly],
  ] as const;
  for (const [field, n] of periods) {
    const lastOf = new Map<string, number>();
    for (const t of all) lastOf.set(china(t)[field], Math.max(lastOf.get(china(t)[field]) ?? 0, t));
    [...lastOf.values()]
      .sort((a, b) => b - a)
      .slice(0, n)
      .forEach((t) => keep.add(t));
  }
  return keep;
}

describe('backup rotation (24 hourly / 14 daily / 8 weekly / 24 monthly)', () => {
  it('keeps exactly the promised set after two simulated years of hourly runs, rotating after each', () => {
    const start = Date.UTC(2025, 0, 1, 3, 17); // clock injected: one backup every hour, minute 17
    const hours = 2 * 365 * 24;
    let kept: number[] = [];
    const all: number[] = [];
    for (let i = 0; i < hours; i++) {
      const t = start + i * 3600_000;
      all.push(t);
      kept.push(t);
      const keep = chooseKept(kept.map((x) => new Date(x)));
      kept = kept.filter((x) => keep.has(x));
      // rotation must never need a backup it has already deleted: what it keeps now is what the
      // promise says about everything ever made
      if (i % 2111 === 0 || i === hours - 1) expect(new Set(kept)).toEqual(promised(all));
    }
    const final = new Set(kept);
    expect(final).toEqual(promised(all));
    // the sizes the promise implies at the end of two years (overlaps counted once)
    const end = start + (hours - 1) * 3600_000;
    expect(final.has(end)).toBe(true);
    expect(kept.filter((t) => t > end - 24 * 3600_000)).toHaveLength(24);
    const months = new Set(kept.map((t) => china(t).month));
    expect(months.size).toBe(24);
    expect(kept.length).toBeLessThan(24 + 14 + 8 + 24);
    // two years from 2025-01-01 end on 2027-01-01: the 24 months are 2025-02 … 2027-01, oldest = Feb's last backup
    expect(china(end).month).toBe('2027-01');
    expect(new Date(Math.min(...kept)).toISOString()).toBe('2025-02-28T15:17:00.000Z');
  }, 180_000);

  it('counts periods that have backups, not calendar periods (a PC switched off for a month keeps older ones)', () => {
    const t0 = Date.UTC(2026, 0, 1, 2);
    const times = [t0, t0 + 40 * 86_400_000, t0 + 41 * 86_400_000].map((t) => new Date(t));
    expect(chooseKept(times).size).toBe(3);
  });
});
