import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/{unit,db,contract,server}/**/*.test.ts'],
    environment: 'node',
    pool: 'forks',
    testTimeout: 30_000,
    // the stations are in Guan County: "today" on the server is China's date, as in the browser
    env: { TZ: 'Asia/Shanghai' },
  },
});
