import { expect } from 'vitest';
import type { AppCore } from '../../db/app';
import { takeDownload } from '../../db/services/export-files';
import type { JobStatus } from '../../shared/schemas/jobs';
import { exportResult } from '../../shared/schemas/machines';
import { expectOk } from './core';

/** Runs an export job to the end and takes its file (as the download route or save dialog would). */
export async function exportedFile(
  core: AppCore,
  method: string,
  input: unknown,
): Promise<{ fileName: string; rowCount: number; path: string }> {
  const started = expectOk<JobStatus>(await core.call(method, input));
  const end = await core.ctx.jobs.wait(started.id);
  expect(end.state, JSON.stringify(end.error)).toBe('done');
  const result = exportResult.parse(end.result);
  expect(JSON.stringify(end.result)).not.toMatch(/base64/);
  const file = takeDownload(result.downloadId);
  if (!file) throw new Error('no file for the download id');
  expect(takeDownload(result.downloadId), 'a download id works once').toBeUndefined();
  return { ...result, path: file.path };
}
