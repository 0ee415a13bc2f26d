import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chunkRecorder, entryClosure, FIRST_SCREEN_JS_BUDGET_BYTES, type BuiltChunk } from '../../db/bench/startup-budget';
import desktopConfig from '../../electron.vite.config';
import { rendererConfig } from '../../vite.renderer.config';

const ROOT = resolve(import.meta.dirname, '../..');
const RENDERER = join(ROOT, 'renderer/src/');

/**
 * Builds the renderer as both the browser mode and the desktop app do and checks what the first screen
 * loads: the entry chunk and its static imports stay within the budget, and the heavy parts load on demand.
 */
describe('first-screen bundle budget (issue 18)', () => {
  const chunks: BuiltChunk[] = [];
  let dir: string;
  let first: BuiltChunk[];
  const firstModules = () => first.flatMap((c) => c.moduleIds);
  const inFirst = (pattern: RegExp) => firstModules().filter((id) => pattern.test(id.replaceAll('\\', '/')));

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'agri-bundle-'));
    // vitest runs with NODE_ENV=test, which would give React's development build; measure what ships
    const nodeEnv = process.env.NODE_ENV;
    process.env.NODE_ENV = 'production';
    try {
      await build({
        configFile: join(ROOT, 'vite.renderer.config.ts'),
        mode: 'production',
        logLevel: 'error',
        build: { outDir: dir, emptyOutDir: true },
        plugins: [chunkRecorder(chunks)],
      });
    } finally {
      process.env.NODE_ENV = nodeEnv;
    }
    first = entryClosure(chunks);
  }, 180_000);

  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('the desktop build uses the same renderer config (and so the same splitting)', () => {
    expect(desktopConfig).toMatchObject({ renderer: rendererConfig });
    expect((desktopConfig as { renderer?: unknown }).renderer).toBe(rendererConfig);
    // electron-vite would otherwise ship the renderer unminified: twice the bytes to parse on the desktop
    expect(rendererConfig.build.minify).toBe(true);
  });

  it(`keeps the JavaScript before the first screen within ${FIRST_SCREEN_JS_BUDGET_BYTES / 1e6} MB`, () => {
    const bytes = first.reduce((sum, c) => sum + c.bytes, 0);
    const all = chunks.reduce((sum, c) => sum + c.bytes, 0);
    expect(chunks.filter((c) => c.isEntry)).toHaveLength(1);
    expect(first.length).toBeLessThan(chunks.length);
    // a useful failure message: the biggest first-screen chunks
    const biggest = [...first]
      .sort((p, q) => q.bytes - p.bytes)
      .slice(0, 5)
      .map((c) => `${c.fileName} ${c.bytes}`);
    expect(bytes, `first screen ${bytes} of ${all} bytes: ${biggest.join(', ')}`).toBeLessThanOrEqual(FIRST_SCREEN_JS_BUDGET_BYTES);
  });

  it('has the setup screen, the shell and the counter in the first load', () => {
    const ids = firstModules().map((id) => id.replaceAll('\\', '/'));
    for (const page of ['features/setup/SetupPage.tsx', 'components/AppShell.tsx', 'features/farmers/CounterPage.tsx']) {
      expect(ids, page).toContain(`${RENDERER}${page}`.replaceAll('\\', '/'));
    }
  });

  it('leaves ECharts, the pinyin dictionary, print layouts and the other pages to load on first visit', () => {
    expect(inFirst(/node_modules\/(echarts|zrender)\//)).toEqual([]);
    expect(inFirst(/node_modules\/pinyin-pro\//)).toEqual([]);
    expect(
      inFirst(/renderer\/src\/(print|features\/(progress|drying|county|catalog|vouchers|settings|scraps|purchases|applications))\//),
    ).toEqual([]);
    // and they are in the bundle, as chunks of their own
    const all = chunks.flatMap((c) => c.moduleIds).map((id) => id.replaceAll('\\', '/'));
    expect(all.some((id) => id.includes('/node_modules/echarts/'))).toBe(true);
    expect(all).toContain(`${RENDERER}features/progress/ProgressPage.tsx`.replaceAll('\\', '/'));
  });

  it('takes only the ECharts parts it draws (echarts/core), not the whole library', () => {
    const echarts = chunks.flatMap((c) => c.moduleIds).filter((id) => /node_modules\/echarts\//.test(id.replaceAll('\\', '/')));
    expect(echarts.some((id) => id.includes('/chart/line/'))).toBe(true);
    for (const unused of ['/chart/map/', '/chart/graph/', '/chart/sankey/', '/component/geo/', '/renderer/installCanvasRenderer']) {
      expect(
        echarts.filter((id) => id.includes(unused)),
        unused,
      ).toEqual([]);
    }
  });
});
