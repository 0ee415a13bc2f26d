import type { Handlers } from '../shared/api/dispatch';
import type { ServiceContext } from './context';
import { applicationsHandlers } from './handlers/applications';
import { auditHandlers } from './handlers/audit';
import { backupsHandlers } from './handlers/backups';
import { countyHandlers } from './handlers/county';
import { dryingHandlers } from './handlers/drying';
import { catalogHandlers } from './handlers/catalog';
import { authHandlers } from './handlers/auth';
import { usersHandlers } from './handlers/users';
import { jobsHandlers } from './handlers/jobs';
import { ledgerImportsHandlers } from './handlers/ledgerImports';
import { machineIndexHandlers } from './handlers/machineIndex';
import { farmersHandlers } from './handlers/farmers';
import { mechanizationHandlers } from './handlers/mechanization';
import { noticesHandlers } from './handlers/notices';
import { paymentsHandlers } from './handlers/payments';
import { partnersHandlers } from './handlers/partners';
import { progressHandlers } from './handlers/progress';
import { purchasesHandlers } from './handlers/purchases';
import { reportsHandlers } from './handlers/reports';
import { scrapsHandlers } from './handlers/scraps';
import { settingsHandlers } from './handlers/settings';
import { targetsHandlers } from './handlers/targets';
import { vouchersHandlers } from './handlers/vouchers';

/** Contract method → service call, one file per area. The `Handlers` type fails to compile when a method has no entry. */
export function createHandlers(ctx: ServiceContext): Handlers {
  return {
    ...settingsHandlers(ctx),
    ...authHandlers(ctx),
    ...usersHandlers(ctx),
    ...farmersHandlers(ctx),
    ...partnersHandlers(ctx),
    ...scrapsHandlers(ctx),
    ...purchasesHandlers(ctx),
    ...applicationsHandlers(ctx),
    ...vouchersHandlers(ctx),
    ...catalogHandlers(ctx),
    ...countyHandlers(ctx),
    ...dryingHandlers(ctx),
    ...auditHandlers(ctx),
    ...targetsHandlers(ctx),
    ...progressHandlers(ctx),
    ...mechanizationHandlers(ctx),
    ...reportsHandlers(ctx),
    ...jobsHandlers(ctx),
    ...backupsHandlers(ctx),
    ...noticesHandlers(ctx),
    ...paymentsHandlers(ctx),
    ...ledgerImportsHandlers(ctx),
    ...machineIndexHandlers(ctx),
  };
}
