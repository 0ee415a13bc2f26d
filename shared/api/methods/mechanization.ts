import {
  mechanizationSaveInput,
  mechanizationSummary,
  mechanizationSummaryInput,
  mechanizationTownship,
} from '../../schemas/mechanization';
import { methods } from '../method-spec';

export const mechanizationMethods = methods({
  'mechanization.save': { input: mechanizationSaveInput, output: mechanizationTownship, writes: true, roles: ['county'] },
  'mechanization.summary': { input: mechanizationSummaryInput, output: mechanizationSummary },
});
