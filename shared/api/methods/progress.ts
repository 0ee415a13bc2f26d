import { progressByTownship, progressInput, progressMonthly, progressSummary } from '../../schemas/progress';
import { methods } from '../method-spec';

export const progressMethods = methods({
  'progress.summary': { input: progressInput, output: progressSummary },
  'progress.byTownship': { input: progressInput, output: progressByTownship },
  'progress.monthly': { input: progressInput, output: progressMonthly },
});
