import {
  mechanizationSaveInput,
  mechanizationSummary,
  mechanizationSummaryInput,
  mechanizationTownship,
} from '../../schemas/mechanization';
import { access } from '../access';
import { methods } from '../method-spec';

export const mechanizationMethods = methods({
  'mechanization.save': { input: mechanizationSaveInput, output: mechanizationTownship, writes: true, allow: access.county },
  'mechanization.summary': { input: mechanizationSummaryInput, output: mechanizationSummary, allow: access.anyone },
});
