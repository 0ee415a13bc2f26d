import { z } from './zod-locale';

/**
 * Desktop-only calls (printing), carried by the same bridge as contract methods but answered by the
 * Electron main process, not the service layer. Browser mode uses the browser's own print dialog.
 */
export const desktopMethods = {
  'desktop.printers': {
    input: z.strictObject({}),
    output: z.object({ printers: z.array(z.object({ name: z.string(), displayName: z.string(), isDefault: z.boolean() })) }),
  },
  'desktop.print': {
    input: z.strictObject({
      /** Empty: show the system print dialog. */
      deviceName: z.string().max(200).optional(),
      pageSize: z.enum(['A4', 'A5']).default('A4'),
      copies: z.number().int().min(1).max(10).default(1),
      /** The page's own @page size and margins (A4 landscape notice with page numbers in its margins). */
      cssPage: z.boolean().default(false),
    }),
    output: z.object({ printed: z.boolean(), reason: z.string().nullable() }),
  },
  'desktop.savePdf': {
    input: z.strictObject({
      fileName: z.string().trim().min(1).max(120),
      pageSize: z.enum(['A4', 'A5']).default('A4'),
      cssPage: z.boolean().default(false),
    }),
    output: z.object({ saved: z.boolean(), path: z.string().nullable() }),
  },
  /** Saves a finished export (its one-time download id) where the user chooses in a save dialog. */
  'desktop.saveExport': {
    input: z.strictObject({
      downloadId: z.string().regex(/^[0-9a-f]{48}$/),
      fileName: z.string().trim().min(1).max(160),
    }),
    output: z.object({ saved: z.boolean(), path: z.string().nullable() }),
  },
} as const;

export type DesktopMethod = keyof typeof desktopMethods;
export type DesktopInput<M extends DesktopMethod> = z.input<(typeof desktopMethods)[M]['input']>;
export type DesktopOutput<M extends DesktopMethod> = z.output<(typeof desktopMethods)[M]['output']>;

export function isDesktopMethod(name: string): name is DesktopMethod {
  return Object.prototype.hasOwnProperty.call(desktopMethods, name);
}
