import { noInput } from '../../schemas/common';
import { backupRef, backupsConfig, backupsConfigInput, backupsCreateInput, backupsList } from '../../schemas/backups';
import { jobStatus } from '../../schemas/jobs';
import { access } from '../access';
import { methods } from '../method-spec';

/**
 * 数据备份. create/verify/restore answer a JobStatus at once (follow it with jobs.get); their results are
 * createResult / backupCheck / restoreResult (shared/schemas/backups.ts). Anyone may back up (a one-person
 * station's technician must be able to); restoring and the settings (folder, password) are the administrator's.
 */
export const backupsMethods = methods({
  'backups.list': { input: noInput, output: backupsList, allow: access.anyone },
  'backups.create': { input: backupsCreateInput, output: jobStatus, allow: access.anyone },
  'backups.verify': { input: backupRef, output: jobStatus, allow: access.admins },
  'backups.restore': { input: backupRef, output: jobStatus, writes: true, allow: access.admins },
  'backups.config': { input: backupsConfigInput, output: backupsConfig, writes: true, allow: access.admins },
});
