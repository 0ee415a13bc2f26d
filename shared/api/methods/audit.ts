import { auditListInput, auditPage } from '../../schemas/audit';
import { methods } from '../method-spec';

export const auditMethods = methods({
  'audit.list': { input: auditListInput, output: auditPage },
});
