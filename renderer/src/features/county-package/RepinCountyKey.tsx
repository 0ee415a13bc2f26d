import { Alert, Button, Modal, Typography } from 'antd';
import { useState } from 'react';
import { api, ApiError } from '../../api/client';
import { FingerprintInput, fingerprintComplete } from '../../components/FingerprintInput';

interface Props {
  /** The package refused because another county key signed it. */
  file: { fileName: string; base64: string };
  /** The key this station has pinned now. */
  pinnedFingerprint: string | null;
  onDone: (message: string) => void;
}

/**
 * 重新登记县局密钥 (站长): when the county lost its key and signs with a new one, the station head types the
 * new fingerprint as the county reads it out over the phone; only a match pins the new key and loads the package.
 */
export function RepinCountyKey({ file, pinnedFingerprint, onDone }: Props) {
  const [open, setOpen] = useState(false);
  const [typed, setTyped] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = async () => {
    if (!fingerprintComplete(typed)) return;
    setBusy(true);
    setError(null);
    try {
      const r = await api.settings.repinCountyKey({ fileName: file.fileName, base64: file.base64, confirmFingerprint: typed });
      setOpen(false);
      onDone(r.status === 'needsConfirmation' ? '已重新登记县局密钥' : `已重新登记县局密钥；${r.message}`);
    } catch (e) {
      setError(e instanceof ApiError ? e.message : '重新登记失败');
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Button
        danger
        onClick={() => {
          setTyped('');
          setError(null);
          setOpen(true);
        }}
        data-testid="repin-county-key"
      >
        县局已更换密钥：重新登记…
      </Button>
      <Modal
        open={open}
        title="重新登记县局密钥"
        okText="核对并重新登记"
        cancelText="取消"
        confirmLoading={busy}
        okButtonProps={{ disabled: !fingerprintComplete(typed), ...({ 'data-testid': 'repin-fingerprint-ok' } as Record<string, string>) }}
        onOk={() => void submit()}
        onCancel={() => setOpen(false)}
      >
        <Typography.Paragraph>
          只有县农业农村局确实更换了密钥（例如电脑损坏后重装）时才重新登记。请打电话给县农业农村局，请对方读出县局“设置”页上的新密钥指纹，在下面逐组输入：
        </Typography.Paragraph>
        <FingerprintInput value={typed} onChange={setTyped} source="县农业农村局" onEnter={() => void submit()} testId="repin-fingerprint" />
        {error && <Alert type="error" showIcon style={{ marginTop: 12 }} message={error} data-testid="repin-fingerprint-error" />}
        <Typography.Paragraph type="secondary" style={{ marginTop: 12 }}>
          {pinnedFingerprint ? `本站现登记的县局密钥指纹为 ${pinnedFingerprint}。` : ''}
          与下发包的新密钥一致才重新登记并导入；此后本站只接受新密钥签名的下发包，旧密钥签名的将被拒绝。
        </Typography.Paragraph>
      </Modal>
    </>
  );
}
