import { Alert, App, Form, Input, Modal, Radio } from 'antd';
import { useState } from 'react';
import { chinaTodayNow } from '../../../../shared/domain/civil-date';
import type { ApplicationKind } from '../../../../shared/domain/workflow';
import { OBJECTION_OUTCOME_LABELS, type Objection } from '../../../../shared/schemas/notices';
import { api } from '../../api/client';
import { DateInput } from '../../components/DateInput';
import { errorText } from './errors';

type Props =
  | { mode: 'raise'; kind: ApplicationKind; id: string; subject: string; onClose: () => void; onDone: () => void }
  | { mode: 'resolve'; objection: Objection; subject: string; onClose: () => void; onDone: () => void };

/** 异议: record one raised during the notice (who, when, what), or its outcome (back to 核验, or 退回). */
export function ObjectionDialog(props: Props) {
  const { message } = App.useApp();
  const [raisedBy, setRaisedBy] = useState('');
  const [raisedOn, setRaisedOn] = useState<string | undefined>(chinaTodayNow());
  const [content, setContent] = useState('');
  const [outcome, setOutcome] = useState<'recheck' | 'returned'>('recheck');
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const confirm = async () => {
    setBusy(true);
    setError(null);
    try {
      if (props.mode === 'raise') {
        await api.applications.objection({ action: 'raise', kind: props.kind, id: props.id, raisedBy, raisedOn: raisedOn ?? '', content });
        void message.success(`已登记异议：${props.subject}，处理前不能兑付`);
      } else {
        await api.applications.objection({ action: 'resolve', objectionId: props.objection.id, outcome, note });
        void message.success(`异议已处理：${OBJECTION_OUTCOME_LABELS[outcome]}`);
      }
      props.onDone();
    } catch (e) {
      setError(errorText(e, '保存失败，请重试'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open
      title={`${props.mode === 'raise' ? '登记异议' : '处理异议'} · ${props.subject}`}
      okText={props.mode === 'raise' ? '登记异议' : '确认处理'}
      cancelText="取消"
      onOk={() => void confirm()}
      onCancel={props.onClose}
      okButtonProps={{ loading: busy }}
      destroyOnHidden
    >
      <Form layout="vertical" data-testid="objection-dialog">
        {props.mode === 'raise' ? (
          <>
            <Form.Item label="异议人" required>
              <Input
                autoFocus
                value={raisedBy}
                onChange={(e) => setRaisedBy(e.target.value)}
                placeholder="姓名或“匿名”，可写联系方式"
                data-testid="objection-by"
              />
            </Form.Item>
            <Form.Item label="提出日期" required extra="须在公示期内">
              <DateInput value={raisedOn} onChange={setRaisedOn} noFuture />
            </Form.Item>
            <Form.Item label="异议内容" required>
              <Input.TextArea rows={3} value={content} onChange={(e) => setContent(e.target.value)} data-testid="objection-content" />
            </Form.Item>
          </>
        ) : (
          <>
            <Alert
              type="info"
              showIcon
              style={{ marginBottom: 12 }}
              title={`${props.objection.raisedOn} ${props.objection.raisedBy}：${props.objection.content}`}
            />
            <Form.Item label="处理结果" required>
              <Radio.Group
                value={outcome}
                onChange={(e) => setOutcome(e.target.value as 'recheck' | 'returned')}
                options={[
                  { value: 'recheck', label: '退回重新核验（更正后重新公示）' },
                  { value: 'returned', label: '退回申请' },
                ]}
              />
            </Form.Item>
            <Form.Item label="处理说明" required>
              <Input.TextArea
                rows={3}
                value={note}
                onChange={(e) => setNote(e.target.value)}
                placeholder="如：经核实为本人购买，重新核验"
                data-testid="objection-note"
              />
            </Form.Item>
          </>
        )}
        {error && <Alert type="error" showIcon title={error} data-testid="objection-error" />}
      </Form>
    </Modal>
  );
}
