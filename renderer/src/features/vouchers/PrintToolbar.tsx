import { ArrowLeftOutlined, FilePdfOutlined, PrinterOutlined } from '@ant-design/icons';
import { Button, Segmented, Select, Space, Typography } from 'antd';
import type { ReactNode } from 'react';
import type { DesktopOutput } from '../../../../shared/api/desktop';
import { desktop } from '../../api/desktop';
import { useApiQuery } from '../../hooks/useApiQuery';
import type { VoucherLayout } from '../../print/print-prefs';
import type { PrintMode } from './useVoucherPrint';

interface Props {
  count: number;
  reprints: number;
  layout: VoucherLayout;
  onLayout: (layout: VoucherLayout) => void;
  busy: PrintMode | null;
  onPrint: (mode: PrintMode) => void;
  printer: string;
  onPrinter: (name: string) => void;
  onBack: () => void;
  /** More buttons (未打印成功 after a print). */
  extra?: ReactNode;
}

type Printers = DesktopOutput<'desktop.printers'>['printers'];

function PrinterSelect({ value, onChange }: { value: string; onChange: (name: string) => void }) {
  const printers = useApiQuery<Printers>('printers', () => desktop.printers().then((r) => r.printers));
  const options = [
    { value: '', label: '每次选择（系统打印对话框）' },
    ...(printers.data ?? []).map((p) => ({ value: p.name, label: `${p.displayName}${p.isDefault ? '（默认）' : ''}` })),
  ];
  return (
    <Space size={4}>
      <Typography.Text>选择打印机</Typography.Text>
      <Select
        style={{ width: 260 }}
        value={value}
        options={options}
        loading={printers.loading}
        onChange={onChange}
        status={printers.error ? 'error' : undefined}
        data-testid="printer-select"
      />
    </Space>
  );
}

/** The bar above the sheets (never printed): layout, printer, print and save as PDF. */
export function PrintToolbar({ count, reprints, layout, onLayout, busy, onPrint, printer, onPrinter, onBack, extra }: Props) {
  const pages = layout === 'a4' ? count : count * 2;
  return (
    <div className="print-toolbar no-print" data-testid="print-toolbar">
      <Space wrap size="middle">
        <Button icon={<ArrowLeftOutlined />} onClick={onBack}>
          返回
        </Button>
        <Typography.Text strong>打印补贴凭证</Typography.Text>
        <Segmented<VoucherLayout>
          value={layout}
          onChange={onLayout}
          options={[
            { value: 'a4', label: 'A4 两联' },
            { value: 'a5', label: 'A5 单联' },
          ]}
          data-testid="layout-switch"
        />
        {desktop.available && <PrinterSelect value={printer} onChange={onPrinter} />}
        <Button
          type="primary"
          icon={<PrinterOutlined />}
          disabled={count === 0}
          loading={busy === 'print'}
          onClick={() => onPrint('print')}
          data-testid="print-button"
        >
          打印（Ctrl+P）
        </Button>
        {desktop.available && (
          <Button icon={<FilePdfOutlined />} disabled={count === 0} loading={busy === 'pdf'} onClick={() => onPrint('pdf')}>
            保存PDF
          </Button>
        )}
        {extra}
      </Space>
      <div className="print-toolbar-note">
        共 {count} 份凭证，{layout === 'a4' ? 'A4 纸每份一页（存根联、农户联沿虚线剪开）' : 'A5 纸每联一页'}，合计 {pages}{' '}
        页。打印成功后计入打印次数，纸面上的“第N次打印”即下方预览所示
        {reprints > 0 ? `；其中 ${reprints} 份已打印过，本次为补打，须说明原因。` : '。'}
      </div>
    </div>
  );
}
