/**
 * `npm run bench [-- name…]`: runs every benchmark module in db/bench/ (files named `*.bench.ts`), or only the
 * named ones. A module exports `name`, an optional `description`, and `run()`, which prints its own report.
 * To add a benchmark, drop a `something.bench.ts` beside this file.
 */
import { readdirSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { loadavg } from 'node:os';
import { beginBench, formatSummary } from './summary';

export interface BenchModule {
  name: string;
  description?: string;
  run(): Promise<void> | void;
}

const DIR = fileURLToPath(new URL('.', import.meta.url));

async function loadModules(): Promise<BenchModule[]> {
  const files = readdirSync(DIR)
    .filter((f) => /\.bench\.[cm]?[jt]s$/.test(f))
    .sort();
  const modules: BenchModule[] = [];
  for (const f of files) {
    const m = (await import(pathToFileURL(`${DIR}/${f}`).href)) as Partial<BenchModule>;
    if (typeof m.name !== 'string' || typeof m.run !== 'function') throw new Error(`${f}: a bench module exports name and run()`);
    modules.push(m as BenchModule);
  }
  return modules;
}

async function main(): Promise<number> {
  const wanted = process.argv.slice(2);
  const all = await loadModules();
  const chosen = wanted.length ? all.filter((m) => wanted.includes(m.name)) : all;
  if (chosen.length === 0) {
    console.error(`no benchmark named ${wanted.join(', ')}; available: ${all.map((m) => m.name).join(', ')}`);
    return 1;
  }
  console.log(`node ${process.version}, better-sqlite3 on ${process.platform}/${process.arch}`);
  for (const m of chosen) {
    const started = performance.now();
    console.log(`\n=== bench: ${m.name}${m.description ? ` — ${m.description}` : ''}`);
    beginBench(m.name);
    await m.run();
    console.log(`=== ${m.name} done in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  }
  const summary = formatSummary();
  if (summary) {
    // the generated county file's size matters only to the benches that use it
    const sized = chosen.some((m) => m.name === 'scale' || m.name === 'progress' || m.name === 'import');
    const size = sized ? `; ${process.env.BENCH_PURCHASES ?? '1000000'} purchases` : '';
    console.log(
      `\n=== summary (load average ${loadavg()
        .map((l) => l.toFixed(1))
        .join(' ')}${size})\n${summary}`,
    );
  }
  return 0;
}

process.exitCode = await main();
