import { chinaDateTime } from '../../../../shared/domain/civil-date';
import { ArrowLeftOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Descriptions, Drawer, Space, Spin, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import { FARMER_KIND_LABELS, type Farmer } from '../../../../shared/schemas/farmers';
import { api } from '../../api/client';
import { VoidDialog } from '../../components/VoidDialog';
import { useApiQuery } from '../../hooks/useApiQuery';
import { useSettings } from '../../settings-context';
import { FarmerActions, FarmerApplications } from '../applications/FarmerApplications';
import { AuditTrail } from '../audit/AuditTrail';
import { FarmerForm } from './FarmerForm';

function FarmerFacts({ farmer }: { farmer: Farmer }) {
  return (
    <Descriptions bordered column={2} size="middle" data-testid="farmer-detail">
      <Descriptions.Item label="姓名 / 名称">{farmer.name}</Descriptions.Item>
      <Descriptions.Item label="类型">{FARMER_KIND_LABELS[farmer.kind]}</Descriptions.Item>
      <Descriptions.Item label="证件号码">
        <span className="masked">{farmer.idNumber}</span>
      </Descriptions.Item>
      <Descriptions.Item label="出生日期">{farmer.birthDate ?? '—'}</Descriptions.Item>
      {farmer.kind !== 'individual' && <Descriptions.Item label="负责人">{farmer.contactName ?? '—'}</Descriptions.Item>}
      <Descriptions.Item label="手机号">
        <span className="masked">{farmer.phone}</span>
      </Descriptions.Item>
      <Descriptions.Item label="补贴银行卡">
        <span className="masked">{farmer.bankCard ?? '未登记'}</span>
        {farmer.bankName ? `（${farmer.bankName}）` : ''}
      </Descriptions.Item>
      <Descriptions.Item label="乡镇 / 村">
        {farmer.townshipName} {farmer.village}
      </Descriptions.Item>
      <Descriptions.Item label="详细地址">{farmer.address ?? '—'}</Descriptions.Item>
      <Descriptions.Item label="登记时间">{chinaDateTime(farmer.createdAt)}</Descriptions.Item>
      <Descriptions.Item label="最后修改">{chinaDateTime(farmer.updatedAt)}</Descriptions.Item>
    </Descriptions>
  );
}

/** One buyer in full (the only place full ID, phone and card numbers appear), with edit, void and history. */
export function FarmerDetailPage() {
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const { settings } = useSettings();
  const [editing, setEditing] = useState(false);
  const [voiding, setVoiding] = useState(false);
  const farmer = useApiQuery(id, () => api.farmers.get({ id }));
  const f = farmer.data;
  const ownRow = f?.stationId === settings.stationId;

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Button icon={<ArrowLeftOutlined />} onClick={() => navigate('/counter')}>
        返回登记台
      </Button>
      {farmer.error && <Alert type="error" showIcon message={farmer.error} />}
      {!f && farmer.loading && <Spin />}
      {f && (
        <>
          <Card
            title={
              <Space>
                <Typography.Text strong style={{ fontSize: 18 }}>
                  {f.name}
                </Typography.Text>
                {f.voidedAt ? <Tag color="red">已作废</Tag> : <Tag color="green">正常</Tag>}
              </Space>
            }
            extra={
              !f.voidedAt &&
              ownRow && (
                <Space>
                  <Button type="primary" onClick={() => setEditing(true)} data-testid="edit-farmer">
                    编辑
                  </Button>
                  <Button danger onClick={() => setVoiding(true)} data-testid="void-farmer">
                    作废
                  </Button>
                </Space>
              )
            }
          >
            {f.voidedAt && (
              <Alert
                type="warning"
                showIcon
                style={{ marginBottom: 16 }}
                message={`该记录已于 ${chinaDateTime(f.voidedAt)} 作废，原因：${f.voidReason ?? ''}`}
              />
            )}
            {!ownRow && <Alert type="info" showIcon style={{ marginBottom: 16 }} message="该记录由其他站点登记，此处只读" />}
            <FarmerFacts farmer={f} />
          </Card>
          <Card title="办理业务" extra={<FarmerActions farmer={f} canAct={ownRow && settings.role === 'station'} />}>
            <FarmerApplications farmer={f} />
          </Card>
          <Card title="操作记录">
            <AuditTrail entityId={f.id} refreshKey={f.updatedAt} />
          </Card>
          <Drawer title="编辑农户信息" size={720} open={editing} onClose={() => setEditing(false)} destroyOnHidden>
            <FarmerForm
              farmer={f}
              onCancel={() => setEditing(false)}
              onSaved={() => {
                setEditing(false);
                void message.success('已保存');
                farmer.reload();
              }}
            />
          </Drawer>
          <VoidDialog
            open={voiding}
            title="作废农户记录"
            subject={`农户“${f.name}”`}
            onClose={() => setVoiding(false)}
            onVoid={async (reason) => {
              await api.farmers.void({ id: f.id, reason });
              setVoiding(false);
              void message.success('已作废');
              farmer.reload();
            }}
          />
        </>
      )}
    </Space>
  );
}
