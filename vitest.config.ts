import { defineConfig } from 'vitest/config';

/** Tests of civil dates, run a second time with the PC on UTC: China time must not depend on the PC's zone. */
const DATE_TESTS = [
  'tests/unit/calendar.test.ts',
  'tests/unit/workdays.test.ts',
  'tests/unit/china-time.test.ts',
  'tests/db/china-time.test.ts',
];

export default defineConfig({
  test: {
    environment: 'node',
    pool: 'forks',
    testTimeout: 30_000,
    projects: [
      {
        extends: true,
        test: {
          name: 'china',
          include: ['tests/{unit,db,contract,server}/**/*.test.ts'],
          // the stations are in Guan County: the usual PC zone
          env: { TZ: 'Asia/Shanghai' },
        },
      },
      { extends: true, test: { name: 'utc', include: DATE_TESTS, env: { TZ: 'UTC' } } },
    ],
  },
});
