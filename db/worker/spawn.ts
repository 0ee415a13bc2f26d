import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';

/**
 * A worker thread running the entry `name` (a file `db/<area>/<name>.ts`): the bundled `<name>.js` beside the
 * Electron main when it exists (electron.vite.config.ts builds each entry there), else the .ts source through
 * tsx (CLI, browser mode, tests). `here` is the calling module's import.meta.url, whose folder holds the source.
 */
export function spawnWorker(name: string, here: string, workerData: unknown): Worker {
  const bundled = new URL(`./${name}.js`, here);
  if (existsSync(fileURLToPath(bundled))) return new Worker(bundled, { workerData });
  const source = pathToFileURL(fileURLToPath(new URL(`./${name}.ts`, here))).href;
  // tsx's ESM entry (require.resolve would give its CommonJS one, which cannot register the ESM hooks)
  const tsxRoot = dirname(createRequire(import.meta.url).resolve('tsx/package.json'));
  const tsx = pathToFileURL(join(tsxRoot, 'dist/esm/api/index.mjs')).href;
  const boot = `import(${JSON.stringify(tsx)}).then((m) => { m.register(); return import(${JSON.stringify(source)}); });`;
  return new Worker(boot, { eval: true, workerData });
}
