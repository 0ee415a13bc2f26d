import { desktop } from './desktop';

/**
 * Files in and out of the renderer, the same in browser mode and in Electron: a chosen file is read
 * as base64 for a contract method; an answer's base64 is saved through a download link.
 */

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const CSV_MIME = 'text/csv';
export const PDF_MIME = 'application/pdf';

/** The file's bytes as base64 (no "data:" prefix), for methods such as catalog.import. */
export function readFileAsBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const url = typeof reader.result === 'string' ? reader.result : '';
      const comma = url.indexOf(',');
      if (!url.startsWith('data:') || comma < 0) reject(new Error('无法读取该文件'));
      else resolve(url.slice(comma + 1));
    };
    reader.onerror = () => reject(reader.error ?? new Error('无法读取该文件'));
    reader.onabort = () => reject(new Error('读取文件被中断'));
    reader.readAsDataURL(file);
  });
}

/** Bytes of a base64 text. */
export function base64ToBytes(base64: string): Uint8Array<ArrayBuffer> {
  const binary = atob(base64);
  const bytes = new Uint8Array(new ArrayBuffer(binary.length));
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/**
 * Saves base64 content as a file the way a browser downloads: a temporary anchor on a blob URL.
 * In Electron the same click goes through the session's download handling (a save dialog).
 */
export function downloadBase64(fileName: string, base64: string, mime: string = XLSX_MIME): void {
  const url = URL.createObjectURL(new Blob([base64ToBytes(base64)], { type: mime }));
  const anchor = document.createElement('a');
  anchor.href = url;
  anchor.download = fileName;
  anchor.rel = 'noopener';
  anchor.style.display = 'none';
  document.body.appendChild(anchor);
  anchor.click();
  anchor.remove();
  // Give the download time to start before the URL goes away.
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
}

/**
 * Saves a finished export (a job's result): in the desktop app through a save dialog; in browser mode as a
 * download streamed from the local server by its one-time id. The bytes never travel through an RPC answer.
 */
export async function saveExport(file: { downloadId: string; fileName: string }): Promise<boolean> {
  if (desktop.available) return (await desktop.saveExport({ downloadId: file.downloadId, fileName: file.fileName })).saved;
  const anchor = document.createElement('a');
  anchor.href = `/download/${file.downloadId}`;
  anchor.download = file.fileName;
  anchor.rel = 'noopener';
  anchor.style.display = 'none';
  document.body.appendChild(anchor);
  anchor.click();
  anchor.remove();
  return true;
}
