import 'dayjs/locale/zh-cn';
import firstScreenStyles from 'virtual:antd-styles/first-screen';
import { App as AntApp, ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import type { ReactNode } from 'react';
import './antd-workspace-styles';
import { RUNTIME_THEME } from './runtime-theme';

dayjs.locale('zh-cn');

/**
 * antd's styles for the auth screens, the shell and the counter, prerendered at build time (build/antd-styles.ts),
 * put at the head's start as antd puts its own (the app's stylesheets keep the last word); they carry the map
 * that tells antd which styles it need not make, so they are in the page before any antd component renders.
 */
if (firstScreenStyles) {
  const style = document.createElement('style');
  style.dataset.agri = 'antd-first-screen';
  style.textContent = firstScreenStyles;
  document.head.prepend(style);
}

/** antd's context for everything after the first screen (with-antd.tsx loads this chunk). */
export function AntdRoot({ children }: { children: ReactNode }) {
  return (
    <ConfigProvider locale={zhCN} theme={RUNTIME_THEME}>
      <AntApp>{children}</AntApp>
    </ConfigProvider>
  );
}
