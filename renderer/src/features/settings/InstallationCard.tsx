import { Card, Descriptions, Typography } from 'antd';
import { chinaDateTime } from '../../../../shared/domain/civil-date';
import { isDesktop } from '../../api/transport';
import { useSettings } from '../../settings-context';

/** 本机信息: what this installation is (fixed at first run). */
export function InstallationCard() {
  const { settings } = useSettings();
  return (
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
  );
}
