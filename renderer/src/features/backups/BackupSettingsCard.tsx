import { App, Alert, Button, Card, Form, Input, Space, Typography } from 'antd';
import { useState } from 'react';
import type { BackupsConfig } from '../../../../shared/schemas/backups';
import { api, ApiError } from '../../api/client';
import { formatTime } from './format';

interface Values {
  offsiteDir: string;
  password?: string;
  confirm?: string;
  currentPassword?: string;
}

/** 站长: where the encrypted second copy goes (a USB stick or a share) and the backup password. */
export function BackupSettingsCard({ config, onSaved }: { config: BackupsConfig; onSaved: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);

  const save = async (v: Values) => {
    setSaving(true);
    try {
      await api.backups.config({
        offsiteDir: v.offsiteDir.trim() ? v.offsiteDir.trim() : null,
        ...(v.password ? { password: v.password, currentPassword: v.currentPassword || undefined } : {}),
      });
      form.setFieldsValue({ password: '', confirm: '', currentPassword: '' });
      void message.success('备份设置已保存');
      onSaved();
    } catch (e) {
      if (e instanceof ApiError && e.body.issues?.length) {
        form.setFields(e.body.issues.map((i) => ({ name: i.path[0] as keyof Values, errors: [i.message] })));
      } else void message.error(e instanceof ApiError ? e.message : '保存失败');
    } finally {
      setSaving(false);
    }
  };

  return (
    <Card title="U盘（异地）备份设置" size="small">
      <Form
        form={form}
        layout="vertical"
        initialValues={{ offsiteDir: config.offsiteDir ?? '' }}
        onFinish={(v) => void save(v)}
        style={{ maxWidth: 560 }}
      >
        <Form.Item
          name="offsiteDir"
          label="备份文件夹（U盘或网络共享上的完整路径）"
          extra="每天的第一次备份会加密后写入这里。建议用专用U盘，备份后拔下带走保管。"
        >
          <Input placeholder="如 E:\农机备份" data-testid="offsite-dir" />
        </Form.Item>
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          message={
            config.passwordSet ? `备份密码已设置（${config.passwordSetAt ? formatTime(config.passwordSetAt) : ''}）` : '尚未设置备份密码'
          }
          description="U盘上的备份用这个密码加密，丢了U盘别人也打不开。本软件不保存密码本身：忘记密码，这些加密备份就无法恢复，请站长妥善保管。"
        />
        {config.passwordSet && (
          <Form.Item name="currentPassword" label="原备份密码（更改密码时填写）">
            <Input.Password autoComplete="off" />
          </Form.Item>
        )}
        <Space size="middle" wrap>
          <Form.Item
            name="password"
            label={config.passwordSet ? '新备份密码' : '备份密码'}
            rules={[{ min: 8, message: '备份密码至少8位' }]}
          >
            <Input.Password autoComplete="new-password" style={{ width: 240 }} data-testid="backup-password" />
          </Form.Item>
          <Form.Item
            name="confirm"
            label="再输入一次"
            dependencies={['password']}
            rules={[
              ({ getFieldValue }) => ({
                validator: (_r, value) =>
                  (getFieldValue('password') ?? '') === (value ?? '')
                    ? Promise.resolve()
                    : Promise.reject(new Error('两次输入的密码不一致')),
              }),
            ]}
          >
            <Input.Password autoComplete="new-password" style={{ width: 240 }} data-testid="backup-password-confirm" />
          </Form.Item>
        </Space>
        <Button type="primary" htmlType="submit" loading={saving} data-testid="save-backup-settings">
          保存备份设置
        </Button>
        <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
          本机备份保存在：{config.localDir}
        </Typography.Paragraph>
      </Form>
    </Card>
  );
}
