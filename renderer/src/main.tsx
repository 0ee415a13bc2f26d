import './styles.css';
import './first-screen/first-screen.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App, firstScreenReady } from './App';

// the first screens (sign-in, setup) are plain elements: antd, its theme and its styles arrive after them
// (with-antd.tsx, fetched once the first screen is painted)
void firstScreenReady().then(() =>
  createRoot(document.getElementById('root') as HTMLElement).render(
    <StrictMode>
      <App />
    </StrictMode>,
  ),
);
