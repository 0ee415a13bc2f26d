import type { z } from 'zod';
import type { MethodSpec } from './method-spec';
import { applicationsMethods } from './methods/applications';
import { auditMethods } from './methods/audit';
import { backupsMethods } from './methods/backups';
import { countyMethods } from './methods/county';
import { dryingMethods } from './methods/drying';
import { catalogMethods } from './methods/catalog';
import { authMethods } from './methods/auth';
import { usersMethods } from './methods/users';
import { jobsMethods } from './methods/jobs';
import { ledgerImportsMethods } from './methods/ledgerImports';
import { machineIndexMethods } from './methods/machineIndex';
import { farmersMethods } from './methods/farmers';
import { mechanizationMethods } from './methods/mechanization';
import { noticesMethods } from './methods/notices';
import { paymentsMethods } from './methods/payments';
import { partnersMethods } from './methods/partners';
import { progressMethods } from './methods/progress';
import { purchasesMethods } from './methods/purchases';
import { reportsMethods } from './methods/reports';
import { scrapsMethods } from './methods/scraps';
import { settingsMethods } from './methods/settings';
import { targetsMethods } from './methods/targets';
import { vouchersMethods } from './methods/vouchers';

export type { MethodSpec } from './method-spec';

/**
 * Every method the renderer, the CLI and scripts can call, named `area.verb`; each area
 * declares its own in `methods/<area>.ts`. The dispatcher parses every input and output against these.
 */
export const contract = {
  ...settingsMethods,
  ...authMethods,
  ...usersMethods,
  ...farmersMethods,
  ...partnersMethods,
  ...scrapsMethods,
  ...purchasesMethods,
  ...applicationsMethods,
  ...vouchersMethods,
  ...catalogMethods,
  ...countyMethods,
  ...dryingMethods,
  ...auditMethods,
  ...targetsMethods,
  ...progressMethods,
  ...mechanizationMethods,
  ...reportsMethods,
  ...jobsMethods,
  ...backupsMethods,
  ...noticesMethods,
  ...paymentsMethods,
  ...ledgerImportsMethods,
  ...machineIndexMethods,
} as const satisfies Record<string, MethodSpec>;

export type Contract = typeof contract;
export type Method = keyof Contract;
/** What a caller sends (before defaults and transforms). */
export type Input<M extends Method> = z.input<Contract[M]['input']>;
/** What a handler receives (after parsing). */
export type ParsedInput<M extends Method> = z.output<Contract[M]['input']>;
export type Output<M extends Method> = z.output<Contract[M]['output']>;

export const METHODS = Object.keys(contract) as Method[];

export function isMethod(name: string): name is Method {
  return Object.prototype.hasOwnProperty.call(contract, name);
}
