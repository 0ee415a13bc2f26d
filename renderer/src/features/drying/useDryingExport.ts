import { App } from 'antd';
import { useState } from 'react';
import { api, ApiError } from '../../api/client';
import { downloadBase64 } from '../../api/files';

/** 导出 Excel: sites, dryers and the coal-retirement ledger of one township or all. */
export function useDryingExport() {
  const { message } = App.useApp();
  const [exporting, setExporting] = useState(false);
  const run = async (townshipCode?: string) => {
    setExporting(true);
    try {
      const file = await api.drying.exportXlsx(townshipCode ? { townshipCode: townshipCode as never } : {});
      downloadBase64(file.fileName, file.base64, file.mime);
      void message.success(`已导出 ${file.rowCount} 行：${file.fileName}`);
    } catch (e) {
      void message.error(e instanceof ApiError ? e.message : '导出失败，请重试');
    } finally {
      setExporting(false);
    }
  };
  return { exporting, run };
}
