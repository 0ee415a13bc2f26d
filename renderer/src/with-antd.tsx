import { lazy, Suspense, type ReactNode } from 'react';
import type * as AntdRootModule from './antd-root';
import { Loading } from './first-screen/controls';

/**
 * antd and what it needs around it (ConfigProvider with zh_CN and the theme, App, antd's prerendered styles): not
 * part of the first screens, fetched as soon as one is painted (App.tsx) and rendered around every antd screen.
 */
let antd: Promise<typeof AntdRootModule> | undefined;
export const loadAntd = () =>
  (antd ??= import('./antd-root').catch((e: unknown) => {
    antd = undefined; // a chunk that failed to arrive is fetched again next time
    throw e;
  }));
const AntdRoot = lazy(() => loadAntd().then((m) => ({ default: m.AntdRoot })));

export function WithAntd({ children }: { children: ReactNode }) {
  return (
    <Suspense fallback={<Loading tip="正在打开…" />}>
      <AntdRoot>{children}</AntdRoot>
    </Suspense>
  );
}
