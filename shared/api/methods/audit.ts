import { auditListInput, auditPage, auditVerifyOutput } from '../../schemas/audit';
import { noInput } from '../../schemas/common';
import { access } from '../access';
import { methods } from '../method-spec';

export const auditMethods = methods({
  'audit.list': { input: auditListInput, output: auditPage, allow: access.anyone },
  'audit.verify': { input: noInput, output: auditVerifyOutput, allow: access.anyone },
});
