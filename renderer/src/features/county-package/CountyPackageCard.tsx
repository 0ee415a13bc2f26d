import { Alert, App, Button, Card, Descriptions, Modal, Space, Typography, Upload } from 'antd';
import { useState } from 'react';
import type { Output } from '../../../../shared/api/contract';
import { chinaDateTime } from '../../../../shared/domain/civil-date';
import { api, ApiError } from '../../api/client';
import { readFileAsBase64 } from '../../api/files';
import { useApiQuery } from '../../hooks/useApiQuery';
import { useCan } from '../../session-context';
import { FingerprintInput, fingerprintComplete } from '../../components/FingerprintInput';
import { RepinCountyKey } from './RepinCountyKey';

type Confirm = Extract<Output<'settings.importPackage'>, { status: 'needsConfirmation' }>;

/**
 * 县局下发包 at a station: what is loaded (date, county key fingerprint, age) and, for the 站长, loading a
 * new one. The first package asks for the county key's fingerprint, typed as the county reads it out over the
 * phone, once.
 */
export function CountyPackageCard() {
  const { message } = App.useApp();
  const can = useCan();
  const status = useApiQuery('package-status', () => api.settings.packageStatus({}));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState<{ fileName: string; base64: string; confirm: Confirm } | null>(null);
  const [typed, setTyped] = useState('');
  const [confirmError, setConfirmError] = useState<string | null>(null);
  // a package refused because another county key signed it: the 站长 may re-pin with it
  const [otherKey, setOtherKey] = useState<{ fileName: string; base64: string } | null>(null);

  const load = async (fileName: string, base64: string, confirmFingerprint?: string) => {
    setBusy(true);
    setError(null);
    setConfirmError(null);
    setOtherKey(null);
    try {
      const r = await api.settings.importPackage({ fileName, base64, confirmFingerprint });
      if (r.status === 'needsConfirmation') {
        setTyped('');
        setPending({ fileName, base64, confirm: r });
      } else {
        setPending(null);
        void message.success(r.message);
        status.reload();
      }
    } catch (e) {
      const text = e instanceof ApiError ? e.message : '导入失败';
      // a mistyped fingerprint keeps the dialog open to try again; anything else closes it
      if (confirmFingerprint && e instanceof ApiError && e.code === 'VALIDATION') setConfirmError(text);
      else {
        setPending(null);
        setError(text);
        if (e instanceof ApiError && e.body.details?.otherCountyKey) setOtherKey({ fileName, base64 });
      }
    } finally {
      setBusy(false);
    }
  };

  const s = status.data;
  return (
    <Card title="县局下发包" data-testid="county-package-card">
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        <Descriptions column={1} bordered size="middle">
          <Descriptions.Item label="当前下发包">
            {s?.loaded ? (
              <span data-testid="package-loaded">
                {`县局 ${chinaDateTime(s.loaded.exportedAt)} 导出，${chinaDateTime(s.loaded.loadedAt)} 由 ${s.loaded.loadedBy} 导入（已 ${s.loaded.ageDays} 天）`}
              </span>
            ) : (
              '尚未导入'
            )}
          </Descriptions.Item>
          {s?.loaded && (
            <Descriptions.Item label="内容">
              {`全县农机号码 ${s.loaded.summary.machineIndex} 条；${s.loaded.summary.targetYears.length ? `${s.loaded.summary.targetYears.join('、')} 年目标及分解数；` : ''}补贴额一览表 ${s.loaded.summary.catalogs.map((c) => c.title).join('、') || '无'}`}
            </Descriptions.Item>
          )}
          <Descriptions.Item label="县局密钥指纹">
            {s?.countyFingerprint ? (
              <Typography.Text strong style={{ fontFamily: 'monospace', letterSpacing: 1 }} data-testid="county-fingerprint">
                {s.countyFingerprint}
              </Typography.Text>
            ) : (
              '尚未登记（首次导入时核对并登记）'
            )}
          </Descriptions.Item>
        </Descriptions>
        {s?.stale && (
          <Alert
            type="warning"
            showIcon
            message={s.loaded ? `下发包已超过 ${s.staleAfterDays} 天，请向县农业农村局索取最新的下发包` : '本站还没有导入县局下发包：导入后，窗口扫码时才能发现在其他乡镇申请过补贴的农机'}
          />
        )}
        {can('settings.importPackage') && (
          <Upload
            accept=".agripkg"
            showUploadList={false}
            beforeUpload={(file) => {
              void readFileAsBase64(file)
                .then((b64) => load(file.name, b64))
                .catch((e: unknown) => setError(e instanceof Error ? e.message : '无法读取该文件'));
              return false;
            }}
          >
            <Button type="primary" loading={busy} data-testid="import-package">
              导入县局下发包…
            </Button>
          </Upload>
        )}
        {error && <Alert type="error" showIcon message={error} data-testid="package-error" />}
        {otherKey && can('settings.repinCountyKey') && (
          <RepinCountyKey
            file={otherKey}
            pinnedFingerprint={s?.countyFingerprint ?? null}
            onDone={(text) => {
              setOtherKey(null);
              setError(null);
              void message.success(text);
              status.reload();
            }}
          />
        )}
      </Space>
      <Modal
        open={pending !== null}
        title="核对县局密钥指纹"
        okText="核对并登记导入"
        cancelText="取消"
        confirmLoading={busy}
        okButtonProps={{ disabled: !fingerprintComplete(typed), ...({ 'data-testid': 'confirm-fingerprint-ok' } as Record<string, string>) }}
        onOk={() => pending && void load(pending.fileName, pending.base64, typed)}
        onCancel={() => setPending(null)}
      >
        <Typography.Paragraph>
          本站第一次导入县局下发包。请打电话给县农业农村局，请对方读出县局“设置”页上的密钥指纹，在下面逐组输入：
        </Typography.Paragraph>
        <FingerprintInput
          value={typed}
          onChange={setTyped}
          source="县农业农村局"
          onEnter={() => pending && fingerprintComplete(typed) && void load(pending.fileName, pending.base64, typed)}
          testId="confirm-fingerprint"
        />
        {confirmError && <Alert type="error" showIcon style={{ marginTop: 12 }} message={confirmError} data-testid="confirm-fingerprint-error" />}
        <Typography.Paragraph type="secondary" style={{ marginTop: 12 }}>
          {pending && `下发包由 ${pending.confirm.exportedBy} 于 ${chinaDateTime(pending.confirm.exportedAt)} 导出。`}
          与下发包的县局密钥一致才登记；此后本站只接受这把密钥签名的下发包。
        </Typography.Paragraph>
      </Modal>
    </Card>
  );
}
