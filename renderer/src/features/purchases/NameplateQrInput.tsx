import { QrcodeOutlined } from '@ant-design/icons';
import type { InputRef } from 'antd';
import type { Ref } from 'react';
import { parseNameplateQr } from '../../../../shared/domain/machine-ids';
import { LimitedInput } from '../../components/LimitedInput';

interface Props {
  id?: string;
  value?: string;
  onChange?: (value: string) => void;
  onBlur?: () => void;
  status?: 'error';
  ref?: Ref<InputRef>;
  /** A code was read: its factory serial, to fill 出厂编号. */
  onScanned: (parsed: { code: string; serial: string }) => void;
  /** Enter on something that is not a nameplate code. */
  onUnreadable: (message: string) => void;
}

/**
 * The nameplate QR code (一机一码). A USB scanner types the code and presses Enter: the serial fills
 * 出厂编号 and Enter moves on. An unreadable code keeps the focus here so it can be scanned again.
 * No silent truncation (LimitedInput): a too-long paste is refused with a message, the count shows near the limit.
 */
export function NameplateQrInput({ value, onChange, onScanned, onUnreadable, ...rest }: Props) {
  return (
    <LimitedInput
      {...rest}
      value={value ?? ''}
      onChange={(e) => onChange?.(e.target.value)}
      autoFocus
      allowClear
      autoComplete="off"
      spellCheck={false}
      maxLength={120}
      prefix={<QrcodeOutlined />}
      placeholder="用扫码枪扫描铭牌旁的二维码；没有二维码可直接回车跳过"
      data-testid="qr-input"
      onKeyDown={(e) => {
        if (e.key !== 'Enter' || e.ctrlKey || e.nativeEvent.isComposing) return;
        const raw = e.currentTarget.value;
        if (!raw.trim()) return;
        const parsed = parseNameplateQr(raw);
        if (parsed) {
          onScanned(parsed);
          return;
        }
        // stay here: the form's Enter-to-next handler must not move on from a bad scan
        e.preventDefault();
        e.stopPropagation();
        onUnreadable('无法识别的铭牌二维码（应为4位随机码加出厂编号，不超过40位），请重新扫描或清空后手工填写出厂编号');
        e.currentTarget.select();
      }}
    />
  );
}
