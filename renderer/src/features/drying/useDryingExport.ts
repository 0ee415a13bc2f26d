import { api } from '../../api/client';
import { useExportJob } from '../../hooks/useExportJob';

/** 导出 Excel: sites, dryers and the coal-retirement ledger of one township or all (an export job, then saved). */
export function useDryingExport() {
  const { job, exporting, run: runJob } = useExportJob();
  const run = (townshipCode?: string) =>
    runJob(
      () => api.drying.exportXlsx(townshipCode ? { townshipCode: townshipCode as never } : {}),
      (file) => `已导出 ${file.rowCount} 行：${file.fileName}`,
    );
  return { job, exporting, run };
}
