/** build/antd-static-styles.ts: the shell's and the counter's antd styles as CSS text. */
declare module 'virtual:antd-styles/workspace' {
  const css: string;
  export default css;
}

/** build/antd-static-styles.ts: the theme's map token computed at build time (null on the dev server). */
declare module 'virtual:antd-styles/map-token' {
  const token: { seed: string; map: Record<string, unknown> } | null;
  export default token;
}

/** build/antd-static-styles.ts: the auth screens' antd styles (and the map of every prerendered style) as CSS text. */
declare module 'virtual:antd-styles/first-screen' {
  const css: string;
  export default css;
}
