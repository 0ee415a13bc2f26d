import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, App, Button, Card, Descriptions, Form, InputNumber, Modal, Space } from 'antd';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { dryingConfigInput, type DryingConfig, type DryingConfigInput } from '../../../../shared/schemas/drying';
import { api } from '../../api/client';
import { Field } from '../../components/form/Field';
import { enterToNext } from '../../components/form/enter-to-next';
import { applyServerErrors } from '../../components/form/server-errors';

function ConfigForm({ config, onSaved, onCancel }: { config: DryingConfig; onSaved: () => void; onCancel: () => void }) {
  const [banner, setBanner] = useState<string | null>(null);
  const { control, handleSubmit, setError, formState } = useForm<DryingConfigInput, unknown, DryingConfigInput>({
    resolver: zodResolver(dryingConfigInput),
    defaultValues: { batchesPerDay: config.batchesPerDay },
  });
  const submit = handleSubmit(async (values) => {
    try {
      await api.drying.config.update(values);
      onSaved();
    } catch (e) {
      setBanner(applyServerErrors(e, setError, ['batchesPerDay']));
    }
  });
  return (
    <Form layout="vertical" component="div" onKeyDown={enterToNext(() => void submit())} data-testid="config-form">
      {banner && <Alert type="error" showIcon title={banner} style={{ marginBottom: 12 }} />}
      <Field
        control={control}
        name="batchesPerDay"
        label="循环式烘干机每日批次"
        required
        extra="只填了吨/批的循环式烘干机，日处理量 = 吨/批 × 每日批次（待县局确认，默认 2）"
        render={(f) => (
          <InputNumber
            {...f}
            value={f.value}
            onChange={(v) => f.onChange(v ?? undefined)}
            min={0.5}
            max={24}
            step={0.5}
            autoFocus
            style={{ width: 160 }}
          />
        )}
      />
      <Space>
        <Button type="primary" loading={formState.isSubmitting} onClick={() => void submit()} data-testid="config-submit">
          保存
        </Button>
        <Button onClick={onCancel}>取消</Button>
      </Space>
    </Form>
  );
}

/** The settings the dashboard depends on (the coal target year comes from the year's targets), shown where the numbers are, editable in place. */
export function DryingConfigCard({ config, onChanged }: { config: DryingConfig; onChanged: () => void }) {
  const { message } = App.useApp();
  const [editing, setEditing] = useState(false);
  return (
    <Card
      size="small"
      title="计算口径"
      extra={
        <Button size="small" onClick={() => setEditing(true)} data-testid="edit-config">
          修改
        </Button>
      }
    >
      <Descriptions column={1} size="small" data-testid="drying-config">
        <Descriptions.Item label="循环式每日批次">{config.batchesPerDay} 批/日（未填日处理量时折算）</Descriptions.Item>
        <Descriptions.Item label="燃煤清零目标">{config.coalTargetYear} 年底（在“目标进度 · 年度目标”中设定）</Descriptions.Item>
        <Descriptions.Item label="运行能力">投产设施中在用（含已改造）的烘干机</Descriptions.Item>
        <Descriptions.Item label="规划能力">未停用设施中未淘汰的全部烘干机</Descriptions.Item>
      </Descriptions>
      <Modal open={editing} title="修改计算口径" footer={null} onCancel={() => setEditing(false)} destroyOnHidden>
        <ConfigForm
          config={config}
          onCancel={() => setEditing(false)}
          onSaved={() => {
            setEditing(false);
            void message.success('已保存');
            onChanged();
          }}
        />
      </Modal>
    </Card>
  );
}
