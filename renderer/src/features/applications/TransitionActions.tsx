import { Alert, App, Button, Checkbox, Modal, Space, Typography } from 'antd';
import { useSession } from '../../session-context';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import {
  ACTION_LABELS,
  allowedNext,
  CHECKS,
  doorFor,
  needsReason,
  STATUS_LABELS,
  type ApplicationKind,
  type Status,
} from '../../../../shared/domain/workflow';
import { api, ApiError } from '../../api/client';
import { ObjectionDialog } from '../notices/ObjectionDialog';
import { PayDialog } from '../notices/PayDialog';
import { LimitedTextArea } from '../../components/LimitedInput';

interface Props {
  kind: ApplicationKind;
  id: string;
  status: Status;
  /** Who it is for, in the confirmation text. */
  subject: string;
  onDone: () => void;
}

function ActionDialog({ kind, id, subject, to, onClose, onDone }: Omit<Props, 'status'> & { to: Status; onClose: () => void }) {
  const { message } = App.useApp();
  const [checks, setChecks] = useState<Record<string, boolean>>({});
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const verifying = to === 'verified';
  const reasonRequired = needsReason(to);
  const allChecked = CHECKS[kind].every((c) => checks[c.key]);

  const confirm = async () => {
    if (reasonRequired && text.trim().length < 2) {
      setError(to === 'returned' ? '请填写退回原因（至少2个字）' : '请填写作废原因（至少2个字）');
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await api.applications.transition({
        kind,
        ids: [id],
        to,
        ...(reasonRequired ? { reason: text.trim() } : {}),
        ...(verifying
          ? { checks: Object.fromEntries(CHECKS[kind].map((c) => [c.key, Boolean(checks[c.key])])), note: text.trim() || undefined }
          : {}),
      });
      void message.success(`已${ACTION_LABELS[to]}：${subject}`);
      onDone();
    } catch (e) {
      setError(e instanceof ApiError ? e.message : '办理失败，请重试');
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open
      title={`${ACTION_LABELS[to]} · ${subject}`}
      okText={`确认${ACTION_LABELS[to]}`}
      cancelText="取消"
      okButtonProps={{
        loading: busy,
        danger: to === 'voided',
        disabled: verifying && !allChecked,
        autoFocus: !verifying && !reasonRequired,
      }}
      onOk={() => void confirm()}
      onCancel={onClose}
      destroyOnHidden
    >
      <div data-testid="transition-dialog">
        {verifying && (
          <Space orientation="vertical" style={{ width: '100%', marginBottom: 12 }}>
            <Typography.Text>现场核验（四项全部核实后才能通过；核验不通过请退回）：</Typography.Text>
            {CHECKS[kind].map((c, i) => (
              <Checkbox
                key={c.key}
                autoFocus={i === 0}
                checked={Boolean(checks[c.key])}
                onChange={(e) => setChecks((prev) => ({ ...prev, [c.key]: e.target.checked }))}
              >
                {c.label}
              </Checkbox>
            ))}
          </Space>
        )}
        {!verifying && !reasonRequired && <p>确认将该申请办理为“{STATUS_LABELS[to]}”？</p>}
        {(verifying || reasonRequired) && (
          <LimitedTextArea
            autoFocus={reasonRequired}
            rows={3}
            maxLength={200}
            placeholder={
              verifying ? '核验备注（可不填）' : to === 'returned' ? '退回原因，例如：发票型号与铭牌不一致' : '作废原因，例如：重复登记'
            }
            value={text}
            status={error && reasonRequired ? 'error' : undefined}
            onChange={(e) => setText(e.target.value)}
            data-testid="transition-text"
          />
        )}
        {error && <Alert type="error" showIcon title={error} style={{ marginTop: 12 }} />}
      </div>
    </Modal>
  );
}

const HEAD_ONLY_STEPS: readonly Status[] = ['verified', 'published', 'paid'];

/**
 * The moves allowed from the current status (受理, 核验通过, 退回, 作废, 重新提交). 公示 opens the notice page with this
 * application chosen; 兑付 asks for the payment facts; a published one can have an objection recorded.
 */
export function TransitionActions(props: Props) {
  const navigate = useNavigate();
  const [to, setTo] = useState<Status | null>(null);
  const [objecting, setObjecting] = useState(false);
  const { user } = useSession();
  // 核验、公示、兑付 are the 站长's steps; the service refuses them for anyone else anyway
  const next = allowedNext(props.status).filter(
    (s) => doorFor(props.status, s) !== 'objection' && (user.role === 'stationHead' || !HEAD_ONLY_STEPS.includes(s)),
  );
  if (!next.length) return null;
  const click = (s: Status) => {
    if (doorFor(props.status, s) === 'notice') navigate('/notices', { state: { select: [`${props.kind}:${props.id}`] } });
    else setTo(s);
  };
  const done = () => {
    setTo(null);
    setObjecting(false);
    props.onDone();
  };
  return (
    <>
      <Space wrap>
        {next.map((s) => (
          <Button
            key={s}
            type={s === 'returned' || s === 'voided' ? 'default' : 'primary'}
            danger={s === 'voided'}
            onClick={() => click(s)}
            data-testid={`action-${s}`}
          >
            {ACTION_LABELS[s]}
          </Button>
        ))}
        {props.status === 'published' && (
          <Button onClick={() => setObjecting(true)} data-testid="action-objection">
            登记异议
          </Button>
        )}
      </Space>
      {to === 'paid' && <PayDialog kind={props.kind} id={props.id} subject={props.subject} onClose={() => setTo(null)} onDone={done} />}
      {to && to !== 'paid' && <ActionDialog {...props} to={to} onClose={() => setTo(null)} onDone={done} />}
      {objecting && (
        <ObjectionDialog
          mode="raise"
          kind={props.kind}
          id={props.id}
          subject={props.subject}
          onClose={() => setObjecting(false)}
          onDone={done}
        />
      )}
    </>
  );
}
