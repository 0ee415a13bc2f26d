import { Card, Space, Tabs, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useSearchParams } from 'react-router-dom';
import { useCan, useSession } from '../../session-context';
import { useSettings } from '../../settings-context';
import { BackupsSection } from '../backups/BackupsSection';
import { ExportStationCard } from '../county/ExportStationCard';
import { ChangePasswordForm } from '../auth/ChangePasswordForm';
import { AccessLogPanel } from '../users/AccessLogPanel';
import { StationSettingsCard } from '../users/StationSettingsCard';
import { UsersPanel } from '../users/UsersPanel';
import { CalendarCard } from './CalendarCard';
import { InstallationCard } from './InstallationCard';
import { KeyCard } from './KeyCard';
import { CountyPackageCard } from '../county-package/CountyPackageCard';

/** The tabs' keys, as in a link: `#/settings?tab=backups`. */
export type SettingsTab = 'info' | 'accounts' | 'backups' | 'calendar' | 'county';

const column = (...children: ReactNode[]) => (
  <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
    {children}
  </Space>
);

/**
 * 设置, in tabs (the groups were one 4,000-pixel page): what this installation is, accounts and security,
 * backups, the work calendar, and the station's exchange with the county. The open tab is in the address
 * (`?tab=`), so a banner or a link can open the right one; the tab bar is keyboard-operable (arrow keys).
 */
export function SettingsPage() {
  const { settings } = useSettings();
  const { user } = useSession();
  const can = useCan();
  const [search, setSearch] = useSearchParams();
  const station = settings.role === 'station';

  const items: { key: SettingsTab; label: string; children: ReactNode }[] = [
    { key: 'info', label: '本站信息', children: column(<InstallationCard key="installation" />, <KeyCard key="key" />) },
    {
      key: 'accounts',
      label: '账号与安全',
      children: column(
        can('settings.update') && <StationSettingsCard key="security" />,
        can('users.list') && <UsersPanel key="users" />,
        can('audit.accessLog') && <AccessLogPanel key="access" />,
        <Card key="password" title={`修改我的密码（${user.displayName}）`}>
          <ChangePasswordForm login={user.login} onDone={() => undefined} />
        </Card>,
      ),
    },
    { key: 'backups', label: '数据备份', children: <BackupsSection /> },
    { key: 'calendar', label: '工作日历', children: <CalendarCard /> },
  ];
  if (station) {
    items.push({
      key: 'county',
      label: '县局上报与下发包',
      children: column(can('county.exportStation') && <ExportStationCard key="export" />, <CountyPackageCard key="package" />),
    });
  }
  const asked = search.get('tab');
  const active = items.find((i) => i.key === asked)?.key ?? 'info';

  return (
    <Space orientation="vertical" size="small" style={{ width: '100%' }}>
      <Typography.Title level={4} className="page-title">
        设置
      </Typography.Title>
      <Tabs
        activeKey={active}
        items={items}
        data-testid="settings-tabs"
        onChange={(key) => setSearch(new URLSearchParams({ tab: key }), { replace: true })}
      />
    </Space>
  );
}
