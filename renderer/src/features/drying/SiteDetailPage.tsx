import { chinaDateTime } from '../../../../shared/domain/civil-date';
import { ArrowLeftOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Drawer, Modal, Space, Spin, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import { SITE_KIND_LABELS } from '../../../../shared/schemas/drying';
import type { Dryer } from '../../../../shared/schemas/drying';
import { api } from '../../api/client';
import { VoidDialog } from '../../components/VoidDialog';
import { useApiQuery } from '../../hooks/useApiQuery';
import { useSettings } from '../../settings-context';
import { DryerForm } from './DryerForm';
import { DryerTable } from './DryerTable';
import { StageTag } from './labels';
import { RetireForm } from './RetireForm';
import { SiteFacts } from './SiteFacts';
import { SiteForm } from './SiteForm';
import { SitePhotos } from './SitePhotos';
import { StagePanel } from './StagePanel';

type DryerDialog = { kind: 'add' } | { kind: 'edit' | 'retire' | 'void'; dryer: Dryer } | null;

/** /drying/sites/:id — one site: record, stages with history, dryers and their retirement, photos. */
export function SiteDetailPage() {
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const { settings } = useSettings();
  const [editing, setEditing] = useState(false);
  const [voiding, setVoiding] = useState(false);
  const [dialog, setDialog] = useState<DryerDialog>(null);
  const query = useApiQuery(`drying-site:${id}`, () => api.drying.sites.get({ id }));
  const site = query.data;
  const canEdit = Boolean(site && site.stationId === settings.stationId && !site.voidedAt);
  const saved = (text: string) => {
    setDialog(null);
    void message.success(text);
    query.reload();
  };

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Button icon={<ArrowLeftOutlined />} onClick={() => navigate('/drying')}>
        返回烘干设施
      </Button>
      {query.error && <Alert type="error" showIcon title={query.error} />}
      {!site && query.loading && <Spin />}
      {site && (
        <>
          <Card
            title={
              <Space>
                <Typography.Text strong style={{ fontSize: 18 }} data-testid="site-name">
                  {site.name}
                </Typography.Text>
                <Tag>{SITE_KIND_LABELS[site.kind]}</Tag>
                <StageTag stage={site.stage} />
                {site.voidedAt && <Tag color="red">已作废</Tag>}
              </Space>
            }
            extra={
              canEdit && (
                <Space>
                  <Button type="primary" onClick={() => setEditing(true)} data-testid="edit-site">
                    编辑
                  </Button>
                  <Button danger onClick={() => setVoiding(true)}>
                    作废
                  </Button>
                </Space>
              )
            }
          >
            {site.voidedAt && (
              <Alert
                type="warning"
                showIcon
                style={{ marginBottom: 16 }}
                title={`已于 ${chinaDateTime(site.voidedAt)} 作废，原因：${site.voidReason ?? ''}`}
              />
            )}
            {site.stationId !== settings.stationId && (
              <Alert type="info" showIcon style={{ marginBottom: 16 }} title="该设施由其他站点登记，此处只读" />
            )}
            <SiteFacts site={site} />
          </Card>
          <Card title="建设阶段">
            <StagePanel site={site} canEdit={canEdit} onChanged={() => query.reload()} />
          </Card>
          <Card
            title={`烘干机（${site.dryers.length} 台）`}
            extra={
              canEdit && (
                <Button icon={<PlusOutlined />} onClick={() => setDialog({ kind: 'add' })} data-testid="add-dryer">
                  添加烘干机
                </Button>
              )
            }
          >
            <DryerTable
              dryers={site.dryers}
              batchesPerDay={site.batchesPerDay}
              canEdit={canEdit}
              onEdit={(dryer) => setDialog({ kind: 'edit', dryer })}
              onRetire={(dryer) => setDialog({ kind: 'retire', dryer })}
              onVoid={(dryer) => setDialog({ kind: 'void', dryer })}
            />
          </Card>
          <Card title="照片">
            <SitePhotos site={site} readOnly={!canEdit} onChanged={() => query.reload()} />
          </Card>
          <Drawer title="编辑烘干设施" size={760} open={editing} onClose={() => setEditing(false)} destroyOnHidden>
            <SiteForm
              site={site}
              onCancel={() => setEditing(false)}
              onSaved={() => {
                setEditing(false);
                void message.success('已保存');
                query.reload();
              }}
            />
          </Drawer>
          <Drawer
            title={dialog?.kind === 'edit' ? '编辑烘干机' : '添加烘干机'}
            size={640}
            open={dialog?.kind === 'add' || dialog?.kind === 'edit'}
            onClose={() => setDialog(null)}
            destroyOnHidden
          >
            {(dialog?.kind === 'add' || dialog?.kind === 'edit') && (
              <DryerForm
                siteId={site.id}
                dryer={dialog.kind === 'edit' ? dialog.dryer : undefined}
                batchesPerDay={site.batchesPerDay}
                onCancel={() => setDialog(null)}
                onSaved={() => saved(dialog.kind === 'edit' ? '已保存' : '已添加烘干机')}
              />
            )}
          </Drawer>
          <Modal
            open={dialog?.kind === 'retire'}
            title={dialog?.kind === 'retire' ? `淘汰/改造：${dialog.dryer.model}（${dialog.dryer.maker}）` : ''}
            footer={null}
            width={640}
            onCancel={() => setDialog(null)}
            destroyOnHidden
          >
            {dialog?.kind === 'retire' && (
              <RetireForm dryer={dialog.dryer} onCancel={() => setDialog(null)} onSaved={() => saved('已保存淘汰/改造记录')} />
            )}
          </Modal>
          <VoidDialog
            open={dialog?.kind === 'void'}
            title="作废烘干机"
            subject={dialog?.kind === 'void' ? `烘干机“${dialog.dryer.model}”` : ''}
            onClose={() => setDialog(null)}
            onVoid={async (reason) => {
              if (dialog?.kind !== 'void') return;
              await api.drying.dryers.void({ id: dialog.dryer.id, reason });
              saved('已作废');
            }}
          />
          <VoidDialog
            open={voiding}
            title="作废烘干设施"
            subject={`烘干设施“${site.name}”及其烘干机`}
            onClose={() => setVoiding(false)}
            onVoid={async (reason) => {
              await api.drying.sites.void({ id: site.id, reason });
              setVoiding(false);
              void message.success('已作废');
              query.reload();
            }}
          />
        </>
      )}
    </Space>
  );
}
