import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Plugin } from 'vite';

// the project root: this file's parent, or its own folder once a config loader has bundled it beside the config
// (electron-vite does; Vite keeps each file's own dirname)
const ROOT =
  [resolve(import.meta.dirname, '..'), import.meta.dirname].find((dir) => existsSync(resolve(dir, 'build/antd-styles.ts'))) ??
  process.cwd();
/**
 * The auth screens' antd styles (with the map of every prerendered style), as a string module: antd-root.tsx puts
 * it in the page with antd, after the first screen (which is plain elements and needs none of it).
 */
export const FIRST_SCREEN_STYLES_TEXT = 'virtual:antd-styles/first-screen';
/** The shell's and the counter's antd styles, as a string module (Workspace.tsx puts it in the page). */
export const WORKSPACE_STYLES = 'virtual:antd-styles/workspace';
/** The theme's map token computed at build time, or null (renderer/src/runtime-theme.ts). */
export const MAP_TOKEN = 'virtual:antd-styles/map-token';

export interface AntdStyles {
  firstScreen: string;
  workspace: string;
  /** the seed as antd hands it to the theme algorithm (JSON), and the algorithm's answer */
  mapToken: { seed: string; map: Record<string, unknown> } | null;
}

/** Runs build/antd-styles.ts in a production-mode Node (antd keys its styles differently in development). */
export function extractAntdStyles(): AntdStyles {
  const out = execFileSync(process.execPath, ['--import', 'tsx', resolve(ROOT, 'build/antd-styles.ts')], {
    cwd: ROOT,
    env: { ...process.env, NODE_ENV: 'production' },
    maxBuffer: 64 * 1024 * 1024,
    encoding: 'utf8',
  });
  return JSON.parse(out) as AntdStyles;
}

/**
 * antd's styles for the first screens, prerendered at build time (see build/antd-styles.ts), and the theme's map
 * token. The dev server serves these modules empty: antd makes its styles and tokens at runtime there, as it always could.
 */
export function antdStaticStyles(): Plugin {
  let build = false;
  let styles: AntdStyles | undefined;
  const get = (): AntdStyles => (styles ??= build ? extractAntdStyles() : { firstScreen: '', workspace: '', mapToken: null });
  const ids = new Map([
    [FIRST_SCREEN_STYLES_TEXT, `\0${FIRST_SCREEN_STYLES_TEXT}`],
    [WORKSPACE_STYLES, `\0${WORKSPACE_STYLES}`],
    [MAP_TOKEN, `\0${MAP_TOKEN}`],
  ]);
  return {
    name: 'agri-antd-static-styles',
    enforce: 'pre',
    configResolved(config) {
      build = config.command === 'build';
    },
    buildStart() {
      styles = undefined; // antd or the theme may have changed since the last build (watch mode)
    },
    resolveId(id) {
      return ids.get(id);
    },
    load(id) {
      if (id === ids.get(FIRST_SCREEN_STYLES_TEXT)) return `export default ${JSON.stringify(get().firstScreen)};`;
      if (id === ids.get(WORKSPACE_STYLES)) return `export default ${JSON.stringify(get().workspace)};`;
      if (id === ids.get(MAP_TOKEN)) return `export default ${JSON.stringify(get().mapToken)};`;
      return undefined;
    },
  };
}
