import type { DesktopInput, DesktopMethod, DesktopOutput } from '../../../shared/api/desktop';
import { ApiError } from './client';
import { bridge, isDesktop } from './transport';

async function invoke<M extends DesktopMethod>(method: M, input: DesktopInput<M>): Promise<DesktopOutput<M>> {
  if (!isDesktop) throw new ApiError({ code: 'FORBIDDEN', message: '浏览器模式下请使用浏览器的打印对话框' });
  const result = await bridge.invoke(method, input);
  if (!result.ok) throw new ApiError(result.error);
  return result.data as DesktopOutput<M>;
}

/**
 * Printing in the desktop app, answered by the Electron main process. `print` and `savePdf` print the
 * page the window shows right now, so call them while the print route is displayed.
 */
export const desktop = {
  available: isDesktop,
  printers: () => invoke('desktop.printers', {}),
  print: (input: DesktopInput<'desktop.print'>) => invoke('desktop.print', input),
  savePdf: (input: DesktopInput<'desktop.savePdf'>) => invoke('desktop.savePdf', input),
  saveExport: (input: DesktopInput<'desktop.saveExport'>) => invoke('desktop.saveExport', input),
};
