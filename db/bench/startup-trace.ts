/**
 * `node --import tsx db/bench/startup-trace.ts [rendererDir]`: where the first screen's time goes. Cold starts of
 * the sign-in screen (TRACE_FRESH=1: the setup screen) at 4× CPU (TRACE_RATE) with a Chromium Performance trace
 * (TRACE_SAVE=prefix keeps the JSON for DevTools), summarised: the page's main-thread time by kind before the
 * first screen, as wall time and as CPU time (the thread's own: on a loaded machine wall time mostly measures
 * the other processes), the CPU other processes' main threads took meanwhile, and the waterfall (files and RPCs
 * fetched, start–end, between the main thread's tasks over 8 ms, each with its CPU time and what it mostly ran).
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

interface TraceEvent {
  name: string;
  cat: string;
  ph: string;
  ts: number;
  dur?: number;
  /** the thread's CPU time in the event: wall time less the time the OS ran something else */
  tdur?: number;
  pid: number;
  tid: number;
  args?: Record<string, unknown>;
}

interface Resource {
  name: string;
  start: number;
  end: number;
  size: number;
  type: string;
}

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
};
const kindOf = (e: TraceEvent) => KIND[e.name] ?? (/RunTask$/.test(e.name) ? 'task' : 'other');
const ms = (us: number) => (us / 1000).toFixed(0);

/** Exclusive wall and CPU time per kind of work, over nested complete events of one thread. */
function byKind(events: TraceEvent[]): Map<string, { wall: number; cpu: number }> {
  const kinds = new Map<string, { wall: number; cpu: number }>();
  const stack: { e: TraceEvent; end: number; childWall: number; childCpu: number }[] = [];
  const close = (upTo: number) => {
    while (stack.length && (stack.at(-1) as { end: number }).end <= upTo) {
      const top = stack.pop() as { e: TraceEvent; end: number; childWall: number; childCpu: number };
      const k = kinds.get(kindOf(top.e)) ?? { wall: 0, cpu: 0 };
      k.wall += (top.e.dur ?? 0) - top.childWall;
      k.cpu += (top.e.tdur ?? 0) - top.childCpu;
      kinds.set(kindOf(top.e), k);
      const parent = stack.at(-1);
      if (parent) {
        parent.childWall += top.e.dur ?? 0;
        parent.childCpu += top.e.tdur ?? 0;
      }
    }
  };
  for (const e of [...events].sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0))) {
    close(e.ts);
    stack.push({ e, end: e.ts + (e.dur ?? 0), childWall: 0, childCpu: 0 });
  }
  close(Infinity);
  return kinds;
}

/** What a top-level task mostly did: its largest script, style or layout child, named. */
function describe(task: TraceEvent, inside: TraceEvent[]): string {
  const kids = inside.filter((e) => e !== task && e.ts >= task.ts && e.ts < task.ts + (task.dur ?? 0) && kindOf(e) !== 'other' && kindOf(e) !== 'task');
  const top = kids.sort((a, b) => (b.dur ?? 0) - (a.dur ?? 0))[0];
  if (!top) return task.name;
  const data = (top.args?.data ?? {}) as { url?: string; functionName?: string; type?: string };
  const what = [data.url?.split('/').pop(), data.functionName, data.type].filter(Boolean).join(' ');
  return `${top.name}${what ? ` (${what})` : ''}`;
}

function summarise(events: TraceEvent[], shown: number, resources: Resource[], nav: Record<string, number>) {
  // the renderer main thread that parsed our page (about:blank has its own)
  const parse = events.find((e) => e.name === 'ParseHTML' && JSON.stringify(e.args ?? {}).includes('127.0.0.1'));
  const threadName = parse ?? events.find((e) => e.name === 'thread_name' && (e.args as { name?: string })?.name === 'CrRendererMain');
  const navStart = events.find((e) => e.name === 'navigationStart' && JSON.stringify(e.args ?? {}).includes('127.0.0.1'));
  const main = events.filter((e) => threadName && e.pid === threadName.pid && e.tid === threadName.tid && e.ph === 'X');
  const t0 = navStart?.ts ?? main[0]?.ts ?? 0;
  const end = t0 + shown * 1000;
  const inWindow = main.filter((e) => e.ts >= t0 && e.ts < end);
  const kinds = [...byKind(inWindow)].filter(([k]) => k !== 'other' && k !== 'task');
  const sum = (pick: (v: { wall: number; cpu: number }) => number) => ms(kinds.reduce((s, [, v]) => s + pick(v), 0));
  // main-thread CPU of other renderers meanwhile (e.g. headless Chrome's own WebUI pages): they compete for the cores
  const others = events.filter(
    (e) => e.ph === 'X' && /RunTask$/.test(e.name) && e.ts >= t0 && e.ts < end && threadName && e.pid !== threadName.pid,
  );
  console.log(
    `\nfirst screen at ${shown.toFixed(0)} ms (×${rate}); main thread before it: ${sum((v) => v.wall)} ms wall, ${sum((v) => v.cpu)} ms CPU ` +
      `(other processes' tasks meanwhile: ${ms(others.reduce((s, e) => s + (e.tdur ?? 0), 0))} ms CPU); ` +
      `html responseEnd ${nav.responseEnd?.toFixed(0)}, DOMContentLoaded ${nav.domContentLoadedEventEnd?.toFixed(0)}`,
  );
  console.log(`  ${'kind'.padEnd(14)}${'wall'.padStart(7)}${'CPU'.padStart(7)} ms`);
  for (const [k, v] of kinds.sort((a, b) => b[1].cpu - a[1].cpu)) console.log(`  ${k.padEnd(14)}${ms(v.wall).padStart(7)}${ms(v.cpu).padStart(7)}`);
  // the waterfall: files and calls fetched (start–end), and the main thread's tasks over 8 ms (start+wall, CPU)
  const rows: [number, string][] = [];
  const before = resources.filter((r) => r.start <= shown);
  for (const r of before) rows.push([r.start, `${r.name.slice(0, 36).padEnd(36)} ${r.start.toFixed(0)}–${r.end.toFixed(0)} ${(r.size / 1e3).toFixed(0)} kB`]);
  for (const t of inWindow.filter((e) => /RunTask$/.test(e.name) && (e.dur ?? 0) >= 8000)) {
    const at = (t.ts - t0) / 1000;
    rows.push([at, `  task ${at.toFixed(0)}+${ms(t.dur ?? 0)} (CPU ${ms(t.tdur ?? 0)}) ${describe(t, inWindow)}`]);
  }
  for (const [, line] of rows.sort((a, b) => a[0] - b[0])) console.log(`  ${line}`);
  const after = resources.filter((r) => r.start > shown);
  console.log(`  then ${after.length} files, ${(after.reduce((s, r) => s + r.size, 0) / 1e3).toFixed(0)} kB after the first screen`);
}

// the run, after the helpers above are defined (top-level await)
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
