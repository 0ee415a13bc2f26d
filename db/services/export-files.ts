import { randomBytes } from 'node:crypto';
import { mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Finished exports waiting to be saved: a file in a private temp folder under an unguessable id, handed
 * out once (browser download route, desktop save dialog) and then removed. The id is the capability: it is
 * only ever given to a caller of the export method, and it is spent on first use.
 */
export interface ReadyFile {
  path: string;
  fileName: string;
  mime: string;
}

const ready = new Map<string, ReadyFile>();
const KEEP_MS = 24 * 60 * 60 * 1000;

export function exportsDir(): string {
  const dir = join(tmpdir(), `agri-exports-${process.getuid?.() ?? 'user'}`);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  return dir;
}

/** A fresh path for an export being written, and its future download id. */
export function newExportPath(): { id: string; path: string } {
  sweep();
  const id = randomBytes(24).toString('hex');
  return { id, path: join(exportsDir(), `${id}.part`) };
}

export function registerDownload(id: string, file: ReadyFile): void {
  ready.set(id, file);
}

/** Moves a finished file into the exports folder under `id` and offers it for download (see takeDownload). */
export function offerDownload(id: string, from: string, file: { fileName: string; mime: string; ext: string }): void {
  const path = join(exportsDir(), `${id}.${file.ext}`);
  renameSync(from, path);
  registerDownload(id, { path, fileName: file.fileName, mime: file.mime });
}

/** The file for a download id, removed from the list (the caller deletes it when sent); undefined if unknown or spent. */
export function takeDownload(id: string): ReadyFile | undefined {
  if (!/^[0-9a-f]{48}$/.test(id)) return undefined;
  const file = ready.get(id);
  ready.delete(id);
  return file;
}

/** Exports nobody fetched within a day are removed when the next one starts. */
function sweep(): void {
  const dir = exportsDir();
  const now = Date.now();
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    try {
      if (now - statSync(path).mtimeMs > KEEP_MS) rmSync(path, { force: true });
    } catch {
      // gone meanwhile
    }
  }
}
