import css from 'virtual:antd-styles/workspace';

/**
 * The shell's and the counter's antd styles, prerendered at build time (build/antd-styles.ts). In the page before
 * the signed-in app renders (Workspace.tsx imports this first), at the head's start as antd puts its own styles,
 * so the app's stylesheets keep the last word.
 */
if (css) {
  const style = document.createElement('style');
  style.dataset.agri = 'antd-workspace';
  style.textContent = css;
  document.head.prepend(style);
}
