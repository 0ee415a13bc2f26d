import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { chinaDate, chinaDateTime, chinaTodayNow, chinaYearNow, compactDate } from '../../shared/domain/civil-date';
import { parseResidentId, residentIdCheckChar } from '../../shared/domain/idcard';

/** This file runs twice (vitest projects "china" and "utc"): with the PC on Asia/Shanghai and on UTC. */
afterEach(() => vi.useRealTimers());

// 2025-12-31T16:30Z is 00:30 on 1 January 2026 in China: a new day and a new year there, not yet in UTC.
const NEW_YEAR_IN_CHINA = new Date('2025-12-31T16:30:00Z');

describe('China time whatever the PC zone', () => {
  it('today, this year and clock times are China’s', () => {
    vi.useFakeTimers({ now: NEW_YEAR_IN_CHINA, toFake: ['Date'] });
    expect(chinaTodayNow()).toBe('2026-01-01');
    expect(chinaYearNow()).toBe(2026);
    expect(chinaDate('2025-12-31T16:30:00Z')).toBe('2026-01-01');
    expect(chinaDateTime(new Date())).toBe('2026-01-01 00:30');
    expect(chinaDateTime('2025-12-31T15:59:58Z', true)).toBe('2025-12-31 23:59:58');
    expect(compactDate(chinaTodayNow())).toBe('20260101');
  });

  it('a baby born today in China gets a valid ID even on a UTC PC (birth date not "in the future")', () => {
    vi.useFakeTimers({ now: NEW_YEAR_IN_CHINA, toFake: ['Date'] });
    const first17 = '37152520260101001';
    const r = parseResidentId(first17 + residentIdCheckChar(first17));
    expect(r).toMatchObject({ ok: true, birthDate: '2026-01-01' });
  });
});

const ROOT = resolve(import.meta.dirname, '../..');
function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'bench' || name === 'node_modules' ? [] : sources(path);
    return /\.(ts|tsx)$/.test(name) ? [path] : [];
  });
}

describe('no civil date from the PC zone in app code', () => {
  // each of these reads the PC's local zone (or UTC) where China's civil date or clock is meant
  const BANNED: [RegExp, string][] = [
    [/\bdayjs\(\)/, 'dayjs() (local zone)'],
    [/dayjs\([^)]*\)\.format\('YYYY/, 'dayjs(…).format (local zone)'],
    [/\.getFullYear\(\)|\.getMonth\(\)|\.getDate\(\)|\.getHours\(\)/, 'Date local getters'],
    [/toLocale(Date|Time)?String\('zh-CN'[^)]*\)(?![^\n]*\bnumber)/, 'toLocale…String of a date'],
    [/new Date\(\)\.toISOString\(\)\.slice\(0, 10\)/, 'UTC date as "today"'],
  ];
  it('shared/, db/ and renderer/ use shared/domain/civil-date', () => {
    const offenders: string[] = [];
    for (const file of [...sources(join(ROOT, 'shared')), ...sources(join(ROOT, 'db')), ...sources(join(ROOT, 'renderer/src'))]) {
      if (file.endsWith('civil-date.ts')) continue;
      readFileSync(file, 'utf8')
        .split('\n')
        .forEach((line, i) => {
          for (const [re, what] of BANNED) {
            // numbers formatted with toLocaleString are fine: only dates are looked for
            if (what.startsWith('toLocale') && !/new Date|Date\(/.test(line)) continue;
            if (re.test(line)) offenders.push(`${file.slice(ROOT.length + 1)}:${i + 1} ${what}`);
          }
        });
    }
    expect(offenders).toEqual([]);
  });
});
