import { createWriteStream, rmSync } from 'node:fs';
import ExcelJS from 'exceljs';
import type { JobStatus } from '../../shared/schemas/jobs';
import type { ExportResult } from '../../shared/schemas/machines';
import type { ServiceContext } from '../context';
import { newExportPath, offerDownload } from './export-files';
import { XLSX_MIME } from './xlsx';

/** Where an export reports progress and yields (a job, or the CLI's printer). */
export interface ExportProgress {
  progress(done: number, total?: number | null, phase?: string): void;
  tick(): Promise<void>;
}

/**
 * Writes a workbook straight to `path` with exceljs' streaming writer: `fill` adds the sheets (awaiting
 * `drainSheet(ws, failed)` between chunks of rows so they leave memory) and gives the number of rows it wrote.
 * `failed` rejects when the file can no longer be written (disk full), which ends the export instead of leaving
 * it waiting for the file; on any failure the file is closed before the error is thrown (a cancel's clean-up
 * must not race a stream still opening it).
 */
export async function writeWorkbookFile(
  path: string,
  fill: (wb: ExcelJS.stream.xlsx.WorkbookWriter, failed: Promise<never>) => Promise<number>,
): Promise<number> {
  const out = createWriteStream(path);
  const failed = new Promise<never>((_, reject) => out.once('error', reject));
  failed.catch(() => undefined);
  try {
    const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
    wb.creator = '农机更新补贴台账';
    const writing = (async () => {
      const rows = await fill(wb, failed);
      await wb.commit();
      return rows;
    })();
    writing.catch(() => undefined); // its failure after a write error is the same failure, already thrown
    return await Promise.race([writing, failed]);
  } catch (error) {
    await new Promise<void>((done) => {
      if (out.closed) return done();
      out.once('close', () => done());
      out.destroy();
    });
    throw error;
  }
}

/**
 * An Excel export as a job: `write` fills a file in a private temp folder with a progress bar and 取消; the
 * job's result names a one-time download id that the browser's download route or the desktop save dialog
 * turns into the file the user chose. A cancelled or failed export leaves no file behind.
 */
export function startExportJob(
  ctx: ServiceContext,
  name: string,
  write: (path: string, job: ExportProgress) => Promise<{ fileName: string; rowCount: number }>,
): JobStatus {
  return ctx.jobs.start(
    name,
    async (job) => {
      const { id, path } = newExportPath();
      try {
        const out = await write(path, job);
        job.throwIfCancelled();
        offerDownload(id, path, { fileName: out.fileName, mime: XLSX_MIME, ext: 'xlsx' });
        return { ...out, downloadId: id } satisfies ExportResult;
      } catch (error) {
        rmSync(path, { force: true });
        throw error;
      }
    },
    '正在准备导出',
  );
}

/** A workbook built in memory (a bounded document: a notice, the drying ledgers, the conflicts, the catalogue). */
export interface BuiltWorkbook {
  wb: ExcelJS.Workbook;
  fileName: string;
  rowCount: number;
}

/**
 * A workbook built during the request (so a wrong input fails the call itself), written to its file by an
 * export job and saved by the user like the ledgers: no export travels as base64 in an answer.
 */
export function startWorkbookExport(ctx: ServiceContext, name: string, built: BuiltWorkbook): JobStatus {
  return startExportJob(ctx, name, async (path, job) => {
    job.progress(0, null, '正在写入文件');
    await built.wb.xlsx.writeFile(path);
    return { fileName: built.fileName, rowCount: built.rowCount };
  });
}
