/**
 * `node --import tsx db/bench/startup-trace.ts [rendererDir]`: where the first screen's time goes. Cold starts of
 * the sign-in screen (TRACE_FRESH=1: the setup screen) at 4× CPU (TRACE_RATE) with a Chromium Performance trace
 * (TRACE_SAVE=prefix keeps the JSON for DevTools), summarised: main-thread time by kind before the first screen
 * (script, compile, style, layout, paint, CSS parsing), the long tasks, and the files fetched before it.
 * A diagnostic beside the startup bench (not a `.bench.ts`: `npm run bench` does not run it).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'vite';
import { openCore } from '../app';
import { startWebServer } from '../http/server';
import { launchBenchChromium } from './startup-browser';
import { FIRST_INPUT, installProbe, shownAt } from './startup-probe';

const ROOT = resolve(import.meta.dirname, '../..');
const rate = Number(process.env.TRACE_RATE ?? 4);
const dir = mkdtempSync(join(tmpdir(), 'agri-trace-'));
const outDir = process.argv[2] ? resolve(process.argv[2]) : join(dir, 'renderer');
if (!process.argv[2])
  await build({ configFile: join(ROOT, 'vite.renderer.config.ts'), logLevel: 'warn', build: { outDir, emptyOutDir: true } });
const core = openCore(join(dir, 's.db'), { log: () => undefined });
if (!process.env.TRACE_FRESH) {
  await core.call('settings.setup', {
    role: 'station',
    townshipCode: '371525103',
    login: 'zhanzhang',
    displayName: '王站长',
    password: 'Jizhun-2025!',
  });
}
const web = await startWebServer({ core, staticDir: outDir });
const { browser, note } = await launchBenchChromium();
console.log(note);
try {
  for (let i = 0; i < Number(process.env.TRACE_RUNS ?? 2); i++) {
    const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1366, height: 768 } });
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate });
    await installProbe(page, [FIRST_INPUT]);
    await browser.startTracing(page, {
      categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8.execute', 'blink.user_timing', 'loading', 'netlog'],
    });
    await page.goto(web.url, { waitUntil: 'commit' });
    const shown = await shownAt(page, FIRST_INPUT);
    await page.waitForTimeout(300);
    const trace = JSON.parse((await browser.stopTracing()).toString()) as { traceEvents: TraceEvent[] };
    if (process.env.TRACE_SAVE) writeFileSync(`${process.env.TRACE_SAVE}-${i}.json`, JSON.stringify(trace));
    const resources = (await page.evaluate(
      `performance.getEntriesByType('resource').map((e) => ({ name: e.name.split('/').pop(), start: e.startTime, end: e.responseEnd, size: e.decodedBodySize, type: e.initiatorType }))`,
    )) as { name: string; start: number; end: number; size: number; type: string }[];
    const nav = (await page.evaluate(`JSON.stringify(performance.getEntriesByType('navigation')[0])`)) as string;
    summarise(trace.traceEvents, shown, resources, JSON.parse(nav) as Record<string, number>);
    await context.close();
  }
} finally {
  await browser.close();
  await web.close();
  core.close();
  rmSync(dir, { recursive: true, force: true });
}

interface TraceEvent {
  name: string;
  cat: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  args?: Record<string, unknown>;
}

function summarise(
  events: TraceEvent[],
  shown: number,
  resources: { name: string; start: number; end: number; size: number; type: string }[],
  nav: Record<string, number>,
) {
  // the renderer main thread that parsed our page (about:blank has its own)
  const parse = events.find((e) => e.name === 'ParseHTML' && JSON.stringify(e.args ?? {}).includes('127.0.0.1'));
  const threadName = parse ?? events.find((e) => e.name === 'thread_name' && (e.args as { name?: string })?.name === 'CrRendererMain');
  const navStart = events.find((e) => e.name === 'navigationStart' && JSON.stringify(e.args ?? {}).includes('127.0.0.1'));
  const main = events.filter((e) => threadName && e.pid === threadName.pid && e.tid === threadName.tid && e.ph === 'X');
  const t0 = navStart?.ts ?? main[0]?.ts ?? 0;
  const end = t0 + shown * 1000;
  // top-level tasks and what kind of work their children are
  const kinds: Record<string, number> = {};
  const add = (k: string, us: number) => (kinds[k] = (kinds[k] ?? 0) + us / 1000);
  const inWindow = main.filter((e) => e.ts >= t0 && e.ts < end);
  const KIND: Record<string, string> = {
    EvaluateScript: 'script',
    'v8.compile': 'compile',
    'v8.compileModule': 'compile',
    'v8.evaluateModule': 'script',
    FunctionCall: 'script',
    EventDispatch: 'script',
    TimerFire: 'script',
    FireAnimationFrame: 'script',
    RunMicrotasks: 'script',
    'V8.GCScavenger': 'gc',
    MajorGC: 'gc',
    MinorGC: 'gc',
    ParseHTML: 'parse html',
    ParseAuthorStyleSheet: 'parse css',
    UpdateLayoutTree: 'style',
    'Document::updateStyle': 'style',
    Layout: 'layout',
    UpdateLayerTree: 'paint',
    Paint: 'paint',
    PrePaint: 'paint',
    Layerize: 'paint',
    Commit: 'paint',
    ResourceReceivedData: 'net',
  };
  // exclusive time per kind: walk nested X events per thread
  const sorted = [...inWindow].sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
  const stack: { e: TraceEvent; end: number; child: number }[] = [];
  const close = (upTo: number) => {
    while (stack.length && (stack.at(-1) as { end: number }).end <= upTo) {
      const top = stack.pop() as { e: TraceEvent; end: number; child: number };
      const self = (top.e.dur ?? 0) - top.child;
      const k =
        KIND[top.e.name] ??
        (top.e.name === 'RunTask' || top.e.name === 'ThreadControllerImpl::RunTask' ? 'other (task)' : `other:${top.e.name}`);
      add(k, self);
      const parent = stack.at(-1);
      if (parent) parent.child += top.e.dur ?? 0;
    }
  };
  for (const e of sorted) {
    close(e.ts);
    stack.push({ e, end: e.ts + (e.dur ?? 0), child: 0 });
  }
  close(Infinity);
  const busy = Object.values(kinds).reduce((s, v) => s + v, 0);
  console.log(
    `\nfirst screen at ${shown.toFixed(0)} ms (×${rate}); main thread busy ${busy.toFixed(0)} ms before it; nav responseEnd ${nav.responseEnd?.toFixed(0)} domInteractive ${nav.domInteractive?.toFixed(0)} domContentLoaded ${nav.domContentLoadedEventEnd?.toFixed(0)}`,
  );
  for (const [k, v] of Object.entries(kinds)
    .sort((a, b) => b[1] - a[1])
    .slice(0, 22))
    console.log(`  ${k.padEnd(40)}${v.toFixed(0).padStart(6)} ms`);
  const before = resources.filter((r) => r.start <= shown);
  const by = (re: RegExp) => before.filter((r) => re.test(r.name));
  const line = (label: string, xs: typeof before) =>
    console.log(
      `  ${label.padEnd(8)} ${String(xs.length).padStart(3)} files ${(xs.reduce((s, r) => s + r.size, 0) / 1e3).toFixed(0).padStart(6)} kB, last arrives ${Math.max(0, ...xs.map((r) => r.end)).toFixed(0)} ms`,
    );
  line('js', by(/\.js$/));
  line('css', by(/\.css$/));
  line('fonts', by(/\.woff2?$/));
  line(
    'other',
    before.filter((r) => !/\.(js|css|woff2?)$/.test(r.name)),
  );
  for (const r of before.filter((r) => !/\.(js|woff2?)$/.test(r.name)))
    console.log(`    ${r.name.slice(0, 40).padEnd(40)} ${r.start.toFixed(0)}–${r.end.toFixed(0)}`);
  const after = resources.filter((r) => r.start > shown);
  line('after', after);
  // long tasks
  const tasks = inWindow.filter((e) => e.name === 'RunTask' && (e.dur ?? 0) > 30_000);
  console.log(`  long tasks: ${tasks.map((t) => `${((t.ts - t0) / 1000).toFixed(0)}+${((t.dur ?? 0) / 1000).toFixed(0)}`).join(' ')}`);
}
