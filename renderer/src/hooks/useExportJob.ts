import { App } from 'antd';
import { useState } from 'react';
import type { JobStatus } from '../../../shared/schemas/jobs';
import { exportResult, type ExportResult } from '../../../shared/schemas/machines';
import { ApiError } from '../api/client';
import { saveExport } from '../api/files';
import { useJob, type JobRun } from './useJob';

export interface ExportJobRun {
  /** The export being followed, for a <JobProgress> bar with 取消. */
  job: JobRun;
  exporting: boolean;
  /** Starts an export job, follows it to the end, then saves the file where the user chooses. */
  run(start: () => Promise<JobStatus>, saved: (file: ExportResult) => string): Promise<void>;
}

/** 导出 Excel as the server writes it: a job with progress and 取消, then a save dialog or a streamed download. */
export function useExportJob(): ExportJobRun {
  const { message } = App.useApp();
  const [exporting, setExporting] = useState(false);
  const job = useJob();

  const run = async (start: () => Promise<JobStatus>, saved: (file: ExportResult) => string) => {
    setExporting(true);
    try {
      const end = await job.follow(await start());
      if (end.state !== 'done') return;
      const file = exportResult.parse(end.result);
      const done = await saveExport(file);
      job.reset();
      if (done) void message.success(saved(file));
    } catch (e) {
      void message.error(e instanceof ApiError ? e.message : '导出失败，请重试');
    } finally {
      setExporting(false);
    }
  };

  return { job, exporting, run };
}
