import { chinaDateTime } from '../../../../shared/domain/civil-date';
import { Card, Descriptions, Space, Typography } from 'antd';
import { isDesktop } from '../../api/transport';
import { useCan, useSession } from '../../session-context';
import { useSettings } from '../../settings-context';
import { BackupsSection } from '../backups/BackupsSection';
import { ExportStationCard } from '../county/ExportStationCard';
import { ChangePasswordForm } from '../auth/ChangePasswordForm';
import { AccessLogPanel } from '../users/AccessLogPanel';
import { StationSettingsCard } from '../users/StationSettingsCard';
import { UsersPanel } from '../users/UsersPanel';
import { CalendarCard } from './CalendarCard';
import { KeyCard } from './KeyCard';
import { CountyPackageCard } from '../county-package/CountyPackageCard';

/** What this installation is (fixed at first run), its security settings, users and the access log. */
export function SettingsPage() {
  const { settings } = useSettings();
  const { user } = useSession();
  const can = useCan();

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={4} className="page-title">
        设置
      </Typography.Title>
      <Card title="本机信息">
        <Descriptions column={1} bordered size="middle">
          <Descriptions.Item label="单位">{settings.unitName}</Descriptions.Item>
          <Descriptions.Item label="站点编号">
            <Typography.Text copyable className="masked">
              {settings.stationId}
            </Typography.Text>
          </Descriptions.Item>
          <Descriptions.Item label="启用时间">{chinaDateTime(settings.createdAt)}</Descriptions.Item>
          <Descriptions.Item label="数据文件">{settings.dbPath}</Descriptions.Item>
          <Descriptions.Item label="数据版本">{settings.schemaVersion}</Descriptions.Item>
          <Descriptions.Item label="运行方式">{isDesktop ? '桌面版' : '浏览器模式（仅本机访问）'}</Descriptions.Item>
          <Descriptions.Item label="单人站点">
            {settings.role === 'station' ? (settings.soloStation ? '是（办理步骤标记为未分离）' : '否') : '—'}
          </Descriptions.Item>
        </Descriptions>
      </Card>
      <KeyCard />
      {settings.role === 'station' && can('county.exportStation') && <ExportStationCard />}
      {settings.role === 'station' && <CountyPackageCard />}
      <BackupsSection />
      {can('settings.update') && <StationSettingsCard />}
      <CalendarCard />
      {can('users.list') && <UsersPanel />}
      {can('audit.accessLog') && <AccessLogPanel />}
      <Card title={`修改我的密码（${user.displayName}）`}>
        <ChangePasswordForm login={user.login} onDone={() => undefined} />
      </Card>
    </Space>
  );
}
