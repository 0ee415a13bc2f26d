import { App, Button, Card, Descriptions, Input, Space, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { api, ApiError } from '../../api/client';
import { isDesktop } from '../../api/transport';
import { useSettings } from '../../settings-context';
import { BackupsSection } from '../backups/BackupsSection';
import { ExportStationCard } from '../county/ExportStationCard';

/** What this installation is (fixed at first run) and who is working now (changeable). */
export function SettingsPage() {
  const { settings, reload } = useSettings();
  const { message } = App.useApp();
  const [operator, setOperator] = useState(settings.operator);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  const save = async () => {
    setSaving(true);
    try {
      await api.settings.setOperator({ operator });
      setError(null);
      await reload();
      void message.success('操作员已更换');
    } catch (e) {
      setError(e instanceof ApiError ? (e.body.issues?.[0]?.message ?? e.message) : '保存失败');
    } finally {
      setSaving(false);
    }
  };

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
          <Descriptions.Item label="启用时间">{dayjs(settings.createdAt).format('YYYY-MM-DD HH:mm')}</Descriptions.Item>
          <Descriptions.Item label="数据文件">{settings.dbPath}</Descriptions.Item>
          <Descriptions.Item label="数据版本">{settings.schemaVersion}</Descriptions.Item>
          <Descriptions.Item label="运行方式">{isDesktop ? '桌面版' : '浏览器模式（仅本机访问）'}</Descriptions.Item>
        </Descriptions>
      </Card>
      {settings.role === 'station' && <ExportStationCard />}
      <BackupsSection />
      <Card title="操作员">
        <Space.Compact style={{ width: 360 }}>
          <Input
            value={operator}
            maxLength={20}
            status={error ? 'error' : undefined}
            onChange={(e) => setOperator(e.target.value)}
            onPressEnter={() => void save()}
          />
          <Button type="primary" loading={saving} onClick={() => void save()}>
            更换操作员
          </Button>
        </Space.Compact>
        {error && (
          <Typography.Paragraph type="danger" style={{ marginTop: 8 }}>
            {error}
          </Typography.Paragraph>
        )}
      </Card>
    </Space>
  );
}
