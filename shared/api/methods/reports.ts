import { fileOutput } from '../../schemas/machines';
import { reportInput } from '../../schemas/progress';
import { access } from '../access';
import { methods } from '../method-spec';

export const reportsMethods = methods({
  /** The progress report: summary, per-township and monthly sheets, the counted ledgers, mechanization. */
  'reports.exportXlsx': { input: reportInput, output: fileOutput, allow: access.anyone },
});
