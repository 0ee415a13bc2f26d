import { auditListInput, auditPage } from '../../schemas/audit';
import { accessLogInput, accessLogPage } from '../../schemas/auth';
import { access } from '../access';
import { methods } from '../method-spec';

export const auditMethods = methods({
  'audit.list': { input: auditListInput, output: auditPage, allow: access.anyone },
  /** Who viewed full ID, phone or bank numbers. */
  'audit.accessLog': { input: accessLogInput, output: accessLogPage, allow: access.admins },
});
