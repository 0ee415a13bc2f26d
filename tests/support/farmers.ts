// No vitest imports here: the crash-test child process loads this file outside the test runner.
import type { FarmerInput } from '../../shared/schemas/farmers';
import { mobile, nthResidentId } from './ids';

/** 柳林镇, the township the test station is set up for. */
export const LIULIN = '371525103';

/** A valid individual farmer input; `n` picks a distinct ID number and phone. */
export function farmerInput(n: number, overrides: Partial<FarmerInput> = {}): FarmerInput {
  return {
    kind: 'individual',
    name: `农户${n}`,
    idNumber: nthResidentId(n).idNumber,
    phone: mobile(n),
    townshipCode: LIULIN,
    village: '东柳林村',
    ...overrides,
  };
}
