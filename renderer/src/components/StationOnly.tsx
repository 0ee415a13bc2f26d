import type { ReactNode } from 'react';
import { Navigate } from 'react-router-dom';
import { useSettings } from '../settings-context';

/** Where a county installation opens and where counter-only routes send it: 县级汇总. */
export const COUNTY_HOME = '/county';

/** The installation's first screen: the counter at a station, 县级汇总 at the county. */
export function HomeRedirect() {
  const { settings } = useSettings();
  return <Navigate to={settings.role === 'county' ? COUNTY_HOME : '/counter'} replace />;
}

/** A counter page (登记台, 新增/修改登记, 补贴凭证出具): a county installation is sent to 县级汇总 instead. */
export function StationOnly({ children }: { children: ReactNode }) {
  const { settings } = useSettings();
  if (settings.role === 'county') return <Navigate to={COUNTY_HOME} replace />;
  return <>{children}</>;
}
