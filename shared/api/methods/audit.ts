import { auditListInput, auditPage, auditVerifyOutput } from '../../schemas/audit';
import { accessLogInput, accessLogPage } from '../../schemas/auth';
import { noInput } from '../../schemas/common';
import { access } from '../access';
import { methods } from '../method-spec';

export const auditMethods = methods({
  'audit.list': { input: auditListInput, output: auditPage, allow: access.anyone },
  /** Who viewed full ID, phone or bank numbers. */
  'audit.accessLog': { input: accessLogInput, output: accessLogPage, allow: access.admins },
  'audit.verify': { input: noInput, output: auditVerifyOutput, allow: access.anyone },
});
