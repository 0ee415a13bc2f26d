import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, Button, Card, Form, Input, Radio, Typography } from 'antd';
import { useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import type { z } from 'zod';
import { setupInput, type Settings } from '../../../../shared/schemas/settings';
import { api } from '../../api/client';
import { Field } from '../../components/form/Field';
import { enterToNext } from '../../components/form/enter-to-next';
import { applyServerErrors } from '../../components/form/server-errors';
import { TownshipSelect } from '../../components/TownshipSelect';

type Values = z.input<typeof setupInput>;
const FIELDS = ['role', 'townshipCode', 'operator'] as const;

/** First run: what this installation is, and who works at it. Asked once. */
export function SetupPage({ dbPath, onDone }: { dbPath: string; onDone: (s: Settings) => void }) {
  const [banner, setBanner] = useState<string | null>(null);
  const { control, handleSubmit, setError, formState } = useForm<Values, unknown, z.output<typeof setupInput>>({
    resolver: zodResolver(setupInput),
    defaultValues: { role: 'station', operator: '' },
  });
  const role = useWatch({ control, name: 'role' });

  const submit = handleSubmit(async (values) => {
    setBanner(null);
    try {
      onDone(await api.settings.setup(values));
    } catch (error) {
      setBanner(applyServerErrors(error, setError, FIELDS));
    }
  });

  return (
    <div style={{ minHeight: '100%', display: 'flex', alignItems: 'center', justifyContent: 'center', padding: 24 }}>
      <Card style={{ width: 520 }}>
        <Typography.Title level={3} style={{ marginTop: 0 }}>
          初始设置
        </Typography.Title>
        <Typography.Paragraph type="secondary">
          欢迎使用冠县农机更新补贴台账。请先确定本机用途：本设置只需做一次，完成后本机会生成唯一的站点编号，用于向县农业农村局上报和合并数据。
        </Typography.Paragraph>
        {banner && <Alert type="error" showIcon message={banner} style={{ marginBottom: 16 }} />}
        <Form layout="vertical" component="div" onKeyDown={enterToNext(() => void submit())}>
          <Field
            control={control}
            name="role"
            label="本机用途"
            required
            render={({ value, onChange, id }) => (
              <Radio.Group id={id} value={value} onChange={(e) => onChange(e.target.value)} optionType="button" buttonStyle="solid">
                <Radio.Button value="station">乡镇农机站</Radio.Button>
                <Radio.Button value="county">县农业农村局</Radio.Button>
              </Radio.Group>
            )}
          />
          {role === 'station' && (
            <Field
              control={control}
              name="townshipCode"
              label="所属乡镇（街道）"
              required
              render={(field) => <TownshipSelect {...field} />}
            />
          )}
          <Field
            control={control}
            name="operator"
            label="操作员姓名"
            required
            extra="记录在每一条登记和修改的操作日志中，之后可在“设置”里更换"
            render={(field) => <Input {...field} maxLength={20} placeholder="例如：王建国" autoComplete="off" />}
          />
          <Button type="primary" size="large" block loading={formState.isSubmitting} onClick={() => void submit()}>
            完成设置
          </Button>
        </Form>
        <Typography.Paragraph type="secondary" style={{ marginTop: 16, marginBottom: 0, fontSize: 12 }}>
          数据文件：{dbPath}
        </Typography.Paragraph>
      </Card>
    </div>
  );
}
