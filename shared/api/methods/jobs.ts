import { jobIdInput, jobStatus } from '../../schemas/jobs';
import { access } from '../access';
import { methods } from '../method-spec';

/** Long work started by another method (which answers a JobStatus at once): follow it, or cancel it. */
export const jobsMethods = methods({
  'jobs.get': { input: jobIdInput, output: jobStatus, allow: access.anyone },
  'jobs.cancel': { input: jobIdInput, output: jobStatus, allow: access.anyone },
});
