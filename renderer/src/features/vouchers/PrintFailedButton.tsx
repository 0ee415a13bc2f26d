import { App, Button, Modal, Typography } from 'antd';
import { useState } from 'react';
import type { Voucher } from '../../../../shared/schemas/vouchers';
import { api, ApiError } from '../../api/client';
import { LimitedTextArea } from '../../components/LimitedInput';

interface Props {
  /** The vouchers of the print just counted on this page. */
  ids: string[];
  onDone: (items: Voucher[]) => void;
}

/** 未打印成功: the paper did not come out; the technician takes the print back (recorded with a note, audited). */
export function PrintFailedButton({ ids, onDone }: Props) {
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  if (ids.length === 0) return null;
  const submit = async () => {
    setBusy(true);
    try {
      const { items } = await api.vouchers.markPrintFailed({ ids, note: note.trim() });
      onDone(items);
      setOpen(false);
      setNote('');
      void message.success('已登记为未打印成功，打印次数已退回');
    } catch (e) {
      void message.error(e instanceof ApiError ? e.message : '登记失败，请重试');
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <Button danger onClick={() => setOpen(true)} data-testid="print-failed">
        未打印成功
      </Button>
      <Modal
        open={open}
        title="登记未打印成功"
        okText="登记"
        cancelText="取消"
        confirmLoading={busy}
        onOk={() => void submit()}
        onCancel={() => setOpen(false)}
        okButtonProps={{ 'data-testid': 'print-failed-confirm' } as Record<string, string>}
      >
        <Typography.Paragraph>
          刚才的打印没有出纸或无法使用（卡纸、空白、打错打印机）时登记：本次打印不计入次数，下次打印仍为同一次序。已打出的残页请销毁。
        </Typography.Paragraph>
        <LimitedTextArea
          autoFocus
          rows={2}
          value={note}
          onChange={(e) => setNote(e.target.value)}
          placeholder="情况说明（可选），如：卡纸未出纸"
          maxLength={100}
          data-testid="print-failed-note"
        />
      </Modal>
    </>
  );
}
