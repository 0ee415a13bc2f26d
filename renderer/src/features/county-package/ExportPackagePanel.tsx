import { Alert, App, Button, Descriptions, InputNumber, Space, Typography } from 'antd';
import { useState } from 'react';
import type { Output } from '../../../../shared/api/contract';
import { api, ApiError } from '../../api/client';
import { downloadBase64 } from '../../api/files';
import { useApiQuery } from '../../hooks/useApiQuery';
import { useCan } from '../../session-context';

type Exported = Output<'county.exportPackage'>;

/** 县局下发包: one signed file for all 18 stations (catalogue, targets and shares, calendar, settings, machine index). */
export function ExportPackagePanel() {
  const { message } = App.useApp();
  const can = useCan();
  const allowed = can('county.exportPackage');
  const [busy, setBusy] = useState(false);
  const [last, setLast] = useState<Exported | null>(null);
  const [error, setError] = useState<string | null>(null);
  const status = useApiQuery('package-status', () => api.settings.packageStatus({}));
  const [staleDays, setStaleDays] = useState<number | null>(null);
  const days = staleDays ?? status.data?.staleAfterDays ?? 30;

  const run = async () => {
    setBusy(true);
    setError(null);
    try {
      const file = await api.county.exportPackage({ staleAfterDays: days });
      downloadBase64(file.fileName, file.base64, 'application/octet-stream');
      setLast(file);
      void message.success('县局下发包已生成');
    } catch (e) {
      setError(e instanceof ApiError ? e.message : '导出失败');
    } finally {
      setBusy(false);
    }
  };

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Paragraph style={{ marginBottom: 0 }}>
        生成一个发给全部乡镇农机站的文件，用县局密钥签名，内含：现行补贴额一览表、年度目标及各乡镇分解数、工作日历补充、全县统一设置，以及全县已申请补贴或已登记报废的农机号码（出厂编号、发动机号、号牌等，只含号码、乡镇、年度和状态，不含姓名、证件号等个人信息）。各站导入后，窗口扫码时即可发现在其他乡镇申请过的农机。
      </Typography.Paragraph>
      <Space wrap>
        <span>各站下发包超过</span>
        <InputNumber<number>
          min={1}
          max={365}
          precision={0}
          value={days}
          onChange={(v) => setStaleDays(v ?? null)}
          style={{ width: 90 }}
          aria-label="提醒天数"
          data-testid="package-stale-days"
        />
        <span>天未更新时，在该站首页提醒索取新的下发包</span>
        <Button type="primary" loading={busy} disabled={!allowed} onClick={() => void run()} data-testid="export-package">
          导出县局下发包
        </Button>
      </Space>
      {!allowed && <Alert type="info" showIcon message="导出县局下发包需要县局管理员权限（它会改变各站的提醒天数）" />}
      {error && <Alert type="error" showIcon message={error} />}
      {last && (
        <Descriptions column={1} bordered size="small" data-testid="export-package-result">
          <Descriptions.Item label="文件">{`${last.fileName}（${Math.max(1, Math.round(last.sizeBytes / 1024))} KB）`}</Descriptions.Item>
          <Descriptions.Item label="县局密钥指纹">
            <Typography.Text strong style={{ fontFamily: 'monospace', letterSpacing: 1 }}>
              {last.fingerprint}
            </Typography.Text>
            <Typography.Text type="secondary">（各站首次导入时电话核对）</Typography.Text>
          </Descriptions.Item>
          <Descriptions.Item label="补贴额一览表">
            {last.summary.catalogs.length ? last.summary.catalogs.map((c) => c.title).join('、') : '无（只有随软件附带的示例表，不下发）'}
          </Descriptions.Item>
          <Descriptions.Item label="年度目标">
            {last.summary.targetYears.length ? `${last.summary.targetYears.join('、')} 年` : '未设置（各站按平均分解显示）'}
          </Descriptions.Item>
          <Descriptions.Item label="全县农机号码">{`${last.summary.machineIndex} 条`}</Descriptions.Item>
        </Descriptions>
      )}
    </Space>
  );
}
