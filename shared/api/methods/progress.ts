import { progressByTownship, progressInput, progressMonthly, progressSummary } from '../../schemas/progress';
import { access } from '../access';
import { methods } from '../method-spec';

export const progressMethods = methods({
  'progress.summary': { input: progressInput, output: progressSummary, allow: access.anyone },
  'progress.byTownship': { input: progressInput, output: progressByTownship, allow: access.anyone },
  'progress.monthly': { input: progressInput, output: progressMonthly, allow: access.anyone },
});
