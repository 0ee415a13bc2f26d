import { chinaDateTime, chinaTodayNow } from '../../../../shared/domain/civil-date';
import { Alert, App, Button, Form, Modal, Space, Steps, Table } from 'antd';
import { useState } from 'react';
import { nextStages, SITE_STAGE_LABELS, STAGE_PATH, type SiteStage } from '../../../../shared/domain/drying-stages';
import type { Site, SiteEvent } from '../../../../shared/schemas/drying';
import { api, ApiError } from '../../api/client';
import { DateInput } from '../../components/DateInput';
import { StageTag } from './labels';
import { LimitedInput } from '../../components/LimitedInput';

/** What the button says for each move. */
const ACTION: Record<SiteStage, string> = { planned: '', building: '开工（转为在建）', built: '建成', operating: '投产', closed: '停用' };

function TransitionDialog({ site, to, onDone, onClose }: { site: Site; to: SiteStage; onDone: (s: Site) => void; onClose: () => void }) {
  const [date, setDate] = useState<string | undefined>(chinaTodayNow());
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const confirm = async () => {
    if (!date) return setError(`请填写${SITE_STAGE_LABELS[to]}日期`);
    setBusy(true);
    setError(null);
    try {
      onDone(await api.drying.sites.transition({ id: site.id, to, date, note, expectedUpdatedAt: site.updatedAt }));
    } catch (e) {
      setError(e instanceof ApiError ? e.message : '操作失败，请重试');
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      open
      title={`${site.name}：${SITE_STAGE_LABELS[site.stage]} → ${SITE_STAGE_LABELS[to]}`}
      okText={`确认${SITE_STAGE_LABELS[to]}`}
      okButtonProps={{ loading: busy, danger: to === 'closed', 'data-testid': 'transition-confirm' } as never}
      cancelText="取消"
      onOk={() => void confirm()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form layout="vertical" component="div" data-testid="transition-form">
        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} data-testid="transition-error" />}
        <Form.Item
          label={`${SITE_STAGE_LABELS[to]}日期`}
          required
          extra={`不早于${SITE_STAGE_LABELS[site.stage]}日期 ${site.stageDates[site.stage] ?? ''}，不晚于今天`}
        >
          <DateInput id="field-date" value={date} onChange={setDate} noFuture />
        </Form.Item>
        <Form.Item label="说明">
          <LimitedInput
            value={note}
            onChange={(e) => setNote(e.target.value)}
            maxLength={200}
            placeholder={to === 'closed' ? '停用原因' : '可不填'}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** 规划 → 在建 → 建成 → 投产 (or 停用) as steps with dates, the next moves as buttons, and the history. */
export function StagePanel({ site, canEdit, onChanged }: { site: Site; canEdit: boolean; onChanged: (s: Site) => void }) {
  const { message } = App.useApp();
  const [to, setTo] = useState<SiteStage | null>(null);
  const path: SiteStage[] = site.stage === 'closed' ? [...STAGE_PATH.filter((s) => site.stageDates[s]), 'closed'] : [...STAGE_PATH];
  const current = path.indexOf(site.stage);
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Steps
        current={current}
        status={site.stage === 'closed' ? 'error' : site.stage === 'operating' ? 'finish' : 'process'}
        items={path.map((s) => ({
          title: SITE_STAGE_LABELS[s],
          content: site.stageDates[s] ?? (s === 'operating' && site.plannedCompletion ? `计划 ${site.plannedCompletion}` : ''),
        }))}
        data-testid="stage-steps"
      />
      {canEdit && nextStages(site.stage).length > 0 && (
        <Space>
          {nextStages(site.stage).map((s) => (
            <Button
              key={s}
              type={s === 'closed' ? 'default' : 'primary'}
              danger={s === 'closed'}
              onClick={() => setTo(s)}
              data-testid={`to-${s}`}
            >
              {ACTION[s]}
            </Button>
          ))}
          {site.stage === 'planned' && site.conformity !== 'yes' && (
            <Alert type="warning" showIcon title="须先认定符合国土空间规划并填写文件文号，才能开工" style={{ padding: '2px 10px' }} />
          )}
        </Space>
      )}
      <Table<SiteEvent>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={[...site.events].reverse()}
        data-testid="stage-history"
        columns={[
          { title: '阶段日期', dataIndex: 'date', width: 110 },
          {
            title: '变化',
            key: 'change',
            width: 160,
            render: (_: unknown, e) => (
              <span>
                {e.fromStage ? (
                  <>
                    <StageTag stage={e.fromStage} /> →{' '}
                  </>
                ) : (
                  '登记 '
                )}
                <StageTag stage={e.toStage} />
              </span>
            ),
          },
          { title: '说明', dataIndex: 'note', render: (v: string | null) => v ?? '' },
          { title: '操作员', dataIndex: 'operator', width: 100 },
          { title: '录入时间', dataIndex: 'at', width: 150, render: (v: string) => chinaDateTime(v) },
        ]}
      />
      {to && (
        <TransitionDialog
          site={site}
          to={to}
          onClose={() => setTo(null)}
          onDone={(s) => {
            setTo(null);
            void message.success(`已转为${SITE_STAGE_LABELS[s.stage]}`);
            onChanged(s);
          }}
        />
      )}
    </Space>
  );
}
