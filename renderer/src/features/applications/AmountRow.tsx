import { Typography } from 'antd';
import { formatFen } from '../../../../shared/domain/money';

/** One amount line: label on the left, "7,900.00 元" right-aligned in tabular figures (never wrapped). */
export function AmountRow({ label, fen, testId, strong }: { label: string; fen: number; testId?: string; strong?: boolean }) {
  return (
    <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'baseline', gap: 12, padding: '4px 0' }}>
      <Typography.Text strong={strong}>{label}</Typography.Text>
      <Typography.Text
        strong
        style={{ fontSize: strong ? 20 : 16, fontWeight: strong ? 600 : 500, fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' }}
        data-testid={testId}
      >
        {formatFen(fen)} 元
      </Typography.Text>
    </div>
  );
}
