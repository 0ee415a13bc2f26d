// the first screens' antd styles, prerendered at build time (build/antd-styles.ts), before the app's own CSS
import 'virtual:antd-styles/first-screen.css';
import './styles.css';
import 'dayjs/locale/zh-cn';
import { App as AntApp, ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App, firstScreenReady } from './App';
import { RUNTIME_THEME } from './runtime-theme';

dayjs.locale('zh-cn');

void firstScreenReady().then(() =>
  createRoot(document.getElementById('root') as HTMLElement).render(
    <StrictMode>
      <ConfigProvider locale={zhCN} theme={RUNTIME_THEME}>
        <AntApp>
          <App />
        </AntApp>
      </ConfigProvider>
    </StrictMode>,
  ),
);
