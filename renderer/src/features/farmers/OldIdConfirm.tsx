import { Alert, Button } from 'antd';
import { convertibleOldId } from '../../../../shared/domain/idcard';

interface Props {
  /** What is typed in the ID field. */
  value: string | undefined;
  /** Puts the 18-digit number in the field once the technician has compared it with the card. */
  onUse: (eighteen: string) => void;
}

/**
 * An old 15-digit ID (issued before 1999) is not refused: the 18-digit number the standard gives it is
 * shown, for the technician to compare with the card and take with one click (or Enter on the button).
 */
export function OldIdConfirm({ value, onUse }: Props) {
  const eighteen = convertibleOldId(value ?? '');
  if (!eighteen) return null;
  return (
    <Alert
      type="warning"
      showIcon
      style={{ marginTop: 8 }}
      data-testid="old-id-confirm"
      message={
        <span>
          15位旧身份证号，按国家标准转为18位：<b className="masked">{eighteen}</b>（补“19”，校验码 {eighteen.charAt(17)}），请与身份证核对。
        </span>
      }
      description={
        <Button size="small" type="primary" onClick={() => onUse(eighteen)} data-testid="old-id-use">
          核对无误，使用18位号码
        </Button>
      }
    />
  );
}
