import { ExclamationCircleOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Space, Typography } from 'antd';
import { ApiError } from '../../api/client';
import { WARNING_CODES, type Warning, type WarningCode } from '../../../../shared/schemas/purchases';
import { LimitedTextArea } from '../../components/LimitedInput';

/**
 * The warnings a refused save carried (VALIDATION, issues at ['overrides', code]); empty when the
 * error was about something else.
 */
export function warningsOf(error: unknown): Warning[] {
  if (!(error instanceof ApiError) || error.code !== 'VALIDATION') return [];
  const issues = error.body.issues ?? [];
  return issues
    .filter((i) => i.path[0] === 'overrides' && WARNING_CODES.includes(i.path[1] as WarningCode))
    .map((i) => ({ code: i.path[1] as WarningCode, message: i.message }));
}

interface Props {
  warnings: Warning[];
  reasons: Partial<Record<WarningCode, string>>;
  errors: Partial<Record<WarningCode, string>>;
  onReason: (code: WarningCode, reason: string) => void;
  onSubmit: () => void;
  busy: boolean;
}

/** Each warning in words with a required reason; saving again sends the reasons as overrides. */
export function WarningOverrides({ warnings, reasons, errors, onReason, onSubmit, busy }: Props) {
  if (!warnings.length) return null;
  return (
    <Card
      size="small"
      style={{ marginBottom: 16, borderColor: '#faad14' }}
      title={
        <Space>
          <ExclamationCircleOutlined style={{ color: '#faad14' }} />
          需要说明原因才能保存
        </Space>
      }
      data-testid="warning-overrides"
    >
      {warnings.map((w, i) => (
        <div key={w.code} style={{ marginBottom: 12 }} data-warning={w.code}>
          <Alert type="warning" showIcon title={w.message} style={{ marginBottom: 8 }} />
          <LimitedTextArea
            autoFocus={i === 0}
            rows={2}
            maxLength={200}
            placeholder="核实情况后填写原因，例如：已核对发票与铭牌，型号为厂家两款不同机型"
            value={reasons[w.code] ?? ''}
            status={errors[w.code] ? 'error' : undefined}
            onChange={(e) => onReason(w.code, e.target.value)}
            aria-label={`原因：${w.message}`}
            data-testid={`override-reason-${w.code}`}
          />
          {errors[w.code] && <Typography.Text type="danger">{errors[w.code]}</Typography.Text>}
        </div>
      ))}
      <Space>
        <Button type="primary" loading={busy} onClick={onSubmit} data-testid="override-submit">
          说明原因后保存
        </Button>
        <span className="kbd-hint">填写后按 Ctrl+回车 也可保存</span>
      </Space>
    </Card>
  );
}
