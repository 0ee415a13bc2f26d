import { copyFile, rm, writeFile } from 'node:fs/promises';
import { BrowserWindow, dialog, type WebContents } from 'electron';
import { desktopMethods, type DesktopMethod } from '../../shared/api/desktop';
import { zodIssues } from '../../shared/api/dispatch';
import type { Result } from '../../shared/api/result';
import { AppError } from '../../shared/api/errors';
import { registerDownload, takeDownload } from '../../db/services/export-files';

/** Prints the page the caller shows (the voucher print route) with webContents.print / printToPDF. */
async function run(method: DesktopMethod, input: unknown, contents: WebContents): Promise<unknown> {
  switch (method) {
    case 'desktop.printers': {
      const printers = await contents.getPrintersAsync();
      return {
        printers: printers.map((p) => ({
          name: p.name,
          displayName: p.displayName || p.name,
          isDefault: (p.options as Record<string, string> | undefined)?.['printer-default'] === 'true',
        })),
      };
    }
    case 'desktop.print': {
      const o = desktopMethods['desktop.print'].input.parse(input);
      return new Promise((resolve) => {
        contents.print(
          {
            silent: Boolean(o.deviceName),
            deviceName: o.deviceName,
            pageSize: o.pageSize,
            copies: o.copies,
            printBackground: true,
            ...(o.cssPage ? { landscape: true } : { margins: { marginType: 'none' as const } }),
          },
          (printed, reason) => resolve({ printed, reason: printed ? null : reason || '已取消打印' }),
        );
      });
    }
    case 'desktop.savePdf': {
      const o = desktopMethods['desktop.savePdf'].input.parse(input);
      const window = BrowserWindow.fromWebContents(contents);
      const options = {
        defaultPath: o.fileName.endsWith('.pdf') ? o.fileName : `${o.fileName}.pdf`,
        filters: [{ name: 'PDF', extensions: ['pdf'] }],
      };
      const choice = window ? await dialog.showSaveDialog(window, options) : await dialog.showSaveDialog(options);
      if (choice.canceled || !choice.filePath) return { saved: false, path: null };
      const pdf = await contents.printToPDF(
        o.cssPage
          ? { preferCSSPageSize: true, printBackground: true, displayHeaderFooter: false }
          : { pageSize: o.pageSize, printBackground: true, margins: { marginType: 'none' } },
      );
      await writeFile(choice.filePath, pdf);
      return { saved: true, path: choice.filePath };
    }
    case 'desktop.saveExport': {
      const o = desktopMethods['desktop.saveExport'].input.parse(input);
      const file = takeDownload(o.downloadId);
      if (!file) throw new AppError('NOT_FOUND', '该导出文件不存在或已保存过，请重新导出');
      const window = BrowserWindow.fromWebContents(contents);
      const options = { defaultPath: o.fileName, filters: [{ name: 'Excel 工作簿', extensions: ['xlsx'] }] };
      const choice = window ? await dialog.showSaveDialog(window, options) : await dialog.showSaveDialog(options);
      if (choice.canceled || !choice.filePath) {
        registerDownload(o.downloadId, file); // the user may choose again
        return { saved: false, path: null };
      }
      await copyFile(file.path, choice.filePath);
      await rm(file.path, { force: true });
      return { saved: true, path: choice.filePath };
    }
  }
}

/** Validates a desktop call with its shared zod schema and answers with a Result, like the dispatcher. */
export async function handleDesktop(method: DesktopMethod, input: unknown, contents: WebContents): Promise<Result<unknown>> {
  const spec = desktopMethods[method];
  const parsed = spec.input.safeParse(input ?? {});
  if (!parsed.success) {
    const issues = zodIssues(parsed.error);
    return { ok: false, error: { code: 'VALIDATION', message: issues[0]?.message ?? '参数有误', issues } };
  }
  try {
    return { ok: true, data: spec.output.parse(await run(method, parsed.data, contents)) };
  } catch (error) {
    if (error instanceof AppError) return { ok: false, error: { code: error.code, message: error.message } };
    console.error(`[agri] ${method} failed`, error);
    if (method === 'desktop.saveExport') return { ok: false, error: { code: 'INTERNAL', message: '保存失败：请检查所选位置是否可写，然后重试' } };
    return { ok: false, error: { code: 'INTERNAL', message: '打印失败：请检查打印机是否连接、是否有纸，然后重试' } };
  }
}
