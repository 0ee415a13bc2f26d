import '@fontsource/noto-sans-sc/400.css';
import '@fontsource/noto-sans-sc/500.css';
import '@fontsource/noto-sans-sc/700.css';
import './styles.css';
import 'dayjs/locale/zh-cn';
import { App as AntApp, ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { HashRouter } from 'react-router-dom';
import { App } from './App';

dayjs.locale('zh-cn');

const FONT = '"Noto Sans SC", "Microsoft YaHei", "PingFang SC", sans-serif';

createRoot(document.getElementById('root') as HTMLElement).render(
  <StrictMode>
    <ConfigProvider locale={zhCN} theme={{
        token: { fontFamily: FONT, colorPrimary: '#1f6f43', borderRadius: 4 },
        components: {
          Menu: { itemSelectedBg: '#e3f1e8', itemSelectedColor: '#1f6f43' },
          Table: { rowSelectedBg: '#eef7f1', rowSelectedHoverBg: '#e3f1e8' },
        },
      }}>
      <AntApp>
        <HashRouter>
          <App />
        </HashRouter>
      </AntApp>
    </ConfigProvider>
  </StrictMode>,
);
