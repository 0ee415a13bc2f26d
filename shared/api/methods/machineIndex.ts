import { machineCheckInput, machineCheckOutput } from '../../schemas/county-package';
import { access } from '../access';
import { methods } from '../method-spec';

export const machineIndexMethods = methods({
  /** The counter's live check (scan, leaving a number field): local duplicates and the county package's machine index. */
  'machineIndex.check': { input: machineCheckInput, output: machineCheckOutput, allow: access.station },
});
