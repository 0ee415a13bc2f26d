import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
// with its extension: the config is loaded as a plain Node module (Vite's native config loader), which has no extension guessing
import { antdStaticStyles } from './build/antd-static-styles.ts';
import { setupPreloadList } from './build/setup-preload.ts';

/** The renderer build, shared by browser mode (`vite build -c vite.renderer.config.ts`) and electron-vite. */
export const rendererConfig = {
  root: resolve(import.meta.dirname, 'renderer'),
  base: './',
  plugins: [react(), antdStaticStyles(), setupPreloadList()],
  build: {
    outDir: resolve(import.meta.dirname, 'out/renderer'),
    emptyOutDir: true,
    // electron-vite leaves the renderer unminified unless told: the desktop app on an old PC parses less this way
    minify: true,
    chunkSizeWarningLimit: 4096,
    rollupOptions: { input: resolve(import.meta.dirname, 'renderer/index.html') },
  },
};

export default defineConfig(rendererConfig);
