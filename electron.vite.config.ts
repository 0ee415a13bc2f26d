import { copyFileSync, mkdirSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { rendererConfig } from './vite.renderer.config';
import { defineConfig } from 'electron-vite';
import type { Plugin } from 'vite';

/** The migration runner reads numbered .sql files beside its module; put them beside the bundled main. */
function copyMigrations(): Plugin {
  return {
    name: 'agri-copy-migrations',
    writeBundle() {
      const from = resolve(__dirname, 'db/migrations');
      const to = resolve(__dirname, 'out/main/migrations');
      mkdirSync(to, { recursive: true });
      for (const file of readdirSync(from)) if (file.endsWith('.sql')) copyFileSync(resolve(from, file), resolve(to, file));
    },
  };
}

export default defineConfig({
  main: {
    plugins: [copyMigrations()],
    build: {
      outDir: 'out/main',
      rollupOptions: {
        input: {
          index: resolve(__dirname, 'electron/main/index.ts'),
          // start-up migrations run in a worker thread (db/upgrade/upgrade.ts looks for it beside index.js)
          'migrate-worker': resolve(__dirname, 'db/upgrade/migrate-worker.ts'),
          // a large backup's page check runs in a worker thread (db/backup/page-check.ts looks for it there too)
          'check-worker': resolve(__dirname, 'db/backup/check-worker.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      rollupOptions: {
        input: resolve(__dirname, 'electron/preload/index.ts'),
        // sandboxed preloads must be CommonJS
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: rendererConfig,
});
