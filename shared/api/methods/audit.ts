import { auditListInput, auditPage } from '../../schemas/audit';
import { access } from '../access';
import { methods } from '../method-spec';

export const auditMethods = methods({
  'audit.list': { input: auditListInput, output: auditPage, allow: access.anyone },
});
