import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chunkRecorder, entryClosure, FIRST_SCREEN_JS_BUDGET_BYTES, staticClosure, type BuiltChunk } from '../../db/bench/startup-budget';
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
  const stylesheets = new Map<string, string>();
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
        plugins: [chunkRecorder(chunks, stylesheets)],
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

  const norm = (id: string) => id.replaceAll('\\', '/');
  const chunkWith = (file: string) => chunks.find((c) => c.moduleIds.map(norm).includes(norm(`${RENDERER}${file}`)));
  /** Chunks the first load fetches on demand (`import()`), with what they import statically. */
  const onDemandFromFirst = () => {
    const firstNames = new Set(first.map((c) => c.fileName));
    const lazy = chunks.filter((c) => first.some((f) => f.dynamicImports.includes(c.fileName)) && !firstNames.has(c.fileName));
    return lazy.map((c) => ({ chunk: c, closure: staticClosure(chunks, [c]) }));
  };

  it('has the sign-in screen in the first load; setup, the shell and the counter one import away', () => {
    const ids = firstModules().map(norm);
    for (const page of ['features/auth/AuthGate.tsx', 'features/auth/SignInPage.tsx'])
      expect(ids, page).toContain(norm(`${RENDERER}${page}`));
    // not parsed before the first screen, but fetched by it directly (the workspace as soon as the screen is painted)
    for (const page of ['features/setup/SetupPage.tsx', 'components/AppShell.tsx', 'features/farmers/CounterPage.tsx']) {
      expect(ids, page).not.toContain(norm(`${RENDERER}${page}`));
      const home = chunkWith(page);
      expect(home, page).toBeDefined();
      expect(
        onDemandFromFirst().some(({ closure }) => closure.includes(home as BuiltChunk)),
        `${page} is one import() from the first load`,
      ).toBe(true);
    }
    // the shell and the counter come in one go
    expect(chunkWith('components/AppShell.tsx')).toBe(chunkWith('Workspace.tsx'));
    expect(chunkWith('features/farmers/CounterPage.tsx')).toBe(chunkWith('Workspace.tsx'));
  });

  /** The setup form's chunk and what it imports statically, less what the first load already has. */
  const setupExtra = () => {
    const firstNames = new Set(first.map((c) => c.fileName));
    return staticClosure(chunks, [chunkWith('features/setup/SetupPage.tsx') as BuiltChunk]).filter((c) => !firstNames.has(c.fileName));
  };

  it('keeps zod, the schemas, Card, Tabs and Menu out of the setup form (zod arrives after it is painted)', () => {
    const ids = setupExtra()
      .flatMap((c) => c.moduleIds)
      .map(norm);
    expect(ids).toContain(norm(`${RENDERER}features/setup/SetupPage.tsx`));
    expect(ids.filter((id) => /node_modules\/(zod|@hookform\/resolvers)\/|shared\/(api\/contract|schemas\/)/.test(id))).toEqual([]);
    expect(ids.filter((id) => /node_modules\/(antd\/es\/(card|tabs|menu)|@rc-component\/(tabs|menu))\//.test(id))).toEqual([]);
    // the check itself is one import() away from the form
    const validation = chunkWith('features/setup/setup-validation.ts') as BuiltChunk;
    expect(validation).toBeDefined();
    expect(setupExtra().some((c) => c.dynamicImports.includes(validation.fileName))).toBe(true);
    expect(
      staticClosure(chunks, [validation])
        .flatMap((c) => c.moduleIds)
        .map(norm)
        .some((id) => id.includes('/node_modules/zod/')),
    ).toBe(true);
  });

  it('lists the setup form’s chunks in the page, for the server to preload on a new installation', () => {
    const html = readFileSync(join(dir, 'index.html'), 'utf8');
    const listed = /<meta name="agri-setup-chunks" content="([^"]*)"/.exec(html)?.[1]?.split(' ') ?? [];
    expect(listed.sort()).toEqual(
      setupExtra()
        .map((c) => c.fileName)
        .sort(),
    );
    expect(listed.length).toBeGreaterThan(0);
  });

  it('leaves zod, the API contract, react-hook-form and the router out of the first load', () => {
    expect(inFirst(/node_modules\/(zod|react-hook-form|react-router|react-router-dom)\//)).toEqual([]);
    expect(inFirst(/shared\/(api\/contract|schemas\/)/)).toEqual([]);
  });

  /** antd itself, its CSS-in-JS, its rc-component parts and icons. */
  const ANTD = /node_modules\/(antd|@ant-design\/[\w-]+|@rc-component\/[\w-]+|rc-[\w-]+)\//;

  it('keeps antd out of the first screens: neither the first load nor the setup form parses any of it', () => {
    expect(inFirst(ANTD).slice(0, 5)).toEqual([]);
    expect(
      setupExtra()
        .flatMap((c) => c.moduleIds)
        .map(norm)
        .filter((id) => ANTD.test(id))
        .slice(0, 5),
    ).toEqual([]);
    // antd comes with the chunk that wraps every later screen in its ConfigProvider, one import() away
    const root = chunkWith('antd-root.tsx') as BuiltChunk;
    expect(root).toBeDefined();
    expect(onDemandFromFirst().some(({ closure }) => closure.includes(root))).toBe(true);
    expect(
      staticClosure(chunks, [root])
        .flatMap((c) => c.moduleIds)
        .map(norm)
        .some((id) => id.includes('/node_modules/antd/')),
    ).toBe(true);
  });

  it('loads antd styles prerendered (with the map cssinjs reads) with antd, and the CJK font only where needed', () => {
    const firstCss = [...new Set(first.flatMap((c) => c.css))].map((f) => stylesheets.get(f) ?? '');
    expect(firstCss.length).toBeGreaterThan(0);
    const text = firstCss.join('\n');
    // the first screens' own small stylesheet: no antd rules, no cssinjs map
    expect(text).toContain('.fs-input');
    expect(text).not.toContain('.ant-btn');
    expect(text).not.toContain('data-ant-cssinjs-cache-path');
    // the antd chunk puts the prerendered styles in the page: the map @ant-design/cssinjs reads to skip making them
    const root = readFileSync(join(dir, (chunkWith('antd-root.tsx') as BuiltChunk).fileName), 'utf8');
    const map = /\.data-ant-cssinjs-cache-path\{content:\\?"([^"\\]*)/.exec(root)?.[1] ?? '';
    for (const part of [
      '|Form-Form|',
      '|Input-Component|',
      '|Button-Button|',
      '|Grid-Grid|',
      '|Typography-Typography|',
      '|Table-Table|',
      '|Menu-Menu|',
    ]) {
      expect(map, part).toContain(part);
    }
    expect(root).toContain('.ant-btn');
    expect(text).not.toContain('@font-face');
    // every print layout brings the bundled font's stylesheet with it
    const fontCss = [...stylesheets].filter(([, css]) => /@font-face\{font-family:Noto Sans SC/.test(css)).map(([name]) => name);
    expect(fontCss).toHaveLength(1);
    for (const page of [
      'print/VoucherSheet.tsx',
      'features/progress/ProgressPrintPage.tsx',
      'features/notices/NoticePrintPage.tsx',
      'features/notices/PaymentListPrintPage.tsx',
    ]) {
      const home = chunkWith(page) as BuiltChunk;
      expect(home, page).toBeDefined();
      expect(
        staticClosure(chunks, [home]).flatMap((c) => c.css),
        page,
      ).toContain(fontCss[0]);
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
