import { App, Button, Card, Typography } from 'antd';
import { useState } from 'react';
import { api, ApiError } from '../../api/client';
import { saveExport } from '../../api/files';

/** 导出上报文件: the station's consistent snapshot for the county, saved as one .agri file. */
export function ExportStationCard() {
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const [last, setLast] = useState<string | null>(null);

  const run = async () => {
    setBusy(true);
    try {
      const file = await api.county.exportStation({});
      await saveExport(file);
      const counts = file.rowCounts;
      setLast(
        `${file.fileName}（农户 ${counts.farmers ?? 0}，报废 ${counts.scraps ?? 0}，购置 ${counts.purchases ?? 0}，${(file.sizeBytes / 1024).toFixed(0)} KB）`,
      );
      void message.success('上报文件已生成');
    } catch (e) {
      void message.error(e instanceof ApiError ? e.message : '导出失败');
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card title="向县农业农村局上报">
      <Typography.Paragraph>
        生成本站全部数据的上报文件（一致性快照，含校验清单），通过U盘或工作群发给县农业农村局导入。重复上报不会造成重复计数。
      </Typography.Paragraph>
      <Button type="primary" loading={busy} onClick={() => void run()} data-testid="export-station">
        导出上报文件
      </Button>
      {last && (
        <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
          已生成：{last}
        </Typography.Paragraph>
      )}
    </Card>
  );
}
