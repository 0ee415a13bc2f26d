import { jobStatus } from '../../schemas/jobs';
import { reportInput } from '../../schemas/progress';
import { access } from '../access';
import { methods } from '../method-spec';

export const reportsMethods = methods({
  /** The progress report (summary, per-township and monthly sheets, the counted ledgers, mechanization), as an export job. */
  'reports.exportXlsx': { input: reportInput, output: jobStatus, allow: access.anyone },
});
