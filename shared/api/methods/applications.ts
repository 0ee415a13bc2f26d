import { todoInput, todoPage, transitionInput, transitionOutput } from '../../schemas/applications';
import { objection, objectionInput } from '../../schemas/notices';
import { payInput, payment } from '../../schemas/payments';
import { access } from '../access';
import { methods } from '../method-spec';

export const applicationsMethods = methods({
  'applications.transition': { input: transitionInput, output: transitionOutput, writes: true, allow: access.station },
  'applications.todo': { input: todoInput, output: todoPage, allow: access.station },
  /** 异议: record one during the notice, or its outcome (back to 核验, or 退回). */
  'applications.objection': { input: objectionInput, output: objection, writes: true, allow: access.station },
  /** 兑付 with its facts: the only way an application becomes 已兑付. */
  'applications.pay': { input: payInput, output: payment, writes: true, allow: access.stationHead },
});
