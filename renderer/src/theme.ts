import type { ThemeConfig } from 'antd';

/** The screen's font stack: the bundled Noto Sans SC once loaded (after the first screen), the system's CJK font until then. */
export const FONT = '"Noto Sans SC", "Microsoft YaHei", "PingFang SC", sans-serif';

/**
 * The antd theme of the whole app. The build prerenders the first screens' antd styles with this very object
 * (renderer/build/antd-styles.ts): change it here and the prebuilt CSS follows on the next build.
 */
export const THEME: ThemeConfig = {
  token: { fontFamily: FONT, colorPrimary: '#1f6f43', borderRadius: 4 },
  components: {
    Menu: { itemSelectedBg: '#e3f1e8', itemSelectedColor: '#1f6f43' },
    Table: { rowSelectedBg: '#eef7f1', rowSelectedHoverBg: '#e3f1e8' },
  },
};
