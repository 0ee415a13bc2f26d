import { Alert, App, Button, Card, Input, Space } from 'antd';
import { useState } from 'react';
import { api } from '../../api/client';
import { useApiQuery } from '../../hooks/useApiQuery';
import { errorText } from './errors';

/** 异议受理: the station's address and phone, printed on every notice (设置). */
export function NoticeContactCard({ onSaved }: { onSaved?: () => void }) {
  const { message } = App.useApp();
  const contact = useApiQuery('notice-contact', () => api.notices.contact({}));
  const [edit, setEdit] = useState<{ address?: string; phone?: string }>({});
  const address = edit.address ?? contact.data?.address ?? '';
  const phone = edit.phone ?? contact.data?.phone ?? '';
  const setAddress = (v: string) => setEdit((e) => ({ ...e, address: v }));
  const setPhone = (v: string) => setEdit((e) => ({ ...e, phone: v }));
  const [error, setError] = useState<string | null>(null);
  const save = async () => {
    try {
      await api.notices.setContact({ address, phone });
      setError(null);
      void message.success('异议受理地址和电话已保存');
      contact.reload();
      onSaved?.();
    } catch (e) {
      setError(errorText(e, '保存失败'));
    }
  };
  return (
    <Card size="small" title="公示异议受理（印在公示表上）">
      <Space wrap>
        <Input
          addonBefore="地址"
          style={{ width: 360 }}
          value={address}
          onChange={(e) => setAddress(e.target.value)}
          data-testid="contact-address"
        />
        <Input
          addonBefore="电话"
          style={{ width: 220 }}
          value={phone}
          onChange={(e) => setPhone(e.target.value)}
          data-testid="contact-phone"
        />
        <Button onClick={() => void save()} data-testid="contact-save">
          保存
        </Button>
      </Space>
      {error && <Alert type="error" showIcon title={error} style={{ marginTop: 8 }} />}
    </Card>
  );
}
