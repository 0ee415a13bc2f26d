import { Alert, App, Button, Form, InputNumber, Space, Switch } from 'antd';
import { Card } from 'antd';
import { useState } from 'react';
import { api, ApiError } from '../../api/client';
import { useSettings } from '../../settings-context';

/** 单人站点 and the idle-lock time (站长 / 县局管理员). */
export function StationSettingsCard() {
  const { settings, reload } = useSettings();
  const { message } = App.useApp();
  const [solo, setSolo] = useState(settings.soloStation);
  const [minutes, setMinutes] = useState<number | null>(settings.idleLockMinutes);
  const [busy, setBusy] = useState(false);

  const save = async () => {
    setBusy(true);
    try {
      await api.settings.update({ ...(settings.role === 'station' ? { soloStation: solo } : {}), idleLockMinutes: minutes ?? settings.idleLockMinutes });
      await reload();
      void message.success('设置已保存');
    } catch (e) {
      void message.error(e instanceof ApiError ? (e.body.issues?.[0]?.message ?? e.message) : '保存失败');
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card title="安全设置">
      <Form layout="vertical" component="div" style={{ maxWidth: 520 }}>
        {settings.role === 'station' && (
          <Form.Item label="单人站点" extra="本站只有一人时开启：同一人可先后办理登记、核验、兑付，每一步都标记为“未分离”，并计入县局报表。">
            <Switch id="solo-station" checked={solo} onChange={setSolo} checkedChildren="开启" unCheckedChildren="关闭" />
          </Form.Item>
        )}
        {settings.role === 'station' && solo && (
          <Alert type="warning" showIcon message="单人站点的办理不满足“受理、核验、兑付分人办理”的要求，县局会看到。" style={{ marginBottom: 16 }} />
        )}
        <Form.Item label="无操作自动锁屏（分钟）">
          <InputNumber id="idle-minutes" min={1} max={240} value={minutes} onChange={setMinutes} />
        </Form.Item>
        <Space>
          <Button type="primary" loading={busy} onClick={() => void save()}>
            保存
          </Button>
        </Space>
      </Form>
    </Card>
  );
}
