/** build/antd-static-styles.ts: the shell's and the counter's antd styles as CSS text. */
declare module 'virtual:antd-styles/workspace' {
  const css: string;
  export default css;
}
